// A WebSocket frame that breaks the protocol closes that one connection with the code RFC 6455 gives it; the host
// and every other page go on. Frames are built by hand after a real upgrade (no client library would send them).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { clientFrame, type FrameOptions, rawUpgrade } from '../../support/raw-websocket';
import { callOver, connect, startTestHost, type TestHost } from '../../support/host-client';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('the headless host, given a frame that breaks the WebSocket protocol', () => {
  let t: TestHost;
  let bystander: WebSocket;
  // What would have ended a host process of its own (the test runner catches it instead).
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);
  beforeEach(async () => {
    uncaught.length = 0;
    process.on('uncaughtException', onUncaught);
    t = await startTestHost();
    bystander = await connect(t.apiUrl);
  });
  afterEach(async () => {
    process.off('uncaughtException', onUncaught);
    bystander.close();
    await t.host.close();
  });

  it.each<[string, number, FrameOptions[]]>([
    ['invalid UTF-8 in a text frame', 1007, [{ opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }]],
    ['a header announcing more than any message may hold', 1009, [{ opcode: 0x1, announcedLength: 2 ** 40 }]],
    ['an unmasked frame', 1002, [{ opcode: 0x1, payload: text('{}'), masked: false }]],
    ['a reserved opcode (3)', 1002, [{ opcode: 0x3, payload: text('x') }]],
    ['RSV1 set without an extension', 1002, [{ opcode: 0x1, payload: text('{}'), rsv1: true }]],
    ['a ping of 126 bytes', 1002, [{ opcode: 0x9, payload: Buffer.alloc(126) }]],
    ['a fragmented ping', 1002, [{ opcode: 0x9, payload: text('p'), fin: false }]],
    ['a close frame with code 999', 1002, [{ opcode: 0x8, payload: Buffer.from([0x03, 0xe7]) }]],
    ['a continuation with no message before it', 1002, [{ opcode: 0x0, payload: text('x') }]],
  ])('closes the connection on %s with code %i and keeps serving the others', async (_what, code, frames) => {
    const raw = await rawUpgrade(t.port, t.host.token);
    for (const frame of frames) raw.socket.write(clientFrame(frame));
    expect(await raw.closed).toBe(code);
    expect(uncaught).toEqual([]);
    expect(await callOver(bystander, 1, 'auth.status', {})).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
    // A new page still gets in.
    const next = await connect(t.apiUrl);
    expect(await callOver(next, 1, 'auth.status', {})).toMatchObject({ result: { ok: true } });
    next.close();
  });

  it('survives a page that resets its connection in the middle of the upgrade', async () => {
    const raw = await rawUpgrade(t.port, t.host.token);
    raw.socket.resetAndDestroy();
    await raw.closed;
    expect(uncaught).toEqual([]);
    expect(await callOver(bystander, 1, 'auth.status', {})).toMatchObject({ result: { ok: true } });
  });
});
