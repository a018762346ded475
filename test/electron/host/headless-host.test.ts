import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Host, startHost } from '../../../electron/host/headless-host';
import { callOver, connect, nextMessage, signIn } from '../../support/host-client';
import { tempDir } from '../../support/temp-core';

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
    await signIn(ws);
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
    await signIn(ws);
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'assets.get', input: { id: 5 } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_input' } } });
    ws.close();
  });

  it('pushes events to every signed-in page, and none to a page at the login screen', async () => {
    const watcher = await connect(apiUrl);
    const actor = await connect(apiUrl);
    const loginScreen = await connect(apiUrl);
    const heardBySignedOut: unknown[] = [];
    loginScreen.on('message', (data: WebSocket.RawData) => heardBySignedOut.push(JSON.parse(data.toString())));
    await signIn(actor);
    await signIn(watcher);
    const event = nextMessage(watcher, (m) => m.type === 'event' && m.event === 'assets.changed');
    actor.send(JSON.stringify({ type: 'call', id: 1, method: 'assets.create', input: { name: '大堂摄像机', systemId: 'cctv' } }));
    const created = await nextMessage(actor, (m) => m.type === 'result');
    const id = (created.result as { value: { id: string } }).value.id;
    expect(await event).toEqual({ type: 'event', event: 'assets.changed', payload: { ids: [id] } });
    expect(heardBySignedOut).toEqual([]);
    watcher.close();
    actor.close();
    loginScreen.close();
  });

  it('gives each connection its own session, which must log in before assets.search answers', async () => {
    const first = await connect(apiUrl);
    expect(await callOver(first, 1, 'assets.search', {})).toMatchObject({ result: { ok: false, error: { code: 'auth_required' } } });
    expect(await callOver(first, 2, 'auth.status', {})).toMatchObject({ result: { ok: true, value: { needsSetup: true, operator: null } } });
    await signIn(first);
    expect(await callOver(first, 3, 'assets.search', {})).toMatchObject({ result: { ok: true, value: { total: 0 } } });

    const second = await connect(apiUrl);
    expect(await callOver(second, 1, 'assets.search', {})).toMatchObject({ result: { ok: false, error: { code: 'auth_required' } } });
    expect(await callOver(second, 2, 'auth.login', { name: 'admin', password: 'wrong password' })).toMatchObject({
      result: { ok: false, error: { code: 'auth_failed' } },
    });
    await signIn(second);
    expect(await callOver(second, 3, 'assets.search', {})).toMatchObject({ result: { ok: true } });
    expect(await callOver(second, 4, 'auth.logout', {})).toMatchObject({ result: { ok: true } });
    expect(await callOver(second, 5, 'assets.search', {})).toMatchObject({ result: { ok: false, error: { code: 'auth_required' } } });
    // The first connection is still signed in.
    expect(await callOver(first, 4, 'assets.search', {})).toMatchObject({ result: { ok: true } });
    first.close();
    second.close();
  });

  it('starts a connection signed in when it carries its page\'s session cookie', async () => {
    const first = await connect(apiUrl);
    const setup = await callOver(first, 1, 'auth.setup', { name: 'admin', displayName: '管理员', password: 'correct horse' });
    const token = (setup.result as { value: { resumeToken: string } }).value.resumeToken;
    const second = await connect(apiUrl, { Cookie: `duty-console-session=${token}` });
    expect(await callOver(second, 1, 'assets.search', {})).toMatchObject({ result: { ok: true } });
    const stranger = await connect(apiUrl, { Cookie: 'duty-console-session=not-a-real-token-at-all' });
    expect(await callOver(stranger, 1, 'assets.search', {})).toMatchObject({ result: { ok: false, error: { code: 'auth_required' } } });
    first.close();
    second.close();
    stranger.close();
  });

  it('signs out the page\'s other connections when it logs out, and tells them at once', async () => {
    const first = await connect(apiUrl);
    const setup = await callOver(first, 1, 'auth.setup', { name: 'admin', displayName: '管理员', password: 'correct horse' });
    const token = (setup.result as { value: { resumeToken: string } }).value.resumeToken;
    const second = await connect(apiUrl, { Cookie: `duty-console-session=${token}` });
    expect(await callOver(second, 1, 'assets.search', {})).toMatchObject({ result: { ok: true } });
    const told = nextMessage(second, (m) => m.type === 'event' && m.event === 'session.ended');
    expect(await callOver(first, 2, 'auth.logout', {})).toMatchObject({ result: { ok: true } });
    expect(await told).toEqual({ type: 'event', event: 'session.ended', payload: { reason: 'logout' } });
    expect(await callOver(second, 2, 'assets.search', {})).toMatchObject({ result: { ok: false, error: { code: 'auth_required' } } });
    first.close();
    second.close();
  });

  it('signs out a connection idle past the idle lock by the core\'s clock, and tells its page at once', async () => {
    let now = Date.UTC(2026, 0, 5, 2, 0);
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const idleHost = await startHost({ dataDir: tempDir(), port: 0, rendererDir, version: 'test', core: { clock: { now: () => now }, idleCheckIntervalMs: 20 } });
    try {
      const url = new URL(idleHost.url);
      const ws = await connect(`ws://${url.host}/api?token=${idleHost.token}`);
      await signIn(ws);
      now += 9 * 60_000;
      // What the page polls on its own does not count as someone at the console; auth.activity does.
      expect(await callOver(ws, 1, 'alarms.list', { scope: 'active' })).toMatchObject({ result: { ok: true } });
      expect(await callOver(ws, 2, 'auth.activity', {})).toMatchObject({ result: { ok: true } });
      now += 9 * 60_000;
      expect(await callOver(ws, 3, 'assets.search', {})).toMatchObject({ result: { ok: true } });
      const told = nextMessage(ws, (m) => m.type === 'event' && m.event === 'session.ended');
      now += 60_000;
      expect(await told).toEqual({ type: 'event', event: 'session.ended', payload: { reason: 'idle_lock' } });
      expect(await callOver(ws, 4, 'assets.search', {})).toMatchObject({ result: { ok: false, error: { code: 'auth_required' } } });
      ws.close();
    } finally {
      await idleHost.close();
    }
  });

  it('refuses input nested 100,000 deep as invalid_input and goes on answering', async () => {
    const ws = await connect(apiUrl);
    await signIn(ws);
    // Built as text: the test's own JSON.stringify would overflow on it.
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    ws.send(`{"type":"call","id":7,"method":"links.create","input":{"name":"x","driver":"modbus","portPath":"/dev/ttyUSB0","protocol":${deep}}}`);
    expect(await nextMessage(ws, (m) => m.id === 7)).toMatchObject({ result: { ok: false, error: { code: 'invalid_input', issues: [{ code: 'too_deep' }] } } });
    expect(await callOver(ws, 8, 'auth.status', {})).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('serves the renderer with a strict Content-Security-Policy and refuses paths outside it', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(400);
  });
});
