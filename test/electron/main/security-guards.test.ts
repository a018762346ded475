// The policy applied to web contents and sessions: no navigation away, no new windows, no webviews,
// permissions denied unless named.
import { describe, expect, it, vi } from 'vitest';
import { guardSession, guardWebContents } from '../../../electron/main/security-guards';
import { FakeWebContents } from './fake-electron';

function fire(contents: FakeWebContents, name: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('guardWebContents', () => {
  it('prevents navigation, frame navigation and redirects away from the app', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(contents, name, 'https://evil.example/')).toBe(true);
      expect(fire(contents, name, 'file:///etc/passwd')).toBe(true);
      expect(fire(contents, name, 'app://duty-console/index.html')).toBe(false);
    }
  });

  it('denies every new window', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'app://duty-console/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'app://duty-console/index.html' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('guardSession', () => {
  function guarded() {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    guardSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (c: unknown, p: string, origin: string) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean;
    return { request, check, device };
  }

  it('denies permission requests by default, even from our page', () => {
    const { request } = guarded();
    const contents = new FakeWebContents();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'serial']) {
      const callback = vi.fn();
      request(contents, permission, callback, { requestingUrl: 'app://duty-console/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('grants clipboard writes to our page and to no other', () => {
    const { request, check } = guarded();
    const granted = vi.fn();
    request(new FakeWebContents(), 'clipboard-sanitized-write', granted, { requestingUrl: 'app://duty-console/index.html' });
    expect(granted).toHaveBeenCalledWith(true);
    const refused = vi.fn();
    request(new FakeWebContents(), 'clipboard-sanitized-write', refused, { requestingUrl: 'https://evil.example/' });
    expect(refused).toHaveBeenCalledWith(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://duty-console')).toBe(true);
    expect(check(null, 'media', 'app://duty-console')).toBe(false);
  });

  it('denies device access to the page (serial ports belong to the core)', () => {
    expect(guarded().device({ deviceType: 'serial', origin: 'app://duty-console' })).toBe(false);
  });
});
