// HTTP(S) to the ticket system with node:http/https: TLS always verified (plus an optional company CA file), an
// optional HTTP(S) proxy (CONNECT tunnel for https targets), a timeout, and errors sorted by what they mean for a
// push: not sent at all, or sent with the outcome unknown.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls, { rootCertificates } from 'node:tls';
import { AppError } from '../../../shared/contract/app-error';

export interface HttpTransportOptions {
  /** PEM file of a CA trusted besides the system's roots; '' = none. */
  caFilePath: string;
  /** http(s)://host:port of a proxy; '' = direct. */
  proxyUrl: string;
  timeoutMs: number;
  /** Keep-alive connections shared by the calls of one connector; none: a fresh connection per call. */
  pool?: ConnectionPool;
}

/** Sockets kept open between answered calls (a drain makes thousands of calls back to back). */
export interface ConnectionPool {
  http: http.Agent;
  https: https.Agent;
}

/**
 * An idle socket is closed after this long, before a server's own keep-alive timeout (Apache's is 5 s) can close
 * it under a new request. A socket is reused only after a complete answer: a call without one destroys its socket.
 */
const idleSocketMs = 2_000;

export function createConnectionPool(): ConnectionPool {
  const options = { keepAlive: true, maxSockets: 4, maxFreeSockets: 2, timeout: idleSocketMs, scheduling: 'lifo' as const };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HttpResponse {
  status: number;
  body: Buffer;
}

/*
 * Codes: sync_unreachable (refused, no route, name not found: nothing was sent), sync_tls_failed (the certificate
 * was not trusted: nothing was sent), sync_proxy_failed (the proxy refused the tunnel: nothing was sent),
 * sync_timeout and sync_connection_lost (the request may have been sent and acted on: the outcome is unknown).
 */
const notSentErrnos = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export function isNotSent(err: unknown): boolean {
  return err instanceof AppError && ['sync_unreachable', 'sync_tls_failed', 'sync_proxy_failed', 'sync_ca_file_unreadable'].includes(err.code);
}

function transportError(err: unknown, url: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  if (notSentErrnos.has(code)) return new AppError('sync_unreachable', 'sync_unreachable', { url, reason: code });
  if (/CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME|ALTNAME/i.test(code) || /certificate/i.test(e.message ?? '')) {
    return new AppError('sync_tls_failed', 'sync_tls_failed', { url, reason: code || e.message });
  }
  return new AppError('sync_connection_lost', 'sync_connection_lost', { url, reason: code || e.message });
}

function trustedCas(caFilePath: string): string[] | undefined {
  if (!caFilePath) return undefined;
  try {
    return [...rootCertificates, readFileSync(caFilePath, 'utf8')];
  } catch (err) {
    throw new AppError('sync_ca_file_unreadable', 'sync_ca_file_unreadable', { path: caFilePath, reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

/** Opens a CONNECT tunnel through the proxy to host:port. */
function tunnel(proxy: URL, host: string, port: number, timeoutMs: number, ca: string[] | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const lib = proxy.protocol === 'https:' ? https : http;
    const req = lib.request({
      host: proxy.hostname,
      port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers: { host: `${host}:${port}` },
      timeout: timeoutMs,
      ...(ca ? { ca } : {}),
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(new AppError('sync_proxy_failed', 'sync_proxy_failed', { proxy: proxy.origin, status: res.statusCode ?? 0 }));
      }
    });
    req.once('timeout', () => req.destroy(new AppError('sync_unreachable', 'sync_unreachable', { url: proxy.origin, reason: 'proxy_timeout' })));
    req.once('error', (err) => reject(err instanceof AppError ? err : new AppError('sync_proxy_failed', 'sync_proxy_failed', { proxy: proxy.origin, status: 0, reason: (err as NodeJS.ErrnoException).code ?? err.message })));
    req.end();
  });
}

export async function sendHttp(request: HttpRequest, options: HttpTransportOptions): Promise<HttpResponse> {
  const target = new URL(request.url);
  const secure = target.protocol === 'https:';
  const port = Number(target.port) || (secure ? 443 : 80);
  const ca = trustedCas(options.caFilePath);
  const proxy = options.proxyUrl ? new URL(options.proxyUrl) : null;
  const headers: Record<string, string> = { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) };
  let requestOptions: https.RequestOptions;
  try {
    if (proxy && secure) {
      const socket = await tunnel(proxy, target.hostname, port, options.timeoutMs, ca);
      requestOptions = {
        host: target.hostname,
        port,
        path: target.pathname + target.search,
        createConnection: () => tls.connect({ socket, servername: target.hostname, ...(ca ? { ca } : {}), rejectUnauthorized: true }),
      };
    } else if (proxy) {
      // Plain http through a proxy: the absolute URL as the request target (RFC 9112 §3.2.2).
      requestOptions = { host: proxy.hostname, port: Number(proxy.port) || 80, path: target.href, headers: { host: target.host } };
    } else {
      requestOptions = { host: target.hostname, port, path: target.pathname + target.search, ...(ca ? { ca } : {}), rejectUnauthorized: true };
    }
  } catch (err) {
    throw transportError(err, target.origin);
  }
  // Through a tunnel the TLS socket is made here (with the CA): plain http then speaks over it.
  const lib = secure && !proxy ? https : http;
  return new Promise((resolve, reject) => {
    // Pooled sockets only carry calls that were answered: a timeout or an error destroys the socket with the request.
    // Without a pool, a fresh connection per call. With createConnection (the tunnel) no agent may be named, or
    // Node's agent would open its own connection instead.
    const pooled = options.pool ? (lib === https ? options.pool.https : options.pool.http) : false;
    const agent = requestOptions.createConnection ? {} : { agent: pooled };
    const req = lib.request({ ...requestOptions, method: request.method, headers: { ...requestOptions.headers, ...headers }, ...agent });
    const timer = setTimeout(() => req.destroy(new AppError('sync_timeout', 'sync_timeout', { url: target.origin, ms: options.timeoutMs })), options.timeoutMs);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.once('error', (err) => {
        clearTimeout(timer);
        reject(transportError(err, target.origin));
      });
    });
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(transportError(err, target.origin));
    });
    req.end(request.body);
  });
}
