import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreSession } from '../../../../electron/core/operators/core-session';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const admin = { name: 'admin', displayName: '系统管理员', password: 'admin password' };
const guardAccount = { name: 'guard1', displayName: '值班员甲', role: 'duty_guard' as const, password: 'guard password' };

/** A page: its core session and every event pushed to it. */
interface Page {
  session: CoreSession;
  heard: { event: string; payload: unknown }[];
}

describe('ending sign-ins', () => {
  let t: TempCore;
  const pages: Page[] = [];
  const open = (): Page => {
    const heard: Page['heard'] = [];
    const page = { session: t.core.openSession((event, payload) => heard.push({ event, payload })), heard };
    pages.push(page);
    return page;
  };
  const value = async (page: Page, method: string, input: unknown) => {
    const result = await page.session.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
    return result.value;
  };
  const login = async (name: string, password: string) => {
    const page = open();
    const { resumeToken } = (await value(page, 'auth.login', { name, password })) as { resumeToken: string };
    return { page, resumeToken };
  };
  /** A second connection of the same page (a reload, another socket carrying its cookie). */
  const resumed = async (token: string) => {
    const page = open();
    await value(page, 'auth.resume', { token });
    return page;
  };
  const ended = (page: Page) => page.heard.filter((h) => h.event === 'session.ended').map((h) => h.payload);
  const isSignedOut = async (page: Page) => {
    const result = await page.session.call('assets.search', {});
    return !result.ok && result.error.code === 'auth_required';
  };
  let adminPage: Page;
  let guardId: string;

  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
    adminPage = open();
    await value(adminPage, 'auth.setup', admin);
    guardId = ((await value(adminPage, 'operators.create', guardAccount)) as { id: string }).id;
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) page.session.close();
    await t.close();
  });

  it('ends every connection sharing the sign-in at logout, and tells each other page at once', async () => {
    const { page: first, resumeToken } = await login('guard1', 'guard password');
    const second = await resumed(resumeToken);
    const otherLogin = (await login('guard1', 'guard password')).page;

    await value(first, 'auth.logout', {});

    expect(await isSignedOut(second)).toBe(true);
    expect(ended(second)).toEqual([{ reason: 'logout' }]);
    // The page that logged out has its answer; it is not told again.
    expect(ended(first)).toEqual([]);
    // A separate login of the same operator is another sign-in.
    expect(await isSignedOut(otherLogin)).toBe(false);
    expect(await open().session.call('auth.resume', { token: resumeToken })).toMatchObject({ ok: false, error: { code: 'session_expired' } });
  });

  it('ends the operator\'s other sign-ins when they change their own password, and keeps this page', async () => {
    const { page: mine, resumeToken } = await login('guard1', 'guard password');
    const myOtherConnection = await resumed(resumeToken);
    const { page: elsewhere, resumeToken: elsewhereToken } = await login('guard1', 'guard password');

    await value(mine, 'auth.changePassword', { currentPassword: 'guard password', newPassword: 'new guard password' });

    expect(await isSignedOut(elsewhere)).toBe(true);
    expect(ended(elsewhere)).toEqual([{ reason: 'password_changed' }]);
    expect(await open().session.call('auth.resume', { token: elsewhereToken })).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    expect(await isSignedOut(mine)).toBe(false);
    expect(await isSignedOut(myOtherConnection)).toBe(false);
    expect(await isSignedOut(adminPage)).toBe(false);
  });

  it('ends every sign-in of an operator whose password an administrator sets', async () => {
    const { page: first, resumeToken } = await login('guard1', 'guard password');
    const second = (await login('guard1', 'guard password')).page;

    await value(adminPage, 'operators.setPassword', { id: guardId, password: 'reset password 1' });

    for (const page of [first, second]) {
      expect(await isSignedOut(page)).toBe(true);
      expect(ended(page)).toEqual([{ reason: 'password_changed' }]);
    }
    expect(await open().session.call('auth.resume', { token: resumeToken })).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    expect(await isSignedOut(adminPage)).toBe(false);
  });

  it('ends every sign-in of a disabled operator at once', async () => {
    const { page } = await login('guard1', 'guard password');
    await value(adminPage, 'operators.update', { id: guardId, disabled: true });
    expect(ended(page)).toEqual([{ reason: 'disabled' }]);
    expect(await isSignedOut(page)).toBe(true);
  });

  it('pushes core events to signed-in pages only', async () => {
    const signedOut = open();
    const { page: guard } = await login('guard1', 'guard password');
    await value(adminPage, 'assets.create', { name: '大堂摄像机', systemId: 'cctv' });
    expect(guard.heard.map((h) => h.event)).toContain('assets.changed');
    expect(signedOut.heard).toEqual([]);
  });
});
