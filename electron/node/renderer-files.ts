// Which file of the built renderer a request names, for both transports (the desktop app's app:// and the
// headless host's HTTP): percent-decoding, path traversal, NUL, backslash and source maps refused; the MIME type
// chosen. Pure (node:path only, never electron), so the refusals are unit-tested under plain Node.
import { extname, join, normalize, sep } from 'node:path';

export const rendererMimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
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

export type RendererFileRequest =
  | { kind: 'file'; path: string; mimeType: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

/**
 * Resolves `encodedPath` (a URL's pathname as it arrived, still percent-encoded) to a file under `rootDir`, or
 * says why it is refused. Never throws: a request is the outside world's to shape.
 */
export function resolveRendererFile(rootDir: string, encodedPath: string, method: string): RendererFileRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, reason: 'method' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPath);
  } catch {
    // `%E0`, `%zz`, a lone `%`, overlong UTF-8: decodeURIComponent throws a URIError on each.
    return { kind: 'refused', status: 400, reason: 'malformed_path' };
  }
  // A NUL or a backslash has no business in a renderer asset path; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused', status: 400, reason: 'malformed_path' };

  const root = normalize(rootDir + sep);
  const file = normalize(join(root, pathname === '/' || pathname === '' ? 'index.html' : pathname));
  if (!file.startsWith(root) || file === root) return { kind: 'refused', status: 403, reason: 'outside_root' };

  const extension = extname(file).toLowerCase();
  // A source map is the whole renderer's source (megabytes); a production build has none, and a stray one is not served.
  if (extension === '.map') return { kind: 'refused', status: 404, reason: 'source_map' };
  // Served with `nosniff`, so an unknown type can never run as a script or a style sheet.
  return { kind: 'file', path: file, mimeType: rendererMimeTypes[extension] ?? 'application/octet-stream' };
}
