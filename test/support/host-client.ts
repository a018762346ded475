// A page's side of the headless host's WebSocket, for tests: connect, call, wait for a message, sign in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { type Host, startHost } from '../../electron/host/headless-host';
import { tempDir } from './temp-core';

export function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export function nextMessage(ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (!predicate(message)) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

/** Calls over `ws` and waits for that call's result. */
export async function callOver(ws: WebSocket, id: number, method: string, input: unknown): Promise<Record<string, unknown>> {
  const reply = nextMessage(ws, (m) => m.type === 'result' && m.id === id);
  ws.send(JSON.stringify({ type: 'call', id, method, input }));
  return reply;
}

/** The first connection creates the administrator; later ones log in as them. */
export async function signIn(ws: WebSocket): Promise<void> {
  const status = await callOver(ws, 900, 'auth.status', {});
  const needsSetup = (status.result as { value: { needsSetup: boolean } }).value.needsSetup;
  const reply = needsSetup
    ? await callOver(ws, 901, 'auth.setup', { name: 'admin', displayName: '管理员', password: 'correct horse' })
    : await callOver(ws, 901, 'auth.login', { name: 'admin', password: 'correct horse' });
  expect(reply).toMatchObject({ result: { ok: true } });
}

/** Resolves with the close code once the server has closed `ws`. */
export function closedWith(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

export interface TestHost {
  host: Host;
  port: number;
  origin: string;
  apiUrl: string;
  rendererDir: string;
}

/** A host on a free port, a fresh data folder, and a renderer folder holding `files` (index.html at least). */
export async function startTestHost(files: Record<string, string> = {}): Promise<TestHost> {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(rendererDir, name), content);
  const host = await startHost({ dataDir: tempDir(), port: 0, rendererDir, version: 'test' });
  const url = new URL(host.url);
  return { host, port: Number(url.port), origin: url.origin, apiUrl: `ws://${url.host}/api?token=${host.token}`, rendererDir };
}
