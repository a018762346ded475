// Maps an app:// request to a file of the built renderer: the URL's scheme and host checked here, the path by the
// resolver both transports share. Pure (no electron) so the refusals are unit-tested under plain Node.
import { resolveRendererFile, type RendererFileRequest } from '../node/renderer-files';
import { appHost, appScheme } from './security-policy';

export type AppFileRequest = RendererFileRequest;

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
  return resolveRendererFile(rootDir, url.pathname, method);
}
