// The desktop app's pure security decisions: our origin, IPC senders, navigation, permissions, web preferences.
import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  appOrigin,
  checkSender,
  hardenedWebPreferences,
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
} from '../../../electron/main/security-policy';

describe('isAppUrl', () => {
  it('accepts the app entry page, its assets and its bare origin', () => {
    expect(appOrigin).toBe('app://duty-console');
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://duty-console/assets/index-3f2a.js')).toBe(true);
    expect(isAppUrl('app://duty-console/index.html#/assets/devices/42')).toBe(true);
    expect(isAppUrl('app://duty-console')).toBe(true);
  });

  it.each([
    ['another host on our scheme', 'app://evil/index.html'],
    ['a host that only starts with ours', 'app://duty-console.evil.com/index.html'],
    ['credentials in front of our host', 'app://duty-console@evil/index.html'],
    ['user info with our host name', 'app://user:pw@duty-console/index.html'],
    ['a port on our host', 'app://duty-console:8080/index.html'],
    ['a web page', 'https://duty-console/index.html'],
    ['the headless host', 'http://127.0.0.1:47800/'],
    ['a local file', 'file:///work/main/dist/renderer/index.html'],
    ['a blank page', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['text that is no URL', 'duty-console'],
    ['an empty string', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a missing URL', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('checkSender', () => {
  it('allows the top-level frame of our own page', () => {
    expect(checkSender({ url: 'app://duty-console/index.html#/incidents', isTopLevel: true })).toEqual({ allowed: true });
  });

  it('refuses an iframe even when it shows our origin', () => {
    expect(checkSender({ url: 'app://duty-console/index.html', isTopLevel: false })).toEqual({ allowed: false, reason: 'not_top_level' });
  });

  it('refuses a top-level frame from any other origin', () => {
    expect(checkSender({ url: 'https://example.com/', isTopLevel: true })).toEqual({ allowed: false, reason: 'foreign_origin' });
    expect(checkSender({ url: 'about:blank', isTopLevel: true })).toEqual({ allowed: false, reason: 'foreign_origin' });
    expect(checkSender({ url: '', isTopLevel: true })).toEqual({ allowed: false, reason: 'foreign_origin' });
  });

  it('refuses a sender whose frame is gone', () => {
    expect(checkSender(null)).toEqual({ allowed: false, reason: 'no_frame' });
    expect(checkSender(undefined)).toEqual({ allowed: false, reason: 'no_frame' });
  });
});

describe('isNavigationAllowed', () => {
  it('lets the window move within the app and nowhere else', () => {
    expect(isNavigationAllowed('app://duty-console/index.html')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('app://duty-console.example.com/')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('denies every sensitive permission, even to our own origin', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'serial', 'hid', 'usb', 'display-capture', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission, appOrigin)).toBe(false);
    }
  });

  it('allows clipboard writes to our own page only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', appOrigin)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://duty-console/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('hardenedWebPreferences', () => {
  it('isolates and sandboxes the page with no Node and no relaxed web security', () => {
    const prefs = hardenedWebPreferences('/app/dist/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});
