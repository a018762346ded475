// Applies the security policy to Electron objects: every web contents and every session the app makes.
import type { Session, WebContents } from 'electron';
import { isNavigationAllowed, isPermissionAllowed } from './security-policy';

/**
 * For every web contents (wire it to `app.on('web-contents-created')` so none is missed):
 * navigation away from the app, new windows and <webview> are refused.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  // Covers navigations of subframes too; the page has none of its own (CSP frame-src falls back to 'self').
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  // The console never opens a second window from the page, and never hands a URL to shell.openExternal.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permission requests and checks are denied unless the policy names the permission for our origin. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // The page asks for no devices; the core owns the serial ports.
  session.setDevicePermissionHandler(() => false);
}
