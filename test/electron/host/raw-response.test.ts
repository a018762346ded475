// The answers written before Node or ws hand over a response object carry the host's headers too: a request Node
// cannot parse (400), headers over its 16 KiB limit (431), a refused or malformed WebSocket upgrade (401, 400).
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../support/host-client';

/** Sends `request` as bytes and resolves with the status line and headers of the answer, once the host closes. */
function exchange(port: number, request: string): Promise<{ status: number; headers: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const head = received.split('\r\n\r\n')[0] ?? '';
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase() });
    });
  });
}

const upgrade = (path: string, extra: string[] = []) =>
  [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', ...extra, '', ''].join('\r\n');

describe("the host's answers outside the request handler", () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(async () => {
    await t.host.close();
  });

  it.each([
    ['a request line Node cannot parse', () => 'NOT HTTP AT ALL\r\n\r\n', 400],
    ['headers over 16 KiB', () => `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['an upgrade without the token', () => upgrade('/api', ['Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13']), 401],
    ['an upgrade with the token but no key', () => upgrade(`/api?token=${t.host.token}`, ['Sec-WebSocket-Version: 13']), 400],
  ])('answers %s with the CSP and nosniff', async (_what, request, status) => {
    const answer = await exchange(t.port, request());
    expect(answer.status).toBe(status);
    expect(answer.headers).toContain("content-security-policy: default-src 'self'");
    expect(answer.headers).toContain('x-content-type-options: nosniff');
    // And the host goes on.
    expect((await fetch(`${t.origin}/`)).status).toBe(200);
  });
});
