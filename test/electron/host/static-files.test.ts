// The host's web server: the renderer's files through the shared resolver, every answer under the CSP and nosniff,
// and no request path that can end the host.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../support/host-client';

/** A request sent as written (fetch would normalise the path first). */
function rawGet(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe("the host's static files", () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost({ 'index-AbC1.js': 'console.log(1)', 'index-AbC1.js.map': '{"version":3}' });
  });
  afterEach(async () => {
    await t.host.close();
  });

  it.each(['/%E0', '/%', '/%zz', '/%C0%AE%C0%AE/x'])('answers %s with 400 and goes on serving', async (path) => {
    expect((await rawGet(t.port, path)).status).toBe(400);
    expect((await rawGet(t.port, '/')).status).toBe(200);
  });

  it.each([
    ['a page', '/', 'GET', 200],
    ['a script', '/index-AbC1.js', 'GET', 200],
    ['a malformed path', '/%E0', 'GET', 400],
    ['a way out of the folder', '/..%2f..%2fetc%2fpasswd', 'GET', 403],
    ['a missing file', '/none.js', 'GET', 404],
    ['a source map', '/index-AbC1.js.map', 'GET', 404],
    ['another method', '/', 'POST', 405],
    ['an absolute URL', 'http://elsewhere.example/', 'GET', 400],
  ])('answers %s with the CSP and nosniff', async (_what, path, method, status) => {
    const response = await rawGet(t.port, path, method);
    expect(response.status).toBe(status);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
