import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('muting the alarm sound', () => {
  let t: TempCore;
  const now = Date.UTC(2026, 10, 25, 19, 0);
  beforeEach(async () => {
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('journals who muted and unmuted the alerts, with the reason, against the console', async () => {
    expect(await t.call('alerts.setMuted', { muted: true, reason: '已电话通知工程师' })).toEqual({ muted: true, at: now, by: 'tester' });
    await t.call('alerts.setMuted', { muted: false });
    const entries = await t.call('journal.list', { entityType: 'console' });
    expect(entries.map((e) => [e.type, e.entityId, e.operator, e.payload])).toEqual([
      ['alerts.unmuted', 'console', 'tester', { muted: false, reason: '' }],
      ['alerts.muted', 'console', 'tester', { muted: true, reason: '已电话通知工程师' }],
    ]);
    expect((await t.call('journal.verify', {})).ok).toBe(true);
  });

  it('refuses a call without the muted flag and journals nothing', async () => {
    const result = await t.core.call('alerts.setMuted', { reason: 'x' }, { operator: 'tester' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(await t.call('journal.list', { entityType: 'console' })).toEqual([]);
  });
});
