import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const hour = 3_600_000;
const day = 24 * hour;

describe('duty log', () => {
  let t: TempCore;
  let now = Date.UTC(2026, 10, 25, 8, 0);
  beforeEach(async () => {
    now = Date.UTC(2026, 10, 25, 8, 0);
    t = await startTempCore({ slaWatchIntervalMs: 0, clock: { now: () => now } });
  });
  afterEach(async () => {
    await t.close();
  });

  it('lists the entries of the asked day, oldest first, and not those of the day before or after', async () => {
    const dayStart = Date.UTC(2026, 10, 25);
    await t.call('duty.add', { kind: 'patrol', text: '机房巡查正常', at: dayStart + 9 * hour });
    await t.call('duty.add', { kind: 'call', text: '物业来电询问门禁', at: dayStart + 2 * hour });
    await t.call('duty.add', { kind: 'visitor', text: '昨晚来访', at: dayStart - hour });
    await t.call('duty.add', { kind: 'note', text: '明天的备注', at: dayStart + day });
    const today = await t.call('duty.list', { from: dayStart, to: dayStart + day });
    expect(today.map((e) => [e.kind, e.text, e.operator])).toEqual([
      ['call', '物业来电询问门禁', 'tester'],
      ['patrol', '机房巡查正常', 'tester'],
    ]);
  });

  it('takes the time of adding when none is given', async () => {
    const added = await t.call('duty.add', { kind: 'note', text: 'UPS 告警已复位' });
    expect(added).toMatchObject({ at: now, createdAt: now, handoverId: null });
  });

  it('refuses an empty text or a kind a guard cannot add by hand, and keeps nothing', async () => {
    for (const input of [{ kind: 'note', text: '   ' }, { kind: 'incident', text: 'x' }, { kind: 'party', text: 'x' }]) {
      const result = await t.core.call('duty.add', input, { operator: 'tester' });
      expect(result.ok ? null : result.error.code).toBe('invalid_input');
    }
    expect(await t.call('duty.list', { from: 0, to: now + day })).toEqual([]);
  });

  it('journals every entry under the duty entity', async () => {
    const added = await t.call('duty.add', { kind: 'patrol', text: '巡查 B1 配电间' });
    const [entry] = await t.call('journal.list', { entityType: 'duty', entityId: added.id });
    expect(entry).toMatchObject({ type: 'duty.entry_added', operator: 'tester', payload: { kind: 'patrol', text: '巡查 B1 配电间' } });
    expect((await t.call('journal.verify', {})).ok).toBe(true);
  });
});
