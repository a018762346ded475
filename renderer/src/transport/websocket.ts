// The browser transport: the contract over the headless host's WebSocket at /api (wire format in the README).
import { AppError, type ConsoleClient, type Result } from '../../../shared/contract';

interface Pending {
  resolve(value: unknown): void;
  reject(error: AppError): void;
}

type Incoming =
  | { type: 'result'; id: number | null; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

/** Reads the per-start token from the page address once and keeps it for reloads of this tab. */
function hostToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem('duty-console-token', fromUrl);
  return fromUrl ?? sessionStorage.getItem('duty-console-token') ?? '';
}

/**
 * The wall monitor's lasting address carries the wall key instead of the token (`?wall=<key>#/wall`): the socket then
 * opens the wall's one read and nothing else, whatever this tab once held.
 */
export function wallKeyOfPage(): string | null {
  return new URLSearchParams(window.location.search).get('wall');
}

export function createWebSocketClient(): ConsoleClient {
  const url = new URL('api', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const wallKey = wallKeyOfPage();
  url.search = wallKey !== null ? `?wall=${encodeURIComponent(wallKey)}` : `?token=${encodeURIComponent(hostToken())}`;
  url.hash = '';

  const pending = new Map<number, Pending>();
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new AppError('transport_unavailable', 'transport_unavailable'));
      ws.onclose = () => {
        socket = null;
        for (const p of pending.values()) p.reject(new AppError('transport_closed', 'transport_closed'));
        pending.clear();
        // Reconnect so pushed events resume after the host restarts.
        if (handlers.size > 0) setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as Incoming;
        if (data.type === 'event') {
          for (const h of handlers.get(data.event) ?? []) h(data.payload);
          return;
        }
        if (data.id === null) return;
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (!p) return;
        if (data.result.ok) p.resolve(data.result.value);
        else p.reject(AppError.fromData(data.result.error));
      };
    });
    return socket;
  };

  return {
    async invoke(method, input) {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ type: 'call', id, method, input }));
      });
    },
    subscribe(event, handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler as (payload: unknown) => void);
      handlers.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(handler as (payload: unknown) => void);
    },
  };
}
