import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../shared/contract';
import { databaseFileName } from '../../../../electron/core/core';
import type { CoreSession } from '../../../../electron/core/operators/core-session';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { startTempCore, type TempCore } from '../../../support/temp-core';
import { pageSessions } from '../../../support/page-sessions';

const admin = { name: 'admin', displayName: '系统管理员', password: 'admin password' };
const start = Date.UTC(2026, 0, 5, 2, 0);

describe('operators and sessions', () => {
  let t: TempCore;
  let now: number;
  const pages = pageSessions(() => t.core);
  const open = () => pages.open();
  const value = async (session: CoreSession, method: string, input: unknown) => {
    const result = await session.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
    return result.value;
  };
  /** A signed-in administrator session on a console set up by the first run. */
  const adminSession = async () => {
    const session = open();
    await value(session, 'auth.setup', admin);
    return session;
  };

  beforeEach(async () => {
    now = start;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  it('asks for setup on first run, creates the administrator exactly once, and signs them in', async () => {
    const session = open();
    expect(await value(session, 'auth.status', {})).toEqual({ needsSetup: true, operator: null, idleLockMinutes: 10 });
    const { operator, resumeToken } = (await value(session, 'auth.setup', admin)) as { operator: { role: string }; resumeToken: string };
    expect(operator).toMatchObject({ name: 'admin', displayName: '系统管理员', role: 'administrator', disabled: false });
    expect(resumeToken.length).toBeGreaterThanOrEqual(32);
    expect(await value(session, 'auth.status', {})).toMatchObject({ needsSetup: false, operator: { name: 'admin' } });

    const another = open();
    expect(await another.call('auth.setup', { ...admin, name: 'intruder' })).toMatchObject({ ok: false, error: { code: 'setup_done' } });
    expect(await value(another, 'auth.status', {})).toMatchObject({ needsSetup: false, operator: null });
    expect((await value(session, 'operators.list', {})) as unknown[]).toHaveLength(1);
  });

  it('keeps only a scrypt hash of the password in the database', async () => {
    await adminSession();
    await t.core.close();
    const db = await openDatabase(join(t.dataDir, databaseFileName));
    try {
      const rows = await sql<{ password_hash: string }>`select password_hash from operator`.execute(db);
      expect(rows.rows[0]!.password_hash).toMatch(/^scrypt\$/);
      const everything = await sql<{ dump: string }>`select group_concat(payload, ' ') as dump from journal`.execute(db);
      expect(everything.rows[0]!.dump).not.toContain(admin.password);
      expect(everything.rows[0]!.dump).not.toContain(rows.rows[0]!.password_hash);
    } finally {
      await db.destroy();
    }
    t = await startTempCore({ dataDir: t.dataDir, slaWatchIntervalMs: 0 });
  });

  it('logs in by name (any case) and password, and refuses a wrong password or an unknown name alike', async () => {
    await adminSession();
    const session = open();
    expect(await session.call('auth.login', { name: 'admin', password: 'nope nope' })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    expect(await session.call('auth.login', { name: 'nobody', password: 'nope nope' })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    expect(await value(session, 'auth.login', { name: 'ADMIN', password: admin.password })).toMatchObject({ operator: { name: 'admin' } });
    expect(await value(session, 'assets.search', {})).toMatchObject({ total: 0 });
  });

  it('locks an account for five minutes after five wrong passwords in a row, journaled, then lets it in again', async () => {
    await adminSession();
    const session = open();
    for (let i = 1; i <= 4; i += 1) {
      expect(await session.call('auth.login', { name: 'admin', password: `wrong ${i}` })).toMatchObject({
        ok: false,
        error: { code: 'auth_failed', params: {} },
      });
    }
    expect(await session.call('auth.login', { name: 'admin', password: 'wrong 5' })).toMatchObject({
      ok: false,
      error: { code: 'operator_locked', params: { minutes: 5 } },
    });
    // Locked: even the right password is refused, with the minutes left.
    now += 2 * 60_000 + 1;
    expect(await session.call('auth.login', { name: 'admin', password: admin.password })).toMatchObject({
      ok: false,
      error: { code: 'operator_locked', params: { minutes: 3 } },
    });
    now = start + 5 * 60_000;
    expect(await value(session, 'auth.login', { name: 'admin', password: admin.password })).toMatchObject({ operator: { name: 'admin' } });

    const journal = (await t.call('journal.list', { entityType: 'operator', limit: 50 })).reverse();
    expect(journal.map((e) => e.type)).toEqual([
      'operator.created',
      'operator.logged_in',
      'operator.login_failed',
      'operator.login_failed',
      'operator.login_failed',
      'operator.login_failed',
      'operator.locked_out',
      'operator.logged_in',
    ]);
    expect(journal.find((e) => e.type === 'operator.locked_out')).toMatchObject({ at: start, payload: { failures: 5, until: start + 5 * 60_000 } });
  });

  it('refuses everything but login to a signed-out session, in the core', async () => {
    await adminSession();
    const session = open();
    for (const method of ['assets.search', 'incidents.list', 'journal.list', 'operators.list', 'settings.get', 'auth.logout']) {
      expect(await session.call(method, {}), method).toMatchObject({ ok: false, error: { code: 'auth_required', params: { method } } });
    }
    expect(await session.call('system.info', {})).toMatchObject({ ok: true });
    expect(await session.call('settings.hotlineNow', {})).toMatchObject({ ok: true });
  });

  it('refuses a duty guard assets.create and operators.create in the core, and lets an engineer create a device', async () => {
    const adminS = await adminSession();
    await value(adminS, 'operators.create', { name: 'guard1', displayName: '值班员甲', role: 'duty_guard', password: 'guard password' });
    await value(adminS, 'operators.create', { name: 'eng1', displayName: '工程师乙', role: 'engineer', password: 'engineer password' });

    const guard = open();
    await value(guard, 'auth.login', { name: 'guard1', password: 'guard password' });
    expect(await guard.call('assets.create', { name: 'DVR', systemId: 'cctv' })).toMatchObject({
      ok: false,
      error: { code: 'permission_denied', params: { method: 'assets.create', role: 'duty_guard', required: 'engineer' } },
    });
    expect(await guard.call('operators.create', { name: 'x1', displayName: 'x', role: 'administrator', password: 'password 1' })).toMatchObject({
      ok: false,
      error: { code: 'permission_denied', params: { method: 'operators.create', role: 'duty_guard' } },
    });
    expect(await guard.call('settings.set', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await value(guard, 'assets.search', {})).toMatchObject({ total: 0 });

    const engineer = open();
    await value(engineer, 'auth.login', { name: 'eng1', password: 'engineer password' });
    expect(await value(engineer, 'assets.create', { name: 'DVR', systemId: 'cctv' })).toMatchObject({ name: 'DVR' });
    expect(await engineer.call('operators.list', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
  });

  it('writes the signed-in operator into every journal entry their calls make', async () => {
    const adminS = await adminSession();
    await value(adminS, 'operators.create', { name: 'eng1', displayName: '工程师乙', role: 'engineer', password: 'engineer password' });
    const engineer = open();
    await value(engineer, 'auth.login', { name: 'eng1', password: 'engineer password' });
    const device = (await value(engineer, 'assets.create', { name: 'DVR', systemId: 'cctv' })) as { id: string };
    await value(engineer, 'incidents.report', { systemId: 'cctv', description: '黑屏', reporter: '值班员' });

    const history = (await value(engineer, 'assets.history', { id: device.id })) as JournalEntry[];
    expect(history.map((e) => e.operator)).toEqual(['eng1']);
    const incidentEntries = (await t.call('journal.list', { entityType: 'incident', limit: 10 })).filter((e) => e.type === 'incident.reported');
    expect(incidentEntries.map((e) => e.operator)).toEqual(['eng1']);
    const created = (await t.call('journal.list', { entityType: 'operator', limit: 50 })).find((e) => e.type === 'operator.created' && e.entityId !== undefined && (e.payload as { name: string }).name === 'eng1');
    expect(created?.operator).toBe('admin');
  });

  it('ends a disabled operator\'s session at their next call, and keeps the last administrator', async () => {
    const adminS = await adminSession();
    const guardAccount = (await value(adminS, 'operators.create', { name: 'guard1', displayName: '值班员甲', role: 'duty_guard', password: 'guard password' })) as { id: string };
    const guard = open();
    await value(guard, 'auth.login', { name: 'guard1', password: 'guard password' });
    await value(adminS, 'operators.update', { id: guardAccount.id, disabled: true });
    expect(await guard.call('assets.search', {})).toMatchObject({ ok: false, error: { code: 'auth_required' } });
    expect(await guard.call('auth.login', { name: 'guard1', password: 'guard password' })).toMatchObject({ ok: false, error: { code: 'operator_disabled' } });

    const adminId = ((await value(adminS, 'auth.status', {})) as { operator: { id: string } }).operator.id;
    expect(await adminS.call('operators.update', { id: adminId, role: 'engineer' })).toMatchObject({ ok: false, error: { code: 'last_administrator' } });
  });

  it('logs out and idle-locks, journaled; a reload resumes with its token, which logout ends', async () => {
    const adminS = await adminSession();
    await value(adminS, 'auth.lock', {});
    expect(await adminS.call('assets.search', {})).toMatchObject({ ok: false, error: { code: 'auth_required' } });

    const { resumeToken } = (await value(adminS, 'auth.login', { name: 'admin', password: admin.password })) as { resumeToken: string };
    adminS.close();
    const reloaded = open();
    expect(await value(reloaded, 'auth.resume', { token: resumeToken })).toMatchObject({ name: 'admin' });
    expect(await value(reloaded, 'assets.search', {})).toMatchObject({ total: 0 });
    await value(reloaded, 'auth.logout', {});
    expect(await open().call('auth.resume', { token: resumeToken })).toMatchObject({ ok: false, error: { code: 'session_expired' } });

    const types = (await t.call('journal.list', { entityType: 'operator', limit: 50 })).map((e) => e.type);
    expect(types).toContain('operator.idle_locked');
    expect(types).toContain('operator.logged_out');
  });

  it('lets a closed page\'s token resume only for a short grace period', async () => {
    const adminS = await adminSession();
    const { resumeToken } = (await value(adminS, 'auth.login', { name: 'admin', password: admin.password })) as { resumeToken: string };
    adminS.close();
    now += 3 * 60_000;
    expect(await open().call('auth.resume', { token: resumeToken })).toMatchObject({ ok: false, error: { code: 'session_expired' } });
  });

  it('changes one\'s own password only with the current one', async () => {
    const adminS = await adminSession();
    expect(await adminS.call('auth.changePassword', { currentPassword: 'not it', newPassword: 'new password 1' })).toMatchObject({
      ok: false,
      error: { code: 'password_wrong' },
    });
    await value(adminS, 'auth.changePassword', { currentPassword: admin.password, newPassword: 'new password 1' });
    expect(await value(open(), 'auth.login', { name: 'admin', password: 'new password 1' })).toMatchObject({ operator: { name: 'admin' } });
  });
});
