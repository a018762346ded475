// The app:// handler: files of the built renderer with their types and the console's CSP; refusals carry it too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/security/content-security-policy';

const registered = vi.hoisted(() => ({ schemes: [] as unknown[] }));
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes) },
}));

const { registerAppScheme, serveAppProtocol } = await import('../../../electron/main/app-protocol');

const rendererDir = mkdtempSync(join(tmpdir(), 'duty-console-renderer-'));
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>值守台</title>');
writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

function servedHandler(): (request: Request) => Promise<Response> {
  let handler: ((request: Request) => Promise<Response>) | null = null;
  const session = { protocol: { handle: (scheme: string, h: (request: Request) => Promise<Response>) => scheme === 'app' && (handler = h) } };
  serveAppProtocol(session as never, rendererDir);
  if (!handler) throw new Error('no handler for app://');
  return handler;
}

describe('registerAppScheme', () => {
  it('registers app as a standard, secure, fetchable scheme that does not bypass CSP', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
  });
});

describe('serveAppProtocol', () => {
  const handle = servedHandler();

  it('serves index.html at the origin with the CSP and nosniff', async () => {
    const response = await handle(new Request('app://duty-console/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('值守台');
  });

  it('serves a script as JavaScript', async () => {
    const response = await handle(new Request('app://duty-console/assets/index.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file and 403 for a way out of the folder, both under the CSP', async () => {
    const missing = await handle(new Request('app://duty-console/assets/none.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    const escape = await handle(new Request('app://duty-console/..%2f..%2fetc%2fpasswd'));
    expect(escape.status).toBe(403);
  });
});
