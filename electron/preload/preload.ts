// The preload bridge: the one object the sandboxed page gets (window.dutyConsole) — a call and a
// subscription over two fixed channels, never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../../shared/contract/app-error';
import { bridgeKey, type DutyConsoleBridge } from '../../shared/contract/bridge';
import { callChannel, eventChannel } from '../main/ipc-channels';

type Handler = (payload: unknown) => void;
const handlers = new Map<string, Set<Handler>>();

// One IPC listener for all subscriptions, so the page never sees the IPC event object (whose
// `sender` is ipcRenderer) and listener counts stay flat however many components subscribe.
ipcRenderer.on(eventChannel, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const handler of handlers.get(name) ?? []) {
    try {
      handler(payload);
    } catch (err) {
      console.error(`A handler of "${name}" failed:`, err);
    }
  }
});

const bridge = {
  async invoke(method: string, input: unknown): Promise<Result<unknown>> {
    try {
      return (await ipcRenderer.invoke(callChannel, method, input)) as Result<unknown>;
    } catch (err) {
      // Only if main did not answer at all (it never throws); the page still gets a value, not an exception.
      return { ok: false, error: { code: 'ipc_failed', message: 'ipc_failed', params: { detail: err instanceof Error ? err.message : String(err) } } };
    }
  },
  subscribe(event: string, handler: Handler): () => void {
    if (typeof event !== 'string' || typeof handler !== 'function') return () => undefined;
    let set = handlers.get(event);
    if (!set) {
      set = new Set();
      handlers.set(event, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && handlers.get(event) === set) handlers.delete(event);
    };
  },
} satisfies DutyConsoleBridge;

contextBridge.exposeInMainWorld(bridgeKey, bridge);
