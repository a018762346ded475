// A small TCP proxy in front of a server, for sync tests: each request passes through, or meets the next
// queued fault — the answer lost after the request was forwarded, the answer held back past the client's timeout,
// a 500 after the request was forwarded, a black hole — or everything is refused while it is "down".
import { createServer, type Server, type Socket, connect } from 'node:net';

export type Fault =
  /** Forwards the request, lets the server act on it, then cuts the client off before any answer reaches it. */
  | 'drop_after_forward'
  /** Forwards the request and holds the answer for `delayMs` (past the client's timeout), then cuts the client off. */
  | 'delay'
  /** Forwards the request, swallows the server's answer and answers 500 itself. */
  | 'status_500'
  /** Takes the request and never answers nor forwards it. */
  | 'black_hole';

export interface FaultProxy {
  url: string;
  port: number;
  /** Queues faults for the next requests, one each (several may share a kept-alive connection). */
  inject(...faults: Fault[]): void;
  /** Queues a fault for the next request whose request line (`PUT /issues/7.json HTTP/1.1`) matches. */
  injectFor(match: RegExp, fault: Fault): void;
  /** Faults queued and not yet met. */
  pending(): number;
  /** Requests seen, by what they met. */
  counts: Record<Fault | 'pass', number>;
  /** Connections accepted (fewer than requests when the client keeps connections alive). */
  connections(): number;
  /** Down: every connection is refused at once (the link is gone); up again: passes. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }, options: { delayMs?: number } = {}): Promise<FaultProxy> {
  const queue: { fault: Fault; match: RegExp | null }[] = [];
  const sockets = new Set<Socket>();
  const counts: FaultProxy['counts'] = { pass: 0, drop_after_forward: 0, delay: 0, status_500: 0, black_hole: 0 };
  let down = false;
  const delayMs = options.delayMs ?? 5_000;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  /** The first queued fault this request meets (one for any request, or one whose pattern its request line matches). */
  const take = (requestLine: string): Fault | 'pass' => {
    const i = queue.findIndex((q) => q.match === null || q.match.test(requestLine));
    if (i < 0) return 'pass';
    return queue.splice(i, 1)[0]?.fault ?? 'pass';
  };
  let connections = 0;
  const server: Server = createServer((client) => {
    connections += 1;
    track(client);
    if (down) {
      client.resetAndDestroy();
      return;
    }
    // One connection may carry many calls (a keep-alive client): each request meets the queue on its own. Requests
    // on one connection come one after another (the client waits for each answer), so a chunk that starts with a
    // request line starts the next call. A fault ends the connection, as a real one would.
    let upstream: Socket | null = null;
    let fault: Fault | 'pass' = 'pass';
    client.on('data', (chunk: Buffer) => {
      if (fault === 'black_hole') return;
      const requestLine = /^[A-Z]+ \S+ HTTP\/1\.[01]\r\n/.exec(chunk.toString('latin1', 0, 2_048))?.[0];
      if (fault === 'pass' && requestLine) {
        fault = take(requestLine.trimEnd());
        counts[fault] += 1;
        if (fault === 'black_hole') return;
      }
      if (!upstream) {
        const u = connect(target.port, target.host);
        upstream = u;
        track(u);
        u.on('close', () => client.destroy());
        client.on('close', () => u.destroy());
        u.on('data', (answer: Buffer) => {
          if (fault === 'pass') {
            client.write(answer);
            return;
          }
          // The server has acted on the request and started answering: the answer goes no further.
          u.pause();
          u.removeAllListeners('data');
          if (fault === 'drop_after_forward') client.destroy();
          else if (fault === 'status_500') client.end('HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
          else setTimeout(() => client.destroy(), delayMs).unref();
        });
      }
      upstream.write(chunk);
    });
    client.on('end', () => upstream?.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    inject: (...faults) => queue.push(...faults.map((fault) => ({ fault, match: null }))),
    injectFor: (match, fault) => queue.push({ fault, match }),
    pending: () => queue.length,
    counts,
    connections: () => connections,
    setDown: (value) => {
      down = value;
      if (value) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
