import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';
import { pageSessions } from '../../../support/page-sessions';

const admin = { name: 'admin', displayName: '系统管理员', password: 'admin password' };
const start = Date.UTC(2026, 0, 5, 2, 0);
const minute = 60_000;

describe('the core\'s idle lock', () => {
  let t: TempCore;
  let now: number;
  const pages = pageSessions(() => t.core);
  const heard: { event: string; payload: unknown }[] = [];
  /** A signed-in administrator's page whose pushed events land in `heard`. */
  const signedInPage = async () => {
    return pages.signedIn(admin.name, admin.password, (event, payload) => heard.push({ event, payload }));
  };
  const startCore = async (idleCheckIntervalMs: number) => {
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs });
    const first = pages.open();
    await first.call('auth.setup', admin);
    await first.call('auth.logout', {});
    await t.call('settings.set', { ...(await t.call('settings.get', {})), idleLockMinutes: 10 });
  };
  const idleLocks = async () => (await t.call('journal.list', { entityType: 'operator', limit: 100 })).filter((e) => e.type === 'operator.idle_locked');

  beforeEach(() => {
    now = start;
    heard.length = 0;
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  it('signs out a page with no activity for the set minutes, however often it polls, journaled', async () => {
    await startCore(0);
    const page = await signedInPage();
    // The page's lists refresh themselves: reads every few minutes are not someone at the console.
    for (let i = 0; i < 3; i += 1) {
      now += 3 * minute;
      expect(await page.call('assets.search', {})).toMatchObject({ ok: true });
    }
    now += minute + 1;
    expect(await page.call('assets.search', {})).toMatchObject({ ok: false, error: { code: 'auth_required' } });
    expect(heard.filter((h) => h.event === 'session.ended')).toEqual([{ event: 'session.ended', payload: { reason: 'idle_lock' } }]);
    expect(await idleLocks()).toEqual([expect.objectContaining({ operator: 'admin', payload: { name: 'admin', idleLockMinutes: 10, by: 'core' } })]);
  });

  it('keeps a page signed in while its person is active (auth.activity)', async () => {
    await startCore(0);
    const page = await signedInPage();
    for (let i = 0; i < 5; i += 1) {
      now += 9 * minute;
      expect(await page.call('auth.activity', {})).toMatchObject({ ok: true });
    }
    expect(await page.call('assets.search', {})).toMatchObject({ ok: true });
    expect(await idleLocks()).toEqual([]);
  });

  it('follows the idle minutes the settings give', async () => {
    await startCore(0);
    await t.call('settings.set', { ...(await t.call('settings.get', {})), idleLockMinutes: 2 });
    const page = await signedInPage();
    now += 2 * minute - 1;
    expect(await page.call('assets.search', {})).toMatchObject({ ok: true });
    now += 1;
    expect(await page.call('assets.search', {})).toMatchObject({ ok: false, error: { code: 'auth_required' } });
  });

  it('tells an idle page at once, without waiting for its next call', async () => {
    await startCore(10);
    await signedInPage();
    now += 10 * minute;
    await expect.poll(() => heard.filter((h) => h.event === 'session.ended'), { timeout: 5_000 }).toEqual([{ event: 'session.ended', payload: { reason: 'idle_lock' } }]);
    await expect.poll(async () => (await idleLocks()).length).toBe(1);
  });
});
