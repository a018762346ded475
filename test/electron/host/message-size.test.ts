// How much a page may send in one message: a little before sign-in, the largest call of the contract after it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { importFileSchema } from '../../../shared/contract/assets';
import { attachmentFileSchema, reportIncidentSchema } from '../../../shared/contract/incidents';
import { reportPhotosMax, signedInMaxMessageBytes, signedOutMaxMessageBytes } from '../../../electron/host/message-size';
import { callOver, closedWith, connect, nextMessage, signIn, startTestHost, type TestHost } from '../../support/host-client';
import { clientFrame, rawUpgrade } from '../../support/raw-websocket';

/** A well-formed call whose JSON is `bytes` long, padded in a field the method ignores. */
function callOfSize(id: number, bytes: number): string {
  const empty = JSON.stringify({ type: 'call', id, method: 'auth.status', input: {}, pad: '' });
  return JSON.stringify({ type: 'call', id, method: 'auth.status', input: {}, pad: 'x'.repeat(bytes - empty.length) });
}

describe('the largest message the host takes', () => {
  let t: TestHost;
  let bystander: WebSocket;
  beforeEach(async () => {
    t = await startTestHost();
    bystander = await connect(t.apiUrl);
  });
  afterEach(async () => {
    bystander.close();
    await t.host.close();
  });

  it('answers a signed-out page up to 64 KiB and closes it with 1009 beyond', async () => {
    const page = await connect(t.apiUrl);
    page.send(callOfSize(1, signedOutMaxMessageBytes));
    expect(await nextMessage(page)).toMatchObject({ id: 1, result: { ok: true } });
    const closed = closedWith(page);
    page.send(callOfSize(2, signedOutMaxMessageBytes + 1));
    expect(await closed).toBe(1009);
    expect(await callOver(bystander, 1, 'auth.status', {})).toMatchObject({ result: { ok: true } });
  });

  it('refuses a signed-out page at the frame header, before holding any of the payload', async () => {
    const raw = await rawUpgrade(t.port, t.host.token);
    // 80 MB announced, nothing sent after the header: the close comes anyway.
    raw.socket.write(clientFrame({ opcode: 0x1, announcedLength: 80 * 1024 * 1024 }));
    expect(await raw.closed).toBe(1009);
  });

  it('counts a message in fragments as a whole', async () => {
    const raw = await rawUpgrade(t.port, t.host.token);
    const half = Buffer.alloc(signedOutMaxMessageBytes / 2 + 1, 0x20);
    raw.socket.write(clientFrame({ opcode: 0x1, payload: half, fin: false }));
    raw.socket.write(clientFrame({ opcode: 0x0, payload: half, fin: false }));
    expect(await raw.closed).toBe(1009);
  });

  it('takes a large call once the page is signed in, and only a small one again after it signs out', async () => {
    const page = await connect(t.apiUrl);
    await signIn(page);
    page.send(callOfSize(1, 2 * 1024 * 1024));
    expect(await nextMessage(page, (m) => m.id === 1)).toMatchObject({ result: { ok: true } });
    expect(await callOver(page, 2, 'auth.logout', {})).toMatchObject({ result: { ok: true } });
    const closed = closedWith(page);
    page.send(callOfSize(3, signedOutMaxMessageBytes + 1));
    expect(await closed).toBe(1009);
  });

  it('gives a page that resumes its sign-in from its cookie the signed-in limit', async () => {
    const first = await connect(t.apiUrl);
    const setup = await callOver(first, 1, 'auth.setup', { name: 'admin', displayName: '管理员', password: 'correct horse' });
    const token = (setup.result as { value: { resumeToken: string } }).value.resumeToken;
    const reloaded = await connect(t.apiUrl, { Cookie: `duty-console-session=${token}` });
    expect(await callOver(reloaded, 1, 'auth.status', {})).toMatchObject({ result: { ok: true } });
    reloaded.send(callOfSize(2, 1024 * 1024));
    expect(await nextMessage(reloaded, (m) => m.id === 2)).toMatchObject({ result: { ok: true } });
    first.close();
    reloaded.close();
  });

  it('answers a binary frame with bad_message: calls are JSON text', async () => {
    const page = await connect(t.apiUrl);
    page.send(Buffer.from(JSON.stringify({ type: 'call', id: 1, method: 'auth.status', input: {} })), { binary: true });
    expect(await nextMessage(page)).toMatchObject({ id: null, result: { ok: false, error: { code: 'bad_message' } } });
    page.close();
  });
});

describe('the signed-in limit', () => {
  it('holds the largest call the contract accepts: a report with every photo at the attachment limit', () => {
    const photo = { fileName: 'a.png', mime: 'image/png', contentBase64: 'AAAA' };
    expect(reportIncidentSchema.safeParse({ systemId: 'cctv', description: 'x', reporter: 'x', photos: Array(reportPhotosMax).fill(photo) }).success).toBe(true);
    expect(reportIncidentSchema.safeParse({ systemId: 'cctv', description: 'x', reporter: 'x', photos: Array(reportPhotosMax + 1).fill(photo) }).success).toBe(false);
    const photoBase64 = attachmentFileSchema.shape.contentBase64.maxLength!;
    expect(signedInMaxMessageBytes).toBeGreaterThan(reportPhotosMax * photoBase64);
    expect(signedInMaxMessageBytes).toBeGreaterThan(importFileSchema.shape.contentBase64.maxLength!);
    // And no more than that call with room for its JSON.
    expect(signedInMaxMessageBytes).toBeLessThan(reportPhotosMax * photoBase64 + 1024 * 1024);
  });
});
