// The app:// protocol: the built renderer served from disk with the console's CSP, instead of file://.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { rendererHeaders } from '../node/renderer-headers';
import { resolveAppFile } from './app-files';
import { appScheme } from './security-policy';

/**
 * Must run before the app is ready. `standard` gives the scheme a real origin (so 'self', storage and
 * relative URLs work), `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its
 * own assets, and `stream` lets <audio> play the alarm sounds (media needs a streaming source).
 * No `bypassCSP`: the page stays under the policy below.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const securityHeaders = rendererHeaders();

/** Serves `rendererDir` on the app scheme of `session`. */
export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(appScheme, async (request) => {
    const resolved = resolveAppFile(rendererDir, request.url, request.method);
    if (resolved.kind === 'refused') return new Response(null, { status: resolved.status, headers: securityHeaders });
    try {
      const body = await readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders, 'content-type': resolved.mimeType },
      });
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders });
    }
  });
}
