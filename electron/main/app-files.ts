// Maps an app:// request to a file of the built renderer: path traversal refused, MIME type chosen.
// Pure (node:path only, no electron) so the refusals are unit-tested under plain Node.
import { extname, join, normalize, sep } from 'node:path';
import { appHost, appScheme } from './security-policy';

export const rendererMimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppFileRequest =
  | { kind: 'file'; path: string; mimeType: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

/** Resolves `requestUrl` (an app:// URL) to a file under `rootDir`, or says why it is refused. */
export function resolveAppFile(rootDir: string, requestUrl: string, method = 'GET'): AppFileRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, reason: 'method' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed_url' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { kind: 'refused', status: 404, reason: 'foreign_host' };

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed_path' };
  }
  // A NUL or a backslash has no business in a renderer asset path; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 400, reason: 'malformed_path' };

  const root = normalize(rootDir + sep);
  const file = normalize(join(root, pathname === '/' || pathname === '' ? 'index.html' : pathname));
  if (!file.startsWith(root) || file === root) return { kind: 'refused', status: 403, reason: 'outside_root' };

  // Served with `nosniff`, so an unknown type can never run as a script or a style sheet.
  const mimeType = rendererMimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { kind: 'file', path: file, mimeType };
}
