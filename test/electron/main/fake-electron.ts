// A stand-in for the parts of the `electron` module the main-process glue uses; the real module
// needs the Electron binary, which tests never do.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  url = 'app://duty-console/index.html';
  type = 'window';
  destroyed = false;
  sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  getURL = () => this.url;
  getType = () => this.type;
  isDestroyed = () => this.destroyed;
  send = (...args: unknown[]) => {
    this.sent.push(args);
  };
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  };
}

export function fakeElectron() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const allWebContents: FakeWebContents[] = [];
  return {
    handlers,
    allWebContents,
    module: {
      ipcMain: {
        handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler)),
        removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      },
      webContents: { getAllWebContents: () => allWebContents },
      protocol: { registerSchemesAsPrivileged: vi.fn() },
    },
  };
}
