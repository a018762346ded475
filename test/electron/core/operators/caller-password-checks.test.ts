import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';
import { pageSessions } from '../../../support/page-sessions';

// Counts the password checks (scrypt runs) the core makes, without changing what they answer.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../electron/core/operators/password-hash', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../electron/core/operators/password-hash')>();
  return {
    ...original,
    verifyPassword: (password: string, stored: string) => {
      checks.count += 1;
      return original.verifyPassword(password, stored);
    },
  };
});

const start = Date.UTC(2026, 0, 5, 2, 0);

describe('passwords a signed-in operator types for someone else', () => {
  let t: TempCore;
  let now: number;
  const pages = pageSessions(() => t.core);
  const open = () => pages.open();
  let handoverId: string;

  beforeEach(async () => {
    now = start;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
    const admin = open();
    await admin.call('auth.setup', { name: 'admin', displayName: '管理员', password: 'admin password' });
    await admin.call('operators.create', { name: 'zhangsan', displayName: '张三', role: 'duty_guard', password: 'night-shift-1' });
    await admin.call('operators.create', { name: 'lisi', displayName: '李四', role: 'duty_guard', password: 'day-shift-22' });
    const outgoing = await pages.signedIn('zhangsan', 'night-shift-1');
    const submitted = await outgoing.call('duty.handoverSubmit', { summary: '夜班平稳' });
    handoverId = submitted.ok ? (submitted.value as { id: string }).id : '';
    checks.count = 0;
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  it('never locks the named guard: five wrong confirmations stop the caller for five minutes instead, journaled', async () => {
    const outgoing = await pages.signedIn('zhangsan', 'night-shift-1');
    for (let i = 1; i <= 4; i += 1) {
      expect(await outgoing.call('duty.handoverConfirm', { id: handoverId, name: 'lisi', password: `guess ${i}` })).toMatchObject({
        ok: false,
        error: { code: 'auth_failed', params: {} },
      });
    }
    expect(await outgoing.call('duty.handoverConfirm', { id: handoverId, name: 'lisi', password: 'guess 5' })).toMatchObject({
      ok: false,
      error: { code: 'password_checks_locked', params: { minutes: 5 } },
    });
    // The caller may not try again, not even with the right password...
    expect(await outgoing.call('duty.handoverConfirm', { id: handoverId, name: 'lisi', password: 'day-shift-22' })).toMatchObject({
      ok: false,
      error: { code: 'password_checks_locked' },
    });
    // ...but the named guard was never locked: they log in, and another caller can confirm with them.
    await pages.signedIn('lisi', 'day-shift-22');
    const types = (await t.call('journal.list', { entityType: 'operator', limit: 100 })).map((e) => e.type);
    expect(types).not.toContain('operator.locked_out');
    expect(types.filter((type) => type === 'operator.password_check_failed')).toHaveLength(4);
    expect(types).toContain('operator.password_checks_locked');

    now += 5 * 60_000;
    expect(await outgoing.call('duty.handoverConfirm', { id: handoverId, name: 'lisi', password: 'day-shift-22' })).toMatchObject({
      ok: true,
      value: { incomingOperator: 'lisi' },
    });
  });

  it('checks at most five passwords for a caller however many confirmations are in flight at once', async () => {
    const outgoing = await pages.signedIn('zhangsan', 'night-shift-1');
    checks.count = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outgoing.call('duty.handoverConfirm', { id: handoverId, name: 'lisi', password: `guess ${i}` })),
    );
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => !a.ok && a.error.code === 'password_checks_locked')).toHaveLength(16);
  });

  it('refuses a confirmation naming an account the login lock-out holds, without checking its password', async () => {
    for (let i = 1; i <= 5; i += 1) await open().call('auth.login', { name: 'lisi', password: `wrong ${i}` });
    const outgoing = await pages.signedIn('zhangsan', 'night-shift-1');
    checks.count = 0;
    expect(await outgoing.call('duty.handoverConfirm', { id: handoverId, name: 'lisi', password: 'day-shift-22' })).toMatchObject({
      ok: false,
      error: { code: 'operator_locked' },
    });
    expect(checks.count).toBe(0);
  });

  it('counts wrong current passwords at a password change against the same limit', async () => {
    const guard = await pages.signedIn('lisi', 'day-shift-22');
    for (let i = 1; i <= 4; i += 1) {
      expect(await guard.call('auth.changePassword', { currentPassword: `guess ${i}`, newPassword: 'new password 1' })).toMatchObject({
        ok: false,
        error: { code: 'password_wrong' },
      });
    }
    expect(await guard.call('auth.changePassword', { currentPassword: 'guess 5', newPassword: 'new password 1' })).toMatchObject({
      ok: false,
      error: { code: 'password_checks_locked' },
    });
    expect(await guard.call('auth.changePassword', { currentPassword: 'day-shift-22', newPassword: 'new password 1' })).toMatchObject({
      ok: false,
      error: { code: 'password_checks_locked' },
    });
  });
});
