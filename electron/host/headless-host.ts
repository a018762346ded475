// The headless host: the core under plain Node, the built renderer over HTTP, the contract over a
// WebSocket at /api bound to 127.0.0.1, guarded by a per-start token (or, for the wall screen alone, the wall key).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, Socket } from 'node:net';
import { type RawData, WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../shared/contract/app-error';
import { type Core, type CoreOptions, startCore } from '../core/core';
import type { WallOnly } from '../core/operators/core-session';
import { rendererHeaders } from '../node/renderer-headers';
import { chromiumRecordPdf, findChromium } from './chromium-record-pdf';
import { limitMessageSize, signedInMaxMessageBytes, signedOutMaxMessageBytes } from './message-size';
import { clientErrorStatus, endWithResponse } from './raw-response';
import { staticFiles } from './static-files';
import { callMessageSchema, type ServerMessage } from './wire';

export interface HostOptions {
  dataDir: string;
  port: number;
  rendererDir: string;
  version: string;
  /**
   * The Chromium that prints finished maintenance records to PDF (chromium-record-pdf.ts); null: none (the records'
   * tickets go up without their PDF until there is one). Default: DUTY_CONSOLE_CHROMIUM, else /usr/bin/chromium…
   */
  chromiumPath?: string | null;
  /** Tests only: the core's clock and how often it looks for idle sign-ins. */
  core?: Pick<CoreOptions, 'clock' | 'idleCheckIntervalMs'>;
}

export interface Host {
  url: string;
  token: string;
  /** The running core; a new one after a restart (a restore). */
  readonly core: Core;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<Host> {
  // A restore restarts the core in this process: the pages are disconnected, the core closed and started again on
  // the data folder (the staged restore is applied then), and the pages reconnect to it with the same token.
  let restarting: Promise<Core> | null = null;
  const chromium = options.chromiumPath === undefined ? findChromium() : options.chromiumPath;
  // The print page is this host's own page, opened with the host's token (read when a record is printed, after listen).
  const recordPdfRenderer = chromium ? chromiumRecordPdf(chromium, (pagePath) => `${origin}/?token=${token}#${pagePath}`) : null;
  const open = (): Promise<Core> =>
    startCore({ ...options.core, dataDir: options.dataDir, transport: 'web', version: options.version, restart: () => void restart(), recordPdfRenderer });
  let core = await open();
  const restart = (): Promise<Core> =>
    (restarting ??= (async () => {
      for (const client of wss.clients) client.terminate();
      await core.close();
      core = await open();
      if (core.info.startupError) console.error(`The console could not open its data after the restart (${core.info.startupError.code})`);
      restarting = null;
      return core;
    })());
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  const wsOrigin = () => origin.replace(/^http/, 'ws');
  const server = createServer(staticFiles(options.rendererDir, wsOrigin));
  // The server's limit is the signed-out one; a connection gets the larger one once signed in (message-size.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: signedOutMaxMessageBytes });

  // Node answers a request it cannot parse (headers over 16 KiB: 431) itself only when nobody listens here; our
  // answer carries the headers every response of the host has.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket instanceof Socket && socket.bytesWritten > 0) socket.destroy();
    else endWithResponse(socket, clientErrorStatus(err.code), rendererHeaders(wsOrigin()));
  });
  // An upgrade ws finds malformed (no key, a wrong version): the same headers again.
  wss.on('wsClientError', (_err, socket, req) => endWithResponse(socket, req.method === 'GET' ? 400 : 405, rendererHeaders(wsOrigin())));

  server.on('upgrade', (req, socket, head) => {
    // Node takes its error listener off an upgraded socket: without this one a reset by the peer would end the host.
    socket.on('error', () => socket.destroy());
    const entry = admission(req, token, origin);
    if (!entry) {
      endWithResponse(socket, 401, rendererHeaders(wsOrigin()));
      return;
    }
    // A page reconnecting while the core restarts is let in once the new core answers. A wall page is never signed in:
    // no resume cookie is read for it, and its session reads the wall only, while its key is the one in force.
    void (restarting ?? Promise.resolve(core)).then((current) =>
      wss.handleUpgrade(req, socket, head, (ws) =>
        entry.kind === 'wall' ? serveConnection(ws, current, null, { key: entry.key }) : serveConnection(ws, current, resumeCookie(req)),
      ),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  // After listening, an accept error (too many open files) is an 'error' event: logged, never the end of the host.
  server.on('error', (err) => console.error(`The host's server: ${err.message}`));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    token,
    get core() {
      return core;
    },
    async close() {
      await restarting;
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}

/** The shape of a wall key (wall/wall-setting.ts); whether it is the one in force is the core's to say, at each call. */
const wallKeyPattern = /^[\w-]{16,128}$/;

type Admission = { kind: 'console' } | { kind: 'wall'; key: string };

/**
 * Who may open the socket: a page with this start's token (the console), or one with a wall key (the wall monitor's
 * lasting address, which outlives the token). Anything else is refused before the upgrade.
 */
function admission(req: IncomingMessage, token: string, origin: string): Admission | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/api') return null;
  // A page from another site must not drive the console through the user's browser.
  if (req.headers.origin !== undefined && req.headers.origin !== origin) return null;
  const wallKey = url.searchParams.get('wall');
  if (wallKey !== null && !url.searchParams.has('token')) return wallKeyPattern.test(wallKey) ? { kind: 'wall', key: wallKey } : null;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { kind: 'console' } : null;
}

/** The page's resume token, which the renderer keeps in a cookie so every connection it opens carries it. */
function resumeCookie(req: IncomingMessage): string | null {
  const match = /(?:^|;\s*)duty-console-session=([\w-]{16,128})(?:;|$)/.exec(req.headers.cookie ?? '');
  return match ? match[1]! : null;
}

function serveConnection(ws: WebSocket, core: Core, resumeToken: string | null, wallOnly?: WallOnly): void {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  // One session per connection: it starts signed out, and its operator is whoever logs in over it. The session
  // decides which events this page hears (core-session.ts); a sign-in the core ends is held to the smaller limit.
  const session = core.openSession((event, payload) => {
    send({ type: 'event', event, payload });
    if (event === 'session.ended') fitMessageSize();
  }, wallOnly);
  // A connection from a signed-in page starts signed in as that page's operator (a reload, a second socket).
  const fitMessageSize = () => limitMessageSize(ws, session.signedIn ? signedInMaxMessageBytes : signedOutMaxMessageBytes);
  const ready = (resumeToken ? session.call('auth.resume', { token: resumeToken }) : Promise.resolve()).then(fitMessageSize);
  ws.on('close', () => session.close());
  // A protocol error (invalid UTF-8, an unmasked or oversized frame, a bad close code…) ends this connection only:
  // ws closes it with the matching code after this event, which without a listener would end the host.
  ws.on('error', (err: Error & { code?: string }) => console.warn(`A WebSocket connection broke the protocol (${err.code ?? err.message}); closed.`));
  const answer = async (data: RawData, isBinary: boolean) => {
    let parsed: unknown;
    try {
      // Calls are JSON text; a binary frame is not one.
      parsed = isBinary ? undefined : JSON.parse(data.toString());
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
    // Signed in (or out) by this call: the next frame is held to that state's limit.
    fitMessageSize();
  };
  ws.on('message', (data, isBinary) => {
    answer(data, isBinary).catch((err: unknown) => {
      // Not a way to end the host either: this connection closes, the page reconnects.
      console.error(`A WebSocket call failed: ${err instanceof Error ? err.message : String(err)}`);
      ws.close(1011);
    });
  });
}
