// The desktop wall window: the wall screen full screen on the duty-room wall's display, kiosk-like (no frame, no menu,
// nothing to navigate to), with the app window's hardened web preferences. Where and when: wall-placement.ts.
import { BrowserWindow, type Display, screen } from 'electron';
import { pageReloadIntervalMs, windowBackground, windowTitle } from './app-window';
import { appEntryUrl, hardenedWebPreferences } from './security-policy';
import { type ByHand, type DisplayInfo, isWallShortcut, planWallWindow, sameBounds, toggleByHand } from './wall-placement';

export const wallEntryUrl = `${appEntryUrl}#/wall`;

export interface WallWindows {
  /** The administrator's setting as the core has it now; opens, moves or closes the window to match. */
  setEnabled(enabled: boolean): void;
  /** Ctrl+Shift+W: opens the wall window, or closes it. */
  toggle(): void;
  /** Whether these web contents are the wall window's (its bridge session reads the wall only). */
  isWall(contents: Electron.WebContents): boolean;
  /** Wire to a window's web contents so the shortcut works from there. */
  listenForShortcut(contents: Electron.WebContents): void;
  close(): void;
}

function displayInfo(d: Display): DisplayInfo {
  return { id: d.id, bounds: d.bounds, internal: d.internal };
}

export function wallWindows(options: { preloadPath: string; onPageGone?: (reason: string) => void }): WallWindows {
  let window: BrowserWindow | null = null;
  let enabled = false;
  let byHand: ByHand = null;
  let stopped = false;
  const wallContents = new WeakSet<Electron.WebContents>();
  const closedByUs = new WeakSet<BrowserWindow>();
  const closeOurselves = () => {
    if (!window || window.isDestroyed()) return;
    closedByUs.add(window);
    window.close();
  };

  const reconcile = () => {
    if (stopped) return;
    const plan = planWallWindow({ enabled, displays: screen.getAllDisplays().map(displayInfo), primaryId: screen.getPrimaryDisplay().id, byHand });
    if (!plan.open) {
      closeOurselves();
      return;
    }
    if (window && !window.isDestroyed()) {
      if (!sameBounds(window.getBounds(), plan.display.bounds)) {
        // Full screen pins a window to its display: leave it, move, and take the new display whole.
        window.setFullScreen(false);
        window.setBounds(plan.display.bounds);
        window.setFullScreen(true);
      }
      return;
    }
    window = openWallWindow(plan.display.bounds);
  };

  const openWallWindow = (bounds: DisplayInfo['bounds']): BrowserWindow => {
    const opened = new BrowserWindow({
      title: windowTitle,
      ...bounds,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      resizable: false,
      minimizable: false,
      backgroundColor: windowBackground,
      show: false,
      webPreferences: hardenedWebPreferences(options.preloadPath),
    });
    wallContents.add(opened.webContents);
    opened.setMenuBarVisibility(false);
    opened.on('page-title-updated', (event) => event.preventDefault());
    opened.once('ready-to-show', () => opened.showInactive());
    listenForShortcut(opened.webContents);
    opened.on('closed', () => {
      if (window === opened) window = null;
      // Closed by the window manager (Alt+F4): as the shortcut would, so a display change does not bring it back.
      if (!closedByUs.has(opened) && !stopped) byHand = 'closed';
    });
    // A page that dies is loaded again, never faster than the app window's interval.
    let lastReloadAt = -Infinity;
    opened.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || opened.isDestroyed()) return;
      options.onPageGone?.(details.reason);
      const wait = Math.max(0, lastReloadAt + pageReloadIntervalMs - Date.now());
      setTimeout(() => {
        if (opened.isDestroyed()) return;
        lastReloadAt = Date.now();
        load(opened);
      }, wait);
    });
    load(opened);
    return opened;
  };

  const listenForShortcut = (contents: Electron.WebContents) => {
    contents.on('before-input-event', (event, input) => {
      if (!isWallShortcut(input)) return;
      event.preventDefault();
      toggle();
    });
  };

  const toggle = () => {
    byHand = toggleByHand(window !== null && !window.isDestroyed());
    reconcile();
  };

  screen.on('display-added', reconcile);
  screen.on('display-removed', reconcile);
  screen.on('display-metrics-changed', reconcile);

  return {
    setEnabled(next) {
      // Turned on or off again: what was pressed before no longer counts.
      if (next !== enabled) byHand = null;
      enabled = next;
      reconcile();
    },
    toggle,
    isWall: (contents) => wallContents.has(contents),
    listenForShortcut,
    close() {
      stopped = true;
      screen.off('display-added', reconcile);
      screen.off('display-removed', reconcile);
      screen.off('display-metrics-changed', reconcile);
      closeOurselves();
    },
  };
}

function load(window: BrowserWindow): void {
  window.loadURL(wallEntryUrl).catch((err: unknown) => {
    console.error(`The wall screen could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  });
}
