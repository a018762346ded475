// The console's window: hardened web preferences, a dark background before the page paints, the app URL.
import { BrowserWindow } from 'electron';
import { appEntryUrl, hardenedWebPreferences } from './security-policy';

export const windowTitle = '值守台 Duty Console';
/** The renderer's layout background (renderer/index.html), so no white flash before it paints. */
export const windowBackground = '#10141c';

export interface AppWindowOptions {
  preloadPath: string;
  /** Told each time the page's process dies (the crash log keeps it). */
  onPageGone?: (reason: string) => void;
}

/** A page that dies again within this time of its last reload waits for the rest of it before the next one. */
export const pageReloadIntervalMs = 10_000;

export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: windowTitle,
    width: 1440,
    height: 900,
    // Below this the sidebar and an incident table no longer fit side by side.
    minWidth: 1024,
    minHeight: 680,
    backgroundColor: windowBackground,
    show: false,
    webPreferences: hardenedWebPreferences(options.preloadPath),
  });

  // The title names the product at a glance in the taskbar, whatever page is open.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  // A crashed or killed renderer must not leave a guard looking at a frozen screen; a page that dies again at once
  // is reloaded once the interval has passed, never in a tight loop, and never given up on.
  let lastReloadAt = -Infinity;
  let pendingReload: ReturnType<typeof setTimeout> | null = null;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    options.onPageGone?.(details.reason);
    const wait = Math.max(0, lastReloadAt + pageReloadIntervalMs - Date.now());
    console.error(`The console's page stopped (${details.reason}); reloading it${wait > 0 ? ` in ${Math.ceil(wait / 1000)} s` : ''}.`);
    if (pendingReload) return;
    pendingReload = setTimeout(() => {
      pendingReload = null;
      if (window.isDestroyed()) return;
      lastReloadAt = Date.now();
      loadApp(window);
    }, wait);
  });

  loadApp(window);
  return window;
}

function loadApp(window: BrowserWindow): void {
  window.loadURL(appEntryUrl).catch((err: unknown) => {
    console.error(`The console's page could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  });
}

/** Brings an existing window to the front (a second launch, or the dock icon). */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
