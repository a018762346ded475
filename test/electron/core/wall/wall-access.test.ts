// The wall screen's access: a page nobody signed in on reads the wall's snapshot only while an administrator has it
// on, and nothing else opens to it; turning it on and off is journaled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { methodAccess } from '../../../../shared/domain/operators/method-permissions';
import { pageSessions } from '../../../support/page-sessions';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const admin = { name: 'admin', displayName: '系统管理员', password: 'admin password' };
const guard = { name: 'guard', displayName: '值班员', password: 'guard password', role: 'duty_guard' as const };

describe('the wall screen', () => {
  let t: TempCore;
  const pages = pageSessions(() => t.core);

  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: false, devices: { autoStart: false } });
    const first = pages.open();
    expect(await first.call('auth.setup', admin)).toMatchObject({ ok: true });
    await first.call('auth.logout', {});
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  it('answers a signed-out page only once an administrator turns it on, and stops when turned off, journaled', async () => {
    const wall = pages.open();
    expect(await wall.call('wall.snapshot', {})).toMatchObject({ ok: false, error: { code: 'wall_disabled' } });
    const adminPage = await pages.signedIn(admin.name, admin.password);
    expect(await adminPage.call('wall.setEnabled', { enabled: true })).toEqual({ ok: true, value: { enabled: true } });
    const shown = await wall.call('wall.snapshot', {});
    expect(shown).toMatchObject({ ok: true, value: { links: [], alarms: [], alarmCount: 0, incidents: [], readings: [] } });
    expect(await adminPage.call('wall.setEnabled', { enabled: false })).toMatchObject({ ok: true });
    expect(await wall.call('wall.snapshot', {})).toMatchObject({ ok: false, error: { code: 'wall_disabled' } });
    const journal = await t.call('journal.list', { limit: 50 });
    expect(journal.filter((e) => e.type.startsWith('wall.')).map((e) => [e.type, e.operator])).toEqual([
      ['wall.disabled', 'admin'],
      ['wall.enabled', 'admin'],
    ]);
  });

  it('opens nothing else to the wall page: every other method but the signed-out ones is refused, and nothing changes', async () => {
    await t.call('wall.setEnabled', { enabled: true });
    const wall = pages.open();
    const journalBefore = (await t.call('journal.list', { limit: 500 })).length;
    const opened: string[] = [];
    for (const method of Object.keys(contract)) {
      const access = methodAccess(method);
      // The maintenance record's print read answers only to a print token (checked below, and with a real token
      // in test/electron/core/sync/sync-record-pdf.test.ts).
      if (access === 'signed_out' || access === 'print') continue;
      const result = await wall.call(method, {});
      if (result.ok || !['auth_required', 'wall_disabled'].includes(result.error.code)) opened.push(`${method}: ${JSON.stringify(result).slice(0, 80)}`);
    }
    expect(opened.map((line) => line.split(':')[0])).toEqual(['wall.snapshot']);
    expect(await wall.call('maintenance.printRecord', { token: 'x'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'print_token_invalid' } });
    expect((await t.call('journal.list', { limit: 500 })).length).toBe(journalBefore);
    // Turning the wall on or off is an administrator's, never the wall's.
    expect(await wall.call('wall.setEnabled', { enabled: false })).toMatchObject({ ok: false, error: { code: 'auth_required' } });
    expect(await t.call('wall.settings', {})).toEqual({ enabled: true });
  });

  it('gives the wall a key when first turned on; a page with the key reads the wall and nothing else, not even the login', async () => {
    expect(await t.call('wall.key', {})).toEqual({ key: null });
    await t.call('wall.setEnabled', { enabled: true });
    const { key } = await t.call('wall.key', {});
    expect(key).toMatch(/^[\w-]{32}$/);
    const wall = t.core.openSession(undefined, { key: key! });
    const journalBefore = (await t.call('journal.list', { limit: 500 })).length;
    const opened: string[] = [];
    // Every method, the signed-out ones included: a wall page has no login screen, so it has no use for them.
    for (const method of Object.keys(contract)) {
      const result = await wall.call(method, {});
      if (result.ok || result.error.code !== 'permission_denied') opened.push(`${method}: ${JSON.stringify(result).slice(0, 80)}`);
    }
    expect(opened.map((line) => line.split(':')[0])).toEqual(['wall.snapshot']);
    expect(await wall.call('auth.login', { name: admin.name, password: admin.password })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await wall.call('auth.setup', admin)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(wall.signedIn).toBe(false);
    expect((await t.call('journal.list', { limit: 500 })).length).toBe(journalBefore);
    // Off and on again: the same key, so the wall monitor's bookmark keeps working.
    await t.call('wall.setEnabled', { enabled: false });
    expect(await wall.call('wall.snapshot', {})).toMatchObject({ ok: false, error: { code: 'wall_disabled' } });
    await t.call('wall.setEnabled', { enabled: true });
    expect(await t.call('wall.key', {})).toEqual({ key });
    expect(await wall.call('wall.snapshot', {})).toMatchObject({ ok: true });
    wall.close();
  });

  it('stops the old key at once when an administrator rotates it, journaled without the key; a wrong key reads nothing', async () => {
    await t.call('wall.setEnabled', { enabled: true });
    const { key: old } = await t.call('wall.key', {});
    const oldPage = t.core.openSession(undefined, { key: old! });
    expect(await oldPage.call('wall.snapshot', {})).toMatchObject({ ok: true });
    const adminPage = await pages.signedIn(admin.name, admin.password);
    const rotated = await adminPage.call('wall.rotateKey', {});
    expect(rotated).toMatchObject({ ok: true });
    const fresh = (rotated as { ok: true; value: { key: string } }).value.key;
    expect(fresh).not.toBe(old);
    expect(await oldPage.call('wall.snapshot', {})).toMatchObject({ ok: false, error: { code: 'wall_key_invalid' } });
    const newPage = t.core.openSession(undefined, { key: fresh });
    expect(await newPage.call('wall.snapshot', {})).toMatchObject({ ok: true });
    const guessed = t.core.openSession(undefined, { key: 'A'.repeat(32) });
    expect(await guessed.call('wall.snapshot', {})).toMatchObject({ ok: false, error: { code: 'wall_key_invalid' } });
    const journal = await t.call('journal.list', { typePrefix: 'wall.', limit: 10 });
    expect(journal.map((e) => [e.type, e.operator])).toEqual([
      ['wall.keyRotated', 'admin'],
      ['wall.enabled', 'tester'],
    ]);
    expect(JSON.stringify(journal)).not.toContain(fresh);
    expect(JSON.stringify(journal)).not.toContain(old);
    for (const page of [oldPage, newPage, guessed]) page.close();
  });

  it('shows the key to an administrator only', async () => {
    await t.call('wall.setEnabled', { enabled: true });
    await t.call('operators.create', { ...guard, role: 'supervisor' as const });
    const page = await pages.signedIn(guard.name, guard.password);
    expect(await page.call('wall.key', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await page.call('wall.rotateKey', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
  });

  it('lets a signed-in guard read the wall even while it is off, but not turn it on', async () => {
    await t.call('operators.create', guard);
    const page = await pages.signedIn(guard.name, guard.password);
    expect(await page.call('wall.snapshot', {})).toMatchObject({ ok: true });
    expect(await page.call('wall.setEnabled', { enabled: true })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
  });

  it('shows an open incident with its clock and a reported alarm-free link list, naming no people', async () => {
    await t.call('wall.setEnabled', { enabled: true });
    const reported = await t.call('incidents.report', {
      systemId: 'access-control',
      description: '东门门禁无法开门',
      title: '东门门禁无法开门',
      location: '东门',
      reporter: '王保安',
      callbackPhone: '13800000000',
      facts: { businessStopped: true },
    });
    const wall = pages.open();
    const result = await wall.call('wall.snapshot', {});
    expect(result.ok).toBe(true);
    const snapshot = (result as { ok: true; value: import('../../../../shared/contract/wall').WallSnapshot }).value;
    expect(snapshot.incidents).toEqual([expect.objectContaining({ title: '东门门禁无法开门', location: '东门', milestone: 'response' })]);
    expect(snapshot.incidents[0]!.remainingMs).toBeGreaterThan(0);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('王保安');
    expect(text).not.toContain('13800000000');
    expect(snapshot.incidents[0]!.number).toBe(reported.incident.number);
  });
});
