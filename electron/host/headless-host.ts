// The headless host: the core under plain Node, the built renderer over HTTP, the contract over a
// WebSocket at /api bound to 127.0.0.1, guarded by a per-start token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../shared/contract/app-error';
import { type Core, type CoreOptions, startCore } from '../core/core';
import { staticFiles } from './static-files';
import { callMessageSchema, type ServerMessage } from './wire';

export interface HostOptions {
  dataDir: string;
  port: number;
  rendererDir: string;
  version: string;
  /** Tests only: the core's clock and how often it looks for idle sign-ins. */
  core?: Pick<CoreOptions, 'clock' | 'idleCheckIntervalMs'>;
}

export interface Host {
  url: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<Host> {
  const core = await startCore({ ...options.core, dataDir: options.dataDir, transport: 'web', version: options.version });
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const server = createServer(staticFiles(options.rendererDir, () => origin.replace(/^http/, 'ws')));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 80 * 1024 * 1024 });

  server.on('upgrade', (req, socket, head) => {
    if (!isAuthorised(req, token, origin)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, core, resumeCookie(req)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    token,
    core,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}

function isAuthorised(req: IncomingMessage, token: string, origin: string): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/api') return false;
  // A page from another site must not drive the console through the user's browser.
  if (req.headers.origin !== undefined && req.headers.origin !== origin) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page's resume token, which the renderer keeps in a cookie so every connection it opens carries it. */
function resumeCookie(req: IncomingMessage): string | null {
  const match = /(?:^|;\s*)duty-console-session=([\w-]{16,128})(?:;|$)/.exec(req.headers.cookie ?? '');
  return match ? match[1]! : null;
}

function serveConnection(ws: WebSocket, core: Core, resumeToken: string | null): void {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  // One session per connection: it starts signed out, and its operator is whoever logs in over it. The session
  // decides which events this page hears (core-session.ts).
  const session = core.openSession((event, payload) => send({ type: 'event', event, payload }));
  // A connection from a signed-in page starts signed in as that page's operator (a reload, a second socket).
  const ready = resumeToken ? session.call('auth.resume', { token: resumeToken }) : Promise.resolve();
  ws.on('close', () => session.close());
  ws.on('message', async (data) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      parsed = undefined;
    }
    const message = callMessageSchema.safeParse(parsed);
    if (!message.success) {
      send({ type: 'result', id: null, result: { ok: false, error: new AppError('bad_message', 'bad_message').toData() } });
      return;
    }
    const { id, method, input } = message.data;
    await ready;
    send({ type: 'result', id, result: await session.call(method, input) });
  });
}
