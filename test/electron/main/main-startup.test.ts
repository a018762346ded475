// The main process end to end against a stand-in electron module: the order of start-up, the data
// directory from --data-dir, the hardened window on app://, a working bridge, a clean quit.
import { EventEmitter } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-core';

const dataDir = tempDir('duty-console-main-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const fake = vi.hoisted(() => ({
  calls: [] as string[],
  appEvents: new Map<string, (...args: unknown[]) => unknown>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as { options: Record<string, unknown>; urls: string[]; webContents: import('node:events').EventEmitter }[],
  paths: new Map<string, string>(),
  ready: null as null | (() => void),
  readyPromise: null as null | Promise<void>,
  quit: 0,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.readyPromise = new Promise<void>((resolve) => (fake.ready = resolve));
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fake.windows;
    webContents = Object.assign(new Emitter(), {
      setWindowOpenHandler: () => undefined,
      // A signed-in page hears core events over its contents.
      isDestroyed: () => false,
      getType: () => 'window',
      getURL: () => 'app://duty-console/index.html',
      send: () => undefined,
    });
    urls: string[] = [];
    constructor(public options: Record<string, unknown>) {
      super();
      fake.calls.push('new BrowserWindow');
      fake.windows.push(this);
    }
    loadURL = async (url: string) => {
      this.urls.push(url);
    };
    destroyed = false;
    isDestroyed = () => this.destroyed;
    close = () => {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    };
    getBounds = () => ({ x: Number(this.options.x ?? 0), y: Number(this.options.y ?? 0), width: Number(this.options.width), height: Number(this.options.height) });
    setBounds = () => undefined;
    setFullScreen = () => undefined;
    setMenuBarVisibility = () => undefined;
    showInactive = () => undefined;
  }
  // The guard's desk screen and, to its right, the monitor on the duty-room wall.
  const screen = {
    getAllDisplays: () => [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: false },
      { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, internal: false },
    ],
    getPrimaryDisplay: () => ({ id: 1 }),
    on: () => undefined,
    off: () => undefined,
  };
  const session = {
    protocol: { handle: (scheme: string) => fake.calls.push(`protocol.handle ${scheme}`) },
    setPermissionRequestHandler: () => fake.calls.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => fake.calls.push('setPermissionCheckHandler'),
    setDevicePermissionHandler: () => undefined,
  };
  return {
    app: {
      enableSandbox: () => fake.calls.push('enableSandbox'),
      setName: (name: string) => fake.calls.push(`setName ${name}`),
      getPath: (name: string) => fake.paths.get(name) ?? `/home/guard/.config`,
      setPath: (name: string, path: string) => fake.paths.set(name, path),
      requestSingleInstanceLock: () => (fake.calls.push('requestSingleInstanceLock'), true),
      on: (event: string, listener: (...args: unknown[]) => unknown) => fake.appEvents.set(event, listener),
      whenReady: () => fake.readyPromise,
      isReady: () => true,
      quit: () => (fake.quit += 1),
      exit: (code: number) => fake.calls.push(`exit ${code}`),
      relaunch: () => fake.calls.push('relaunch'),
      setAppUserModelId: () => undefined,
    },
    BrowserWindow,
    screen,
    session: { defaultSession: session },
    protocol: { registerSchemesAsPrivileged: () => fake.calls.push('registerSchemesAsPrivileged') },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => fake.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    webContents: { getAllWebContents: () => [] },
  };
});

vi.stubGlobal('__APP_VERSION__', '9.9.9-test');
const savedArgv = process.argv;
process.argv = [...savedArgv, '--data-dir', dataDir];
await import('../../../electron/main/main');
process.argv = savedArgv;

async function whenStarted(): Promise<void> {
  fake.ready!();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
}

