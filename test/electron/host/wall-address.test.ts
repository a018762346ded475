// The wall's lasting address on the headless host: `?wall=<key>` outlives the host's per-start token, opens the wall's
// one read and nothing else, and stops when an administrator rotates the key.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { type Host, startHost } from '../../../electron/host/headless-host';
import { callOver, connect, signIn } from '../../support/host-client';
import { tempDir } from '../../support/temp-core';

describe('the wall address on the headless host', () => {
  const dataDir = tempDir();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  let host: Host | null = null;
  const sockets: WebSocket[] = [];
  const open = async (url: string, origin: string) => {
    const ws = await connect(url, { Origin: origin });
    sockets.push(ws);
    return ws;
  };
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.close();
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps working across a host restart, opens the wall only, and stops once the key is rotated', async () => {
    host = await startHost({ dataDir, port: 0, rendererDir, version: 'test' });
    const first = new URL(host.url);
    const admin = await open(`ws://${first.host}/api?token=${host.token}`, first.origin);
    await signIn(admin);
    expect(await callOver(admin, 1, 'wall.setEnabled', { enabled: true })).toMatchObject({ result: { ok: true } });
    const key = ((await callOver(admin, 2, 'wall.key', {})).result as { value: { key: string } }).value.key;
    const wallUrl = `ws://${first.host}/api?wall=${key}`;

    const wall = await open(wallUrl, first.origin);
    expect(await callOver(wall, 1, 'wall.snapshot', {})).toMatchObject({ result: { ok: true, value: { links: [], incidents: [] } } });
    // The key signs nobody in and reads nothing else, not even what a login screen may.
    for (const [i, method, input] of [
      [2, 'auth.login', { name: 'admin', password: 'correct horse' }],
      [3, 'auth.status', {}],
      [4, 'system.info', {}],
      [5, 'incidents.list', {}],
      [6, 'wall.setEnabled', { enabled: false }],
      [7, 'wall.key', {}],
    ] as const) {
      expect(await callOver(wall, i, method, input)).toMatchObject({ result: { ok: false, error: { code: 'permission_denied' } } });
    }
    // A key of the wrong shape, or one from another site, is refused before the socket opens.
    await expect(connect(`ws://${first.host}/api?wall=x`, { Origin: first.origin })).rejects.toThrow('HTTP 401');
    await expect(connect(wallUrl, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 401');

    // The host restarts on the same port: a new token (the old console URL is dead), the same wall address.
    const oldToken = host.token;
    await host.close();
    host = null;
    host = await startHost({ dataDir, port: Number(first.port), rendererDir, version: 'test' });
    expect(host.token).not.toBe(oldToken);
    await expect(connect(`ws://${first.host}/api?token=${oldToken}`, { Origin: first.origin })).rejects.toThrow('HTTP 401');
    const wallAgain = await open(wallUrl, first.origin);
    expect(await callOver(wallAgain, 1, 'wall.snapshot', {})).toMatchObject({ result: { ok: true } });

    // Rotated: the open wall page and the old address stop; the new address works.
    const admin2 = await open(`ws://${first.host}/api?token=${host.token}`, first.origin);
    await signIn(admin2);
    const rotated = ((await callOver(admin2, 1, 'wall.rotateKey', {})).result as { value: { key: string } }).value.key;
    expect(await callOver(wallAgain, 2, 'wall.snapshot', {})).toMatchObject({ result: { ok: false, error: { code: 'wall_key_invalid' } } });
    const stale = await open(wallUrl, first.origin);
    expect(await callOver(stale, 1, 'wall.snapshot', {})).toMatchObject({ result: { ok: false, error: { code: 'wall_key_invalid' } } });
    const fresh = await open(`ws://${first.host}/api?wall=${rotated}`, first.origin);
    expect(await callOver(fresh, 1, 'wall.snapshot', {})).toMatchObject({ result: { ok: true } });
  });
});
