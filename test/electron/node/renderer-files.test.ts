// The one resolver both transports serve the renderer through: what a request path gets, and what it never gets.
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../electron/node/renderer-files';

const root = join(sep, 'opt', 'duty-console', 'renderer');

describe('resolveRendererFile', () => {
  it('serves index.html for the root and built assets with their MIME types', () => {
    expect(resolveRendererFile(root, '/', 'GET')).toEqual({ kind: 'file', path: join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveRendererFile(root, '/assets/index-AbC1.js', 'HEAD')).toMatchObject({ path: join(root, 'assets', 'index-AbC1.js'), mimeType: 'text/javascript; charset=utf-8' });
  });

  it.each(['/%E0', '/%', '/%zz', '/%C0%AE%C0%AE/x', '/assets/%E0%A4%A'])('refuses the malformed percent-encoding %s as a bad request', (path) => {
    expect(resolveRendererFile(root, path, 'GET')).toEqual({ kind: 'refused', status: 400, reason: 'malformed_path' });
  });

  it('refuses a way out of the folder', () => {
    expect(resolveRendererFile(root, '/..%2f..%2fetc%2fpasswd', 'GET')).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('never serves a source map, even one left in the folder', () => {
    expect(resolveRendererFile(root, '/assets/index-AbC1.js.map', 'GET')).toEqual({ kind: 'refused', status: 404, reason: 'source_map' });
    expect(resolveRendererFile(root, '/assets/INDEX.JS.MAP', 'GET')).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('answers only GET and HEAD', () => {
    expect(resolveRendererFile(root, '/index.html', 'DELETE')).toMatchObject({ kind: 'refused', status: 405 });
  });
});
