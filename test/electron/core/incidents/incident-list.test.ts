import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/domain/incidents/sla-levels';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('the duty room list', () => {
  let t: TempCore;
  const t0 = Date.UTC(2026, 10, 25, 1, 0);
  let now = t0;
  beforeEach(async () => {
    now = t0;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  async function reportAt(at: number, description: string, level: 'I' | 'II' | 'III' | 'IV', systemId = 'cctv') {
    now = at;
    return (await t.call('incidents.report', { systemId, description, reporter: 'x', level })).incident;
  }

  it('puts overdue incidents first, then the nearest deadline, and closed ones only when asked, last', async () => {
    const overdue = await reportAt(t0 - HOUR_MS, '一小时前报告,无人响应', 'III');
    const routine = await reportAt(t0, '咨询配置', 'IV');
    const urgent = await reportAt(t0 + 10 * MINUTE_MS, '业务停止', 'I');
    const answered = await reportAt(t0 + 5 * MINUTE_MS, '已响应已出方案', 'II');
    for (const step of [{ action: 'respond' }, { action: 'submit_plan', plan: '更换' }] as const) await t.call('incidents.act', { id: answered.id, ...step });
    const done = await reportAt(t0 - 2 * HOUR_MS, '已关闭', 'I');
    for (const step of [
      { action: 'respond' },
      { action: 'submit_plan', plan: 'p' },
      { action: 'start_work' },
      { action: 'resolve', cause: 'c', method: 'm' },
      { action: 'submit_fault_report', faultType: 't', cause: 'c', method: 'm', loss: 'l' },
      { action: 'close' },
    ] as const) await t.call('incidents.act', { id: done.id, ...step });

    now = t0 + 20 * MINUTE_MS;
    const open = await t.call('incidents.list', {});
    expect(open.asOf).toBe(now);
    // overdue since t0 − 30 min; routine's response due in 10 min; urgent's in 20 min; answered's resolution in ~24 h.
    expect(open.items.map((i) => i.title)).toEqual([overdue.title, routine.title, urgent.title, answered.title]);
    expect(open.items[0]!.urgency).toMatchObject({ overdue: true, milestone: 'response' });
    expect(open.items[1]!.urgency).toMatchObject({ overdue: false, milestone: 'response', remainingMs: 10 * MINUTE_MS });

    const all = await t.call('incidents.list', { scope: 'all' });
    expect(all.items.map((i) => i.id)).toEqual([overdue.id, routine.id, urgent.id, answered.id, done.id]);
    // A closed incident's clocks are stopped: nothing pending, at the level it closed with.
    expect(all.items[4]!.urgency).toEqual({ overdue: false, milestone: null, remainingMs: null, level: 'I' });
  });

  it('filters by level, system, state and words', async () => {
    await reportAt(t0, '东门读卡器失灵', 'II', 'access-control');
    await reportAt(t0, '录像机硬盘报警 50%', 'III');
    const byLevel = await t.call('incidents.list', { level: 'II' });
    expect(byLevel.items.map((i) => i.title)).toEqual(['东门读卡器失灵']);
    expect((await t.call('incidents.list', { systemId: 'cctv' })).items.map((i) => i.title)).toEqual(['录像机硬盘报警 50%']);
    expect((await t.call('incidents.list', { q: '读卡' })).items.map((i) => i.title)).toEqual(['东门读卡器失灵']);
    expect((await t.call('incidents.list', { q: '50%' })).items).toHaveLength(1);
    expect((await t.call('incidents.list', { q: '%' })).items).toHaveLength(1);
    expect((await t.call('incidents.list', { state: 'responded' })).items).toEqual([]);
  });

  it('ranks by the same clocks the incident page computes, through a level change, a plan and a reopening', async () => {
    const raised = await reportAt(t0, '门禁离线', 'III');
    await t.call('incidents.act', { id: raised.id, action: 'respond' });
    now = t0 + 10 * MINUTE_MS;
    await t.call('incidents.changeLevel', { id: raised.id, level: 'I', reason: '整栋楼门禁失效' });
    const planned = await reportAt(t0 + 5 * MINUTE_MS, '监控画面丢失', 'II');
    for (const step of [{ action: 'respond' }, { action: 'submit_plan', plan: '更换硬盘' }, { action: 'start_work' }] as const) await t.call('incidents.act', { id: planned.id, ...step });
    const reopened = await reportAt(t0 - HOUR_MS, '空调漏水', 'II');
    for (const step of [{ action: 'respond' }, { action: 'submit_plan', plan: 'p' }, { action: 'start_work' }, { action: 'resolve', cause: 'c', method: 'm' }] as const) {
      await t.call('incidents.act', { id: reopened.id, ...step });
    }
    await t.call('incidents.act', { id: reopened.id, action: 'reopen', reason: '又漏了' });
    now = t0 + 3 * HOUR_MS;
    const listed = await t.call('incidents.list', {});
    expect(listed.items.map((i) => i.id).sort()).toEqual([raised.id, planned.id, reopened.id].sort());
    for (const item of listed.items) {
      const detail = await t.call('incidents.get', { id: item.id });
      expect(item.urgency).toEqual(detail.urgency);
      expect(item.level).toBe(detail.incident.level);
    }
    expect(listed.items.find((i) => i.id === raised.id)?.level).toBe('I');
  });
});