describe('the main process', () => {
  it('registers the scheme, enables the sandbox and takes the lock before the app is ready', () => {
    expect(fake.calls.slice(0, 4)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'setName Duty Console', 'requestSingleInstanceLock']);
    expect(fake.paths.get('userData')).toBe(dataDir);
    expect(fake.appEvents.has('web-contents-created')).toBe(true);
    expect(fake.appEvents.has('second-instance')).toBe(true);
  });

  it('once ready, guards the session and serves app:// before opening the hardened window', async () => {
    await whenStarted();
    const order = fake.calls.filter((c) => c !== 'requestSingleInstanceLock');
    expect(order.indexOf('setPermissionRequestHandler')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(order.indexOf('protocol.handle app')).toBeLessThan(order.indexOf('new BrowserWindow'));
    const window = fake.windows[0]!;
    expect(window.options).toMatchObject({
      title: '值守台 Duty Console',
      backgroundColor: '#10141c',
      show: false,
      minWidth: 1024,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.urls).toEqual(['app://duty-console/index.html']);
  });

  it('answers the bridge from the core on the --data-dir folder, as the electron transport', async () => {
    const handle = fake.ipcHandlers.get('duty:call')!;
    // The window's web contents: the bridge keeps one core session per contents, closed on 'destroyed'.
    const sender = new EventEmitter();
    const event = { sender, senderFrame: { url: 'app://duty-console/index.html', parent: null, isDestroyed: () => false } };
    const result = await handle(event, 'system.info', {});
    expect(result).toMatchObject({ ok: true, value: { dataDir, transport: 'electron', version: '9.9.9-test', startupError: null } });
  });

  it('opens the wall window full screen on the wall display once an administrator turns the wall on; it reads the wall only', async () => {
    const handle = fake.ipcHandlers.get('duty:call')!;
    const frame = (url: string) => ({ url, parent: null, isDestroyed: () => false });
    const desk = { sender: fake.windows[0]!.webContents, senderFrame: frame('app://duty-console/index.html') };
    expect(await handle(desk, 'auth.setup', { name: 'admin', displayName: '管理员', password: 'admin password' })).toMatchObject({ ok: true });
    const on = await handle(desk, 'wall.setEnabled', { enabled: true });
    expect(on, JSON.stringify(on)).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    const wall = fake.windows[1]! as (typeof fake.windows)[number] & { destroyed: boolean };
    expect(wall.options).toMatchObject({
      x: 1920,
      y: 0,
      width: 3840,
      height: 2160,
      fullscreen: true,
      frame: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(wall.urls).toEqual(['app://duty-console/index.html#/wall']);
    // The wall window's bridge session reads the wall's snapshot, and cannot sign in or call anything else.
    const fromWall = { sender: wall.webContents, senderFrame: frame('app://duty-console/index.html#/wall') };
    expect(await handle(fromWall, 'wall.snapshot', {})).toMatchObject({ ok: true });
    expect(await handle(fromWall, 'auth.login', { name: 'admin', password: 'admin password' })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await handle(fromWall, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    // Ctrl+Shift+W on the console's window closes it, and opens it again.
    const press = () => fake.windows[0]!.webContents.emit('before-input-event', { preventDefault: () => undefined }, { type: 'keyDown', key: 'W', control: true, meta: false, shift: true, alt: false });
    press();
    expect(wall.destroyed).toBe(true);
    press();
    expect(fake.windows).toHaveLength(3);
    expect(fake.windows[2]!.urls).toEqual(['app://duty-console/index.html#/wall']);
    // Turned off: the wall window closes.
    expect(await handle(desk, 'wall.setEnabled', { enabled: false })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect((fake.windows[2] as unknown as { destroyed: boolean }).destroyed).toBe(true));
  });

  it('reloads a page whose process died, writes it to the crash log, and reloads one that dies again once 10 s have passed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const window = fake.windows[0]!;
      const before = window.urls.length;
      window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
      await vi.advanceTimersByTimeAsync(0);
      expect(window.urls.length).toBe(before + 1);
      window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(window.urls.length).toBe(before + 1);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(window.urls.length).toBe(before + 2);
      const log = readFileSync(join(dataDir, 'crash.log'), 'utf8');
      expect(log).toMatch(/desktop 9\.9\.9-test pid \d+ renderer\nNot an Error: "crashed"/);
      expect(log).toContain('Not an Error: "oom"');
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes an error nothing caught to the crash log and starts again', () => {
    vi.spyOn(process, 'uptime').mockReturnValue(3600);
    const listener = process.listeners('uncaughtException').at(-1) as (error: unknown) => void;
    listener(new Error('a main-process bug'));
    expect(readFileSync(join(dataDir, 'crash.log'), 'utf8')).toContain('uncaughtException\nError: a main-process bug');
    expect(fake.calls.slice(-2)).toEqual(['relaunch', 'exit 1']);
    vi.restoreAllMocks();
  });

  it('closes the core before quitting', async () => {
    const preventDefault = vi.fn();
    fake.appEvents.get('will-quit')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.quit).toBe(1));
    expect(fake.ipcHandlers.has('duty:call')).toBe(false);
    // The second will-quit (from that quit) goes through.
    const again = vi.fn();
    fake.appEvents.get('will-quit')!({ preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });
});
