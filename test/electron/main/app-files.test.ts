// Which file an app:// request gets: the renderer's files with their MIME types, nothing outside it.
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../electron/main/app-files';

const root = join(sep, 'opt', 'duty-console', 'renderer');

describe('resolveAppFile', () => {
  it('serves index.html for the bare origin', () => {
    expect(resolveAppFile(root, 'app://duty-console/')).toEqual({ kind: 'file', path: join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
  });

  it('serves built assets with their MIME types', () => {
    expect(resolveAppFile(root, 'app://duty-console/assets/index-AbC1.js')).toMatchObject({ path: join(root, 'assets', 'index-AbC1.js'), mimeType: 'text/javascript; charset=utf-8' });
    expect(resolveAppFile(root, 'app://duty-console/assets/index.css')).toMatchObject({ mimeType: 'text/css; charset=utf-8' });
    expect(resolveAppFile(root, 'app://duty-console/sounds/alarm.wav')).toMatchObject({ mimeType: 'audio/wav' });
    expect(resolveAppFile(root, 'app://duty-console/fonts/a.woff2')).toMatchObject({ mimeType: 'font/woff2' });
    expect(resolveAppFile(root, 'app://duty-console/favicon.svg?v=2')).toMatchObject({ path: join(root, 'favicon.svg'), mimeType: 'image/svg+xml' });
  });

  it('decodes percent-encoded names inside the root', () => {
    expect(resolveAppFile(root, 'app://duty-console/assets/%E5%80%BC%E5%AE%88.png')).toMatchObject({ path: join(root, 'assets', '值守.png') });
  });

  it('serves an unknown file type as opaque bytes (never as a script: the response says nosniff)', () => {
    expect(resolveAppFile(root, 'app://duty-console/data.bin')).toMatchObject({ mimeType: 'application/octet-stream' });
  });

  it('keeps dot-dot segments that the URL parser resolves inside the root', () => {
    expect(resolveAppFile(root, 'app://duty-console/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ kind: 'file', path: join(root, 'etc', 'passwd') });
    expect(resolveAppFile(root, 'app://duty-console/assets/../../../index.html')).toMatchObject({ kind: 'file', path: join(root, 'index.html') });
  });

  it.each([
    ['an encoded slash after dot-dot', 'app://duty-console/..%2f..%2fetc%2fpasswd'],
    ['a sibling folder that shares the prefix', 'app://duty-console/..%2frenderer-secrets/key.pem'],
  ])('refuses path traversal by %s', (_what, url) => {
    expect(resolveAppFile(root, url)).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('refuses backslashes and NUL bytes in the path', () => {
    expect(resolveAppFile(root, 'app://duty-console/..%5c..%5cwindows%5cwin.ini')).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveAppFile(root, 'app://duty-console/index.html%00.png')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveAppFile(root, 'app://duty-console/%E0%A4%A')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('refuses other hosts on the scheme and other schemes', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppFile(root, 'file:///opt/duty-console/renderer/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppFile(root, 'not a url')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('answers only GET and HEAD', () => {
    expect(resolveAppFile(root, 'app://duty-console/index.html', 'HEAD')).toMatchObject({ kind: 'file' });
    expect(resolveAppFile(root, 'app://duty-console/index.html', 'POST')).toMatchObject({ kind: 'refused', status: 405 });
  });
});
