// The headers every response of either transport carries: a refusal or an error page as much as the renderer itself.
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';

/** `connectSrc` is the headless host's WebSocket origin; the desktop app connects nowhere. */
export function rendererHeaders(connectSrc = ''): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(connectSrc),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}
