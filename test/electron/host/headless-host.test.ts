import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Host, startHost } from '../../../electron/host/headless-host';
import { tempDir } from '../../support/temp-core';

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
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

describe('the headless host', () => {
  let host: Host;
  let apiUrl: string;
  let origin: string;
  beforeEach(async () => {
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startHost({ dataDir: tempDir(), port: 0, rendererDir, version: 'test' });
    const url = new URL(host.url);
    origin = url.origin;
    apiUrl = `ws://${url.host}/api?token=${host.token}`;
  });
  afterEach(async () => {
    await host.close();
  });

  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses a connection without the token, or with a wrong one', async () => {
    await expect(connect(apiUrl.replace(/token=.*/, ''))).rejects.toThrow('HTTP 401');
    await expect(connect(apiUrl.replace(/token=.*/, 'token=guess'))).rejects.toThrow('HTTP 401');
  });

  it('refuses a page of another site even when it knows the token', async () => {
    await expect(connect(apiUrl, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 401');
  });

  it('carries calls and results in the documented wire format', async () => {
    const ws = await connect(apiUrl, { Origin: origin });
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'catalog.list', input: {} }));
    const reply = await nextMessage(ws);
    expect(reply).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
    expect((reply.result as { value: unknown[] }).value.length).toBeGreaterThanOrEqual(11);
    ws.close();
  });

  it('answers a malformed message with bad_message and an invalid argument with invalid_input', async () => {
    const ws = await connect(apiUrl);
    ws.send('{not json');
    expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: null, result: { ok: false, error: { code: 'bad_message' } } });
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'assets.get', input: { id: 5 } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_input' } } });
    ws.close();
  });

  it('pushes events to every connected page', async () => {
    const watcher = await connect(apiUrl);
    const actor = await connect(apiUrl);
    const event = nextMessage(watcher, (m) => m.type === 'event' && m.event === 'assets.changed');
    actor.send(JSON.stringify({ type: 'call', id: 1, method: 'assets.create', input: { name: '大堂摄像机', systemId: 'cctv' } }));
    const created = await nextMessage(actor, (m) => m.type === 'result');
    const id = (created.result as { value: { id: string } }).value.id;
    expect(await event).toEqual({ type: 'event', event: 'assets.changed', payload: { ids: [id] } });
    watcher.close();
    actor.close();
  });

  it('serves the renderer with a strict Content-Security-Policy and refuses paths outside it', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(400);
  });
});
