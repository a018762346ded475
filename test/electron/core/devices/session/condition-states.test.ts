import { describe, expect, it } from 'vitest';
import type { DeviceAlarm, SessionHandlers } from '../../../../../electron/core/devices/driver-session';
import { createConditionStates } from '../../../../../electron/core/devices/session/condition-states';

const alarm = (conditionKey: string, state: DeviceAlarm['state']): DeviceAlarm => ({
  conditionKey,
  state,
  eventCode: 'test.condition',
  severity: 'major',
  text: { zh: '测试', en: 'test' },
  point: '',
  at: 0,
  detail: {},
});

function handlers(options: { failing?: () => boolean; left?: string[] } = {}): SessionHandlers & { committed: DeviceAlarm[] } {
  const committed: DeviceAlarm[] = [];
  return {
    committed,
    alarm: async (a) => {
      if (options.failing?.()) throw new Error('disk full');
      committed.push(a);
    },
    reading: () => undefined,
    traffic: () => undefined,
    ...(options.left ? { leftActive: (key: string) => options.left!.includes(key) } : {}),
  };
}

describe('condition states', () => {
  it('commits a raise and a restore only when the condition changes', async () => {
    const h = handlers();
    const conditions = createConditionStates(h);
    expect(await conditions.apply(alarm('mains', 'raised'))).toBe(true);
    expect(await conditions.apply(alarm('mains', 'raised'))).toBe(true);
    expect(conditions.isRaised('mains')).toBe(true);
    expect(await conditions.apply(alarm('mains', 'restored'))).toBe(true);
    expect(await conditions.apply(alarm('mains', 'restored'))).toBe(true);
    expect(h.committed.map((a) => a.state)).toEqual(['raised', 'restored']);
    expect(conditions.isRaised('mains')).toBe(false);
  });

  it('keeps the state when a commit is rejected, so the next report tries again, and says why', async () => {
    let failing = true;
    const rejected: string[] = [];
    const h = handlers({ failing: () => failing });
    const conditions = createConditionStates(h, { onRejected: (error, a) => rejected.push(`${a.conditionKey}: ${(error as Error).message}`) });
    expect(await conditions.apply(alarm('mains', 'raised'))).toBe(false);
    expect(conditions.isRaised('mains')).toBe(false);
    expect(rejected).toEqual(['mains: disk full']);
    failing = false;
    expect(await conditions.apply(alarm('mains', 'raised'))).toBe(true);
    expect(h.committed).toHaveLength(1);
  });

  it('believes what an earlier session left active until this session restores it', async () => {
    const h = handlers({ left: ['link'] });
    const conditions = createConditionStates(h);
    expect(conditions.isRaised('link')).toBe(true);
    await conditions.apply(alarm('link', 'raised'));
    expect(h.committed).toEqual([]);
    await conditions.apply(alarm('link', 'restored'));
    // The handlers go on saying it was left active; the session's own restore counts.
    expect(conditions.isRaised('link')).toBe(false);
    await conditions.apply(alarm('link', 'restored'));
    expect(h.committed.map((a) => a.state)).toEqual(['restored']);
  });

  it('commits status alarms every time', async () => {
    const h = handlers();
    const conditions = createConditionStates(h);
    await conditions.apply(alarm('arming', 'status'));
    await conditions.commit(alarm('arming', 'status'));
    expect(h.committed).toHaveLength(2);
  });
});
