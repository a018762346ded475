// The console's window: hardened web preferences, a dark background before the page paints, the app URL.
import { BrowserWindow } from 'electron';
import { appEntryUrl, hardenedWebPreferences } from './security-policy';

export const windowTitle = '值守台 Duty Console';
/** The renderer's layout background (renderer/index.html), so no white flash before it paints. */
export const windowBackground = '#10141c';

export interface AppWindowOptions {
  preloadPath: string;
}

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

  // A crashed or killed renderer must not leave a guard looking at a frozen screen; but a page that
  // dies again at once is not reloaded in a loop.
  let lastReloadAt = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    const reload = now - lastReloadAt > 10_000;
    console.error(`The console's page stopped (${details.reason})${reload ? '; reloading it' : ''}.`);
    if (!reload) return;
    lastReloadAt = now;
    loadApp(window);
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
