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

const admin = { name: 'admin', displayName: '系统管理员', password: 'admin password' };
const start = Date.UTC(2026, 0, 5, 2, 0);

describe('the login lock-out', () => {
  let t: TempCore;
  let now: number;
  const pages = pageSessions(() => t.core);
  const open = () => pages.open();

  beforeEach(async () => {
    now = start;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
    const first = open();
    expect(await first.call('auth.setup', admin)).toMatchObject({ ok: true });
    checks.count = 0;
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  it('checks at most five passwords however many wrong attempts are in flight at once, then refuses the right one', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => open().call('auth.login', { name: 'admin', password: `wrong ${i}` }));
    const answers = await Promise.all(attempts);
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(answers.every((a) => !a.ok)).toBe(true);
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'auth_failed')).toHaveLength(4);
    expect(codes.filter((c) => c === 'operator_locked')).toHaveLength(26);

    expect(await open().call('auth.login', { name: 'admin', password: admin.password })).toMatchObject({ ok: false, error: { code: 'operator_locked' } });
    expect(checks.count).toBeLessThanOrEqual(5);

    // The next window opens with the lock's end, and again allows five.
    now += 5 * 60_000;
    checks.count = 0;
    await Promise.all(Array.from({ length: 12 }, (_, i) => open().call('auth.login', { name: 'admin', password: `again ${i}` })));
    expect(checks.count).toBeLessThanOrEqual(5);
    const types = (await t.call('journal.list', { entityType: 'operator', limit: 100 })).map((e) => e.type);
    expect(types.filter((type) => type === 'operator.locked_out')).toHaveLength(2);
  });

  it('lets the right password in while fewer than five attempts are counted, and starts the count again', async () => {
    await Promise.all([1, 2, 3].map((i) => open().call('auth.login', { name: 'admin', password: `wrong ${i}` })));
    expect(await open().call('auth.login', { name: 'admin', password: admin.password })).toMatchObject({ ok: true });
    for (let i = 1; i <= 4; i += 1) {
      expect(await open().call('auth.login', { name: 'admin', password: `wrong again ${i}` })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    }
  });

  it('answers an unknown name exactly as it answers a known name with a wrong password, up to the lock', async () => {
    const answer = async (name: string) => {
      const result = await open().call('auth.login', { name, password: 'not the password' });
      return result.ok ? null : result.error;
    };
    for (let i = 1; i <= 6; i += 1) {
      const known = await answer('admin');
      const unknown = await answer('nobody');
      expect(unknown, `attempt ${i}`).toEqual(known);
      expect(known?.code).toBe(i < 5 ? 'auth_failed' : 'operator_locked');
    }
    expect(await answer('admin')).toEqual({ code: 'operator_locked', message: 'operator_locked', params: { minutes: 5, until: start + 5 * 60_000 } });
    // Case does not tell them apart either.
    expect(await answer('NOBODY')).toEqual(await answer('Admin'));
  });

  it('takes about as long for an unknown name as for a known name with a wrong password', async () => {
    const timed = async (name: string) => {
      const began = performance.now();
      await open().call('auth.login', { name, password: 'not the password' });
      return performance.now() - began;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    // Four tries each, alternating, stay under the lock; fresh unknown names so that none of them locks either.
    for (let i = 0; i < 4; i += 1) {
      known.push(await timed('admin'));
      unknown.push(await timed(`nobody${i}`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
