// Serves the built renderer from disk through the resolver the desktop app's app:// uses, with the same headers.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveRendererFile, type RendererFileRequest } from '../node/renderer-files';
import { rendererHeaders } from '../node/renderer-headers';

/** The request handler of the host's HTTP server; it never rejects (a rejection would end the host). */
export function staticFiles(rootDir: string, wsOrigin: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    serve(rootDir, req, res, rendererHeaders(wsOrigin())).catch(() => {
      if (!res.headersSent) res.writeHead(500, rendererHeaders(wsOrigin())).end();
      else res.destroy();
    });
  };
}

async function serve(rootDir: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const resolved = resolveRequest(rootDir, req);
  if (resolved.kind === 'refused') {
    res.writeHead(resolved.status, headers).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(resolved.path);
  } catch {
    res.writeHead(404, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': resolved.mimeType });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function resolveRequest(rootDir: string, req: IncomingMessage): RendererFileRequest {
  const target = req.url ?? '/';
  // Only a path (RFC 9112 §3.2.1 origin-form): an absolute URL or `*` names nothing here.
  if (!target.startsWith('/')) return { kind: 'refused', status: 400, reason: 'malformed_url' };
  let url: URL;
  try {
    url = new URL(`http://host${target}`);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed_url' };
  }
  return resolveRendererFile(rootDir, url.pathname, req.method ?? 'GET');
}
