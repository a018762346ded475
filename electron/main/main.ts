// The desktop app's main process: one instance per data directory, the core on that directory,
// the renderer on app://, the preload bridge, one hardened window.
import { join, resolve } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { type Core, startCore } from '../core/core';
import { appFolderName, dataDirArgument } from '../core/data-dir';
import { appendCrashLog } from '../node/crash-log';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createAppWindow, revealWindow } from './app-window';
import { relaunchAfterCrash } from './crash-relaunch';
import { installIpcBridge } from './ipc-bridge';
import { electronRecordPdf } from './record-pdf-window';
import { guardSession, guardWebContents } from './security-guards';
import { installWithElectronUpdater } from './updater';
import { wallWindows } from './wall-window';

declare const __APP_VERSION__: string;

// Both must happen before the app is ready.
registerAppScheme();
app.enableSandbox();

// `electron dist/main.cjs` would otherwise be called "Electron" and keep its data in ~/.config/Electron;
// a name set now does not move userData (Electron computes it once), so the path is set as well.
app.setName(appFolderName);
const dataDir = resolve(dataDirArgument(process.argv) ?? join(app.getPath('appData'), appFolderName));
// Chromium's own storage goes with the data, and the single-instance lock is per userData: two
// consoles on two data directories may run side by side, two on one directory may not.
app.setPath('userData', dataDir);
// From here an error nothing caught is written to <dataDir>/crash.log and the app starts again.
const crashLog = { dataDir, version: __APP_VERSION__, processName: 'desktop' };
relaunchAfterCrash(crashLog);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let core: Core | null = null;
  let stopBridge: (() => void) | null = null;
  let window: BrowserWindow | null = null;
  const bundleDir = __dirname;
  const onPageGone = (reason: string) => appendCrashLog(crashLog, 'renderer', reason);
  let wall: ReturnType<typeof wallWindows> | null = null;
  let stopWallWatch: (() => void) | null = null;

  const openWindow = () => {
    window = createAppWindow({ preloadPath: join(bundleDir, 'preload.cjs'), onPageGone });
    wall?.listenForShortcut(window.webContents);
    window.on('closed', () => {
      window = null;
      // The console's window is the app: closing it ends the app, the wall window with it.
      if (wall) app.quit();
    });
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('second-instance', () => {
    if (window) revealWindow(window);
  });
  app.on('activate', () => {
    if (app.isReady() && core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // A machine-room console has one window; closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !core) return;
    // Let the core finish its transactions and close the database before the process exits.
    event.preventDefault();
    closing = true;
    stopWallWatch?.();
    wall?.close();
    stopBridge?.();
    core
      .close()
      .catch((err: unknown) => console.error(`The database did not close cleanly: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      if (process.platform === 'win32') app.setAppUserModelId('com.dutyconsole.app');
      guardSession(session.defaultSession);
      serveAppProtocol(session.defaultSession, join(bundleDir, 'renderer'));
      // A restore restarts the app: the core closes on quit, the next start applies the restore before opening.
      const restart = () => {
        app.relaunch();
        app.quit();
      };
      // Finished maintenance records are printed to PDF in a hidden window of the app itself (record-pdf-window.ts).
      const recordPdfRenderer = electronRecordPdf(join(bundleDir, 'preload.cjs'));
      core = await startCore({ dataDir, transport: 'electron', version: __APP_VERSION__, restart, installUpdate: installWithElectronUpdater, recordPdfRenderer });
      if (core.info.startupError) {
        // The window still opens: the renderer shows the startup error screen from system.info.
        console.error(`The console could not open its data (${core.info.startupError.code}): ${JSON.stringify(core.info.startupError.params)}`);
      }
      wall = wallWindows({ preloadPath: join(bundleDir, 'preload.cjs'), onPageGone });
      stopBridge = installIpcBridge(core, (contents) => wall?.isWall(contents) ?? false);
      openWindow();
      stopWallWatch = watchWallSetting(core, (enabled) => wall?.setEnabled(enabled));
    })
    .catch((err: unknown) => {
      console.error(`Duty Console could not start: ${err instanceof Error ? err.message : String(err)}`);
      app.exit(1);
    });
}

/**
 * Tells `onSetting` the wall setting now and after every committed change (an administrator turning it on or off is
 * journaled): the wall window opens at start while the wall is on, and follows the switch.
 */
function watchWallSetting(core: Core, onSetting: (enabled: boolean) => void): () => void {
  if (core.info.startupError) return () => undefined;
  let reading = false;
  let again = false;
  const read = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const result = await core.call('wall.settings', {}, { operator: 'desktop' });
        if (result.ok) onSetting((result.value as { enabled: boolean }).enabled);
      } while (again);
    } finally {
      reading = false;
    }
  };
  const readQuietly = () => void read().catch((err: unknown) => console.error(`The wall setting could not be read: ${err instanceof Error ? err.message : String(err)}`));
  readQuietly();
  return core.onEvent((event) => {
    if (event === 'journal.appended') readQuietly();
  });
}
