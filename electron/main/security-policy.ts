// The desktop app's security decisions as pure functions: which URLs are ours, which IPC senders
// and permissions are allowed, which web preferences every window gets. No electron import, so
// every decision is unit-tested under plain Node.

/** The custom scheme the renderer is served from (registered as standard + secure). */
export const appScheme = 'app';
export const appHost = 'duty-console';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` belongs to the app's own origin. Compares scheme and host with a real URL parser
 * rather than a prefix (a `startsWith` test lets `app://duty-console.evil` through), and not via
 * `URL.origin`, which WHATWG defines as "null" for a scheme it does not know.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** What main knows about the frame an IPC message came from (Electron's `event.senderFrame`). */
export interface SenderFrame {
  url: string;
  /** `senderFrame.parent === null`: the frame is the page itself, not an iframe inside it. */
  isTopLevel: boolean;
}

export type SenderVerdict = { allowed: true } | { allowed: false; reason: 'no_frame' | 'not_top_level' | 'foreign_origin' };

/**
 * Checks the sender of an IPC call, as VS Code's validatedIpcMain does: only the top-level frame of
 * a page served from our origin may call the core. Stricter than VS Code in one way: a frame that is
 * gone, blank or unparsable is refused rather than waved through.
 */
export function checkSender(frame: SenderFrame | null | undefined): SenderVerdict {
  if (!frame) return { allowed: false, reason: 'no_frame' };
  if (!isAppUrl(frame.url)) return { allowed: false, reason: 'foreign_origin' };
  if (!frame.isTopLevel) return { allowed: false, reason: 'not_top_level' };
  return { allowed: true };
}

/** A window may only ever show the app itself; everything else (links, redirects, drops) is refused. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The few web permissions the console uses, each only for our own origin. Everything else —
 * camera, microphone, geolocation, notifications, HID/serial/USB from the page (devices are the
 * core's business), openExternal — is denied.
 */
const grantedPermissions: ReadonlySet<string> = new Set([
  // Copying a serial number or a report line to the clipboard.
  'clipboard-sanitized-write',
]);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined | null): boolean {
  return grantedPermissions.has(permission) && isAppUrl(requestingUrl);
}

/** The subset of Electron's `WebPreferences` this app sets; structurally assignable to it. */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
}

/** Every setting spelled out even where it is Electron's default, so a changed default cannot weaken it. */
export function hardenedWebPreferences(preload: string): HardenedWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}
