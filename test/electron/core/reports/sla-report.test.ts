import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportOverview, SlaGroup } from '../../../../shared/contract';
import type { MilestoneKind } from '../../../../shared/domain/incidents/sla-clock';
import { HOUR_MS, MINUTE_MS, slaLevelDefinitions, emergencyPlanRule, faultReportDueAfterResolutionMs } from '../../../../shared/domain/incidents/sla-levels';
import { startTempCore, type TempCore } from '../../../support/temp-core';

/*
 * A crafted month of incidents, each step taken at a chosen instant (the core's clock), then the report as of
 * 2026-11-30 10:10 local time. The limits come from the SLA table (sla-levels.ts), never restated here.
 */
describe('the SLA compliance report', () => {
  let t: TempCore;
  let now = 0;
  const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
  const II = slaLevelDefinitions.II;
  const I = slaLevelDefinitions.I;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    now = at(1, 8);
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  async function report(name: string, when: number, level: 'I' | 'II' | 'III' | 'IV', systemId = 'cctv', location = 'A座 3F 机房') {
    now = when;
    const { incident } = await t.call('incidents.report', { systemId, description: `${name} 故障`, reporter: '王保安', level, location });
    ids[name] = incident.id;
    return incident.id;
  }
  async function step(id: string, when: number, action: Record<string, unknown>) {
    now = when;
    await t.call('incidents.act', { id, ...action } as never);
  }
  const respond = { action: 'respond' };
  const plan = { action: 'submit_plan', plan: '更换部件' };
  const start = { action: 'start_work' };
  const resolve = { action: 'resolve', cause: '部件老化', method: '更换' };
  const faultReport = { action: 'submit_fault_report', faultType: '硬件故障', cause: '部件老化', method: '更换', loss: '无' };

  /** A: level II, every milestone met exactly at its limit. B: level II, every one a millisecond late or never. */
  async function craft(): Promise<void> {
    const a = await report('A', at(2, 9), 'II');
    const a0 = at(2, 9);
    await step(a, a0 + II.responseMs, respond);
    await step(a, a0 + II.planMs, plan);
    await step(a, a0 + II.planMs + MINUTE_MS, start);
    await step(a, a0 + II.resolutionMs, resolve);
    await step(a, a0 + II.resolutionMs + faultReportDueAfterResolutionMs, faultReport);

    const b = await report('B', at(5, 9), 'II');
    const b0 = at(5, 9);
    await step(b, b0 + II.responseMs + 1, respond);
    await step(b, b0 + II.planMs + 1, plan);
    await step(b, b0 + II.planMs + MINUTE_MS, start);
    await step(b, b0 + II.resolutionMs + 1, resolve);
    // No fault report: overdue 24 h after the resolution, long before the report is made.

    // C: level I, unresolved past 12 h, the emergency plan exactly at its limit, the resolution late.
    const c = await report('C', at(10, 9), 'I');
    const c0 = at(10, 9);
    await step(c, c0 + 10 * MINUTE_MS, respond);
    await step(c, c0 + HOUR_MS, plan);
    await step(c, c0 + HOUR_MS + MINUTE_MS, start);
    await step(c, c0 + emergencyPlanRule.dueAfterMs, { action: 'submit_emergency_plan', plan: '启用备用录像机' });
    await step(c, c0 + I.resolutionMs + 8 * HOUR_MS, resolve);
    await step(c, c0 + I.resolutionMs + 9 * HOUR_MS, faultReport);

    // E: another system and building, level IV, responded a minute late.
    const e = await report('E', at(15, 9), 'IV', 'access-control', 'B座 1F 大堂');
    await step(e, at(15, 9) + slaLevelDefinitions.IV.responseMs + MINUTE_MS, respond);

    // D: reported ten minutes before the report is made: its clocks are still running.
    await report('D', at(30, 10), 'III');
    now = at(30, 10, 10);
  }

  const tally = (g: SlaGroup, kind: MilestoneKind) => g.milestones[kind];
  const overview = (filter: Record<string, unknown> = {}) => t.call('reports.overview', { filter: { from: '2026-11-01', to: '2026-11-30', ...filter } }) as Promise<ReportOverview>;

  it('counts a milestone met exactly at its limit as met, a millisecond later as missed, and a running one as neither', async () => {
    await craft();
    const o = await overview();
    expect(o.sla.total.incidents).toBe(5);
    // A and C met; B and E late; D (ten minutes old) still running.
    expect(tally(o.sla.total, 'response')).toEqual({ met: 2, missed: 2, pending: 1 });
    // E never planned: overdue two hours after its report on the 15th.
    expect(tally(o.sla.total, 'plan')).toEqual({ met: 2, missed: 2, pending: 1 });
    // A at exactly 24 h; B a millisecond late; C after its 12 h; E past its five days.
    expect(tally(o.sla.total, 'resolution')).toEqual({ met: 1, missed: 3, pending: 1 });
    // Only level I is asked for an emergency plan: C's, at exactly 16 h.
    expect(tally(o.sla.total, 'emergency_plan')).toEqual({ met: 1, missed: 0, pending: 0 });
    // Asked for once resolved: A at exactly 24 h after, C an hour after, B never.
    expect(tally(o.sla.total, 'fault_report')).toEqual({ met: 2, missed: 1, pending: 0 });

    const level = (key: string) => o.sla.byLevel.find((g) => g.key === key)!;
    expect(o.sla.byLevel.map((g) => [g.key, g.incidents])).toEqual([['I', 1], ['II', 2], ['III', 1], ['IV', 1]]);
    expect(tally(level('II'), 'response')).toEqual({ met: 1, missed: 1, pending: 0 });
    expect(tally(level('I'), 'resolution')).toEqual({ met: 0, missed: 1, pending: 0 });
    expect(o.sla.bySystem.map((g) => [g.key, g.incidents])).toEqual([['cctv', 4], ['access-control', 1]]);
    expect(o.sla.byMonth.map((g) => [g.key, g.incidents])).toEqual([['2026-11', 5]]);

    const misses = o.sla.misses.map((m) => [m.incidentId, m.milestone, m.lateByMs]);
    expect(misses).toEqual([
      [ids.B, 'response', 1],
      [ids.B, 'plan', 1],
      [ids.B, 'resolution', 1],
      [ids.B, 'fault_report', now - (at(5, 9) + II.resolutionMs + 1 + faultReportDueAfterResolutionMs)],
      [ids.C, 'resolution', 8 * HOUR_MS],
      [ids.E, 'response', MINUTE_MS],
      [ids.E, 'plan', now - (at(15, 9) + slaLevelDefinitions.IV.planMs)],
      [ids.E, 'resolution', now - (at(15, 9) + slaLevelDefinitions.IV.resolutionMs)],
    ]);
    expect(o.sla.misses.find((m) => m.incidentId === ids.E && m.milestone === 'plan')).toMatchObject({ metAt: null, level: 'IV', systemId: 'access-control' });
  });

  it('gives the mean times to respond and resolve, and counts incidents by system, level and cause', async () => {
    await craft();
    const o = await overview();
    expect(o.meanTimes.total).toEqual({
      key: 'all',
      respondMs: Math.round((II.responseMs + II.responseMs + 1 + 10 * MINUTE_MS + slaLevelDefinitions.IV.responseMs + MINUTE_MS) / 4),
      responded: 4,
      resolveMs: Math.round((II.resolutionMs + II.resolutionMs + 1 + I.resolutionMs + 8 * HOUR_MS) / 3),
      resolved: 3,
    });
    expect(o.meanTimes.byLevel.find((m) => m.key === 'III')).toEqual({ key: 'III', respondMs: null, responded: 0, resolveMs: null, resolved: 0 });
    expect(o.incidentsByLevel).toEqual([{ key: 'I', count: 1 }, { key: 'II', count: 2 }, { key: 'III', count: 1 }, { key: 'IV', count: 1 }]);
    expect(o.incidentsBySystem).toEqual([{ key: 'cctv', count: 4 }, { key: 'access-control', count: 1 }]);
    // The fault report's type where there is one, else the cause given at the resolution, else not given yet.
    expect(o.incidentsByCause).toEqual([{ key: '', count: 2 }, { key: '硬件故障', count: 2 }, { key: '部件老化', count: 1 }]);
  });

  it('filters by period (local days, the last included), system and place', async () => {
    // One incident at the very first instant of November, one a millisecond before it.
    await report('first', at(1, 0), 'IV');
    await report('october', at(1, 0) - 1, 'IV');
    await craft();
    const numbers = (o: ReportOverview) => o.sla.total.incidents;
    expect(numbers(await overview())).toBe(6);
    expect(numbers(await overview({ from: '2026-10-01', to: '2026-10-31' }))).toBe(1);
    // The 30th excluded: D (reported on it) goes.
    expect(numbers(await overview({ to: '2026-11-29' }))).toBe(5);
    expect(numbers(await overview({ from: '2026-11-30', to: '2026-11-30' }))).toBe(1);
    const access = await overview({ systemId: 'access-control' });
    expect(access.sla.bySystem.map((g) => g.key)).toEqual(['access-control']);
    expect(access.sla.misses.every((m) => m.incidentId === ids.E)).toBe(true);
    expect(numbers(await overview({ location: 'B座' }))).toBe(1);
    expect(numbers(await overview({ location: 'A座 3F' }))).toBe(5);
    expect(numbers(await overview({ location: '%' }))).toBe(0);
  });

  it('refuses a period that ends before it starts, or an impossible day, with a clear error', async () => {
    const bad = async (filter: Record<string, unknown>) => t.core.call('reports.overview', { filter: { from: '2026-11-01', to: '2026-11-30', ...filter } }, { operator: 'x' });
    expect(await bad({ to: '2026-10-31' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'filter.to', message: 'period_order' }] } });
    expect(await bad({ from: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'filter.from', message: 'date_invalid' }] } });
    expect(await bad({ from: '2010-01-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'filter.from', message: 'period_too_long' }] } });
  });

});
