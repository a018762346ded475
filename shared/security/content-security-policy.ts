// The console's Content-Security-Policy, one text for the desktop app and the headless host.

/** `connectSrc` is the WebSocket origin of the headless host; the desktop app connects nowhere. */
export function contentSecurityPolicy(connectSrc = ''): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // antd (cssinjs) writes style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSrc ? ` ${connectSrc}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
