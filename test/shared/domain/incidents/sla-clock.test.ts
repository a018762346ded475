import { describe, expect, it } from 'vitest';
import { compareUrgency, slaMilestones, urgency, type IncidentEvent } from '../../../../shared/domain/incidents/sla-clock';
import { DAY_MS, HOUR_MS, MINUTE_MS, type SlaLevel } from '../../../../shared/domain/incidents/sla-levels';

const T0 = Date.UTC(2025, 0, 6, 19, 0); // 03:00 in Harbin
const at = (hours: number, minutes = 0): number => T0 + hours * HOUR_MS + minutes * MINUTE_MS;
const reported = (level: SlaLevel, when = T0): IncidentEvent => ({ type: 'reported', at: when, by: 'guard-wang', level });
const done = (type: 'responded' | 'plan_submitted' | 'emergency_plan_submitted' | 'resolved' | 'fault_report_submitted' | 'closed', when: number, by = 'eng-li'): IncidentEvent => ({ type, at: when, by });

describe('the SLA clocks of an incident', () => {
  it('counts response, plan and resolution down from the report', () => {
    const s = slaMilestones([reported('II')], at(0, 10));
    expect(s.milestones).toEqual({
      response: { state: 'due', dueAt: at(0, 30), remainingMs: 20 * MINUTE_MS },
      plan: { state: 'due', dueAt: at(2), remainingMs: 110 * MINUTE_MS },
      resolution: { state: 'due', dueAt: at(24), remainingMs: 24 * HOUR_MS - 10 * MINUTE_MS },
      emergency_plan: { state: 'not_applicable' },
      fault_report: { state: 'not_applicable' },
    });
    expect(s).toMatchObject({ level: 'II', reportedAt: T0, round: 1, roundStartedAt: T0, closed: false, asOf: at(0, 10) });
  });

  it('marks the response met in time, when and by whom, when the engineer responds within 30 minutes', () => {
    const s = slaMilestones([reported('III'), done('responded', at(0, 25))], at(1));
    expect(s.milestones.response).toEqual({ state: 'met', at: at(0, 25), by: 'eng-li', dueAt: at(0, 30), late: false, lateByMs: 0 });
  });

  it('counts a response at exactly 30 minutes as in time', () => {
    const s = slaMilestones([reported('III'), done('responded', at(0, 30))], at(1));
    expect(s.milestones.response).toMatchObject({ state: 'met', late: false, lateByMs: 0 });
  });

  it('marks a late response met and late by how much', () => {
    const s = slaMilestones([reported('III'), done('responded', at(0, 45))], at(1));
    expect(s.milestones.response).toEqual({ state: 'met', at: at(0, 45), by: 'eng-li', dueAt: at(0, 30), late: true, lateByMs: 15 * MINUTE_MS });
  });

  it('reports an unmet plan overdue from its 2 hour deadline, by how much', () => {
    expect(slaMilestones([reported('IV')], at(2)).milestones.plan).toEqual({ state: 'overdue', dueAt: at(2), overdueByMs: 0 });
    expect(slaMilestones([reported('IV')], at(2, 30)).milestones.plan).toEqual({ state: 'overdue', dueAt: at(2), overdueByMs: 30 * MINUTE_MS });
    expect(slaMilestones([reported('IV')], at(1, 59)).milestones.plan).toEqual({ state: 'due', dueAt: at(2), remainingMs: MINUTE_MS });
  });

  it('gives each level its resolution time from the report: 12 h, 24 h, 48 h, 5 days', () => {
    const dueAt = (level: SlaLevel) => {
      const r = slaMilestones([reported(level)], at(1)).milestones.resolution;
      return r.state === 'due' ? r.dueAt : null;
    };
    expect([dueAt('I'), dueAt('II'), dueAt('III'), dueAt('IV')]).toEqual([at(12), at(24), at(48), T0 + 5 * DAY_MS]);
    expect(slaMilestones([reported('IV')], T0 + 5 * DAY_MS + HOUR_MS).milestones.resolution).toEqual({
      state: 'overdue', dueAt: T0 + 5 * DAY_MS, overdueByMs: HOUR_MS,
    });
  });

  it('marks a resolution after the deadline met late, by how much', () => {
    const s = slaMilestones([reported('I'), done('resolved', at(13), 'eng-zhao')], at(14));
    expect(s.milestones.resolution).toEqual({ state: 'met', at: at(13), by: 'eng-zhao', dueAt: at(12), late: true, lateByMs: HOUR_MS });
  });

  it('asks a level I incident still unresolved at 12 h for an emergency plan due at 16 h', () => {
    const timeline = [reported('I')];
    expect(slaMilestones(timeline, at(11, 59)).milestones.emergency_plan).toEqual({ state: 'not_applicable' });
    expect(slaMilestones(timeline, at(12)).milestones.emergency_plan).toEqual({ state: 'due', dueAt: at(16), remainingMs: 4 * HOUR_MS });
    expect(slaMilestones(timeline, at(17)).milestones.emergency_plan).toEqual({ state: 'overdue', dueAt: at(16), overdueByMs: HOUR_MS });
    expect(slaMilestones([...timeline, done('emergency_plan_submitted', at(15), 'eng-sun')], at(17)).milestones.emergency_plan).toEqual({
      state: 'met', at: at(15), by: 'eng-sun', dueAt: at(16), late: false, lateByMs: 0,
    });
  });

  it('never asks a level II, III or IV incident for an emergency plan', () => {
    for (const level of ['II', 'III', 'IV'] as const) {
      expect(slaMilestones([reported(level)], at(20)).milestones.emergency_plan).toEqual({ state: 'not_applicable' });
    }
  });

  it('does not ask for an emergency plan when level I is resolved within 12 h', () => {
    const s = slaMilestones([reported('I'), done('resolved', at(12))], at(20));
    expect(s.milestones.emergency_plan).toEqual({ state: 'not_applicable' });
    expect(s.milestones.resolution).toMatchObject({ state: 'met', late: false });
  });

  it('drops an emergency plan made moot by a resolution before 16 h, and keeps it overdue when the resolution came after', () => {
    expect(slaMilestones([reported('I'), done('resolved', at(14))], at(20)).milestones.emergency_plan).toEqual({ state: 'not_applicable' });
    expect(slaMilestones([reported('I'), done('resolved', at(18))], at(20)).milestones.emergency_plan).toEqual({
      state: 'overdue', dueAt: at(16), overdueByMs: 2 * HOUR_MS,
    });
  });

  it('makes the fault report due 24 h after the resolution', () => {
    const timeline = [reported('II'), done('resolved', at(5))];
    expect(slaMilestones(timeline, at(4)).milestones.fault_report).toEqual({ state: 'not_applicable' });
    expect(slaMilestones(timeline, at(6)).milestones.fault_report).toEqual({ state: 'due', dueAt: at(29), remainingMs: 23 * HOUR_MS });
    expect(slaMilestones(timeline, at(30)).milestones.fault_report).toEqual({ state: 'overdue', dueAt: at(29), overdueByMs: HOUR_MS });
    expect(slaMilestones([...timeline, done('fault_report_submitted', at(28), 'eng-zhou')], at(30)).milestones.fault_report).toEqual({
      state: 'met', at: at(28), by: 'eng-zhou', dueAt: at(29), late: false, lateByMs: 0,
    });
  });

  it('re-bases on a level change: the new level\u2019s durations from the original report', () => {
    const raised: IncidentEvent[] = [reported('III'), done('responded', at(0, 20)), done('plan_submitted', at(1)),
      { type: 'level_changed', at: at(13), by: 'sup-chen', level: 'I' }];
    expect(slaMilestones(raised, at(12, 30)).milestones.resolution).toEqual({ state: 'due', dueAt: at(48), remainingMs: 35.5 * HOUR_MS });
    const s = slaMilestones(raised, at(14));
    expect(s.level).toBe('I');
    expect(s.milestones.resolution).toEqual({ state: 'overdue', dueAt: at(12), overdueByMs: 2 * HOUR_MS });
    expect(s.milestones.emergency_plan).toEqual({ state: 'due', dueAt: at(16), remainingMs: 2 * HOUR_MS });
    expect(s.milestones.response).toMatchObject({ state: 'met', dueAt: at(0, 30), late: false });
  });

  it('turns an overdue resolution back into due when the level is lowered', () => {
    const s = slaMilestones([reported('I'), { type: 'level_changed', at: at(13), by: 'sup-chen', level: 'III' }], at(14));
    expect(s.milestones.resolution).toEqual({ state: 'due', dueAt: at(48), remainingMs: 34 * HOUR_MS });
    expect(s.milestones.emergency_plan).toEqual({ state: 'not_applicable' });
  });

  it('describes the state as of now, ignoring later events', () => {
    const s = slaMilestones([reported('II'), done('responded', at(0, 20))], at(0, 10));
    expect(s.milestones.response).toEqual({ state: 'due', dueAt: at(0, 30), remainingMs: 20 * MINUTE_MS });
  });

  it('accepts the timeline in any order', () => {
    const s = slaMilestones([done('responded', at(0, 20)), reported('II')], at(1));
    expect(s.milestones.response).toMatchObject({ state: 'met', at: at(0, 20) });
  });

  it('restarts the resolution clock at a reopening and asks for a new fault report, keeping response and plan met', () => {
    const timeline: IncidentEvent[] = [reported('II'), done('responded', at(0, 20)), done('plan_submitted', at(1)),
      done('resolved', at(5)), done('fault_report_submitted', at(6)),
      { type: 'reopened', at: at(10), by: 'sup-chen', reason: '故障复现' }];
    const s = slaMilestones(timeline, at(11));
    expect(s).toMatchObject({ round: 2, roundStartedAt: at(10) });
    expect(s.milestones.response).toMatchObject({ state: 'met', at: at(0, 20) });
    expect(s.milestones.plan).toMatchObject({ state: 'met', at: at(1) });
    expect(s.milestones.resolution).toEqual({ state: 'due', dueAt: at(34), remainingMs: 23 * HOUR_MS });
    expect(s.milestones.fault_report).toEqual({ state: 'not_applicable' });
    const again = slaMilestones([...timeline, done('resolved', at(20))], at(21)).milestones.fault_report;
    expect(again).toEqual({ state: 'due', dueAt: at(44), remainingMs: 23 * HOUR_MS });
  });

  it('stops the clocks at closing', () => {
    const s = slaMilestones([reported('II'), done('resolved', at(5)), done('closed', at(6), 'sup-chen')], at(40));
    expect(s.closed).toBe(true);
    expect(s.milestones.fault_report).toEqual({ state: 'due', dueAt: at(29), remainingMs: 23 * HOUR_MS });
    expect(s.milestones.response).toEqual({ state: 'overdue', dueAt: at(0, 30), overdueByMs: 5.5 * HOUR_MS });
  });

  it('refuses a timeline without a report', () => {
    expect(() => slaMilestones([done('responded', T0)], T0)).toThrow(expect.objectContaining({ code: 'incident_not_reported' }));
  });
});

describe('urgency on the dashboard', () => {
  it('sorts overdue incidents first, then the least remaining time, then level I before the others', () => {
    const now = at(1);
    const incidents = {
      'IV overdue 2 h': slaMilestones([reported('IV', at(-1, -30))], now),
      'II overdue 10 min': slaMilestones([reported('II', at(-1, -10)), done('responded', at(-1))], now),
      'III response in 20 min': slaMilestones([reported('III', at(0, 50))], now),
      'I response in 20 min': slaMilestones([reported('I', at(0, 50))], now),
      'II response in 5 min': slaMilestones([reported('II', at(0, 35))], now),
      closed: slaMilestones([reported('I', at(-3)), done('closed', at(-2))], now),
    };
    const ranked = Object.entries(incidents)
      .map(([name, s]) => ({ name, u: urgency(s, now) }))
      .sort((a, b) => compareUrgency(a.u, b.u))
      .map((r) => r.name);
    expect(ranked).toEqual(['IV overdue 2 h', 'II overdue 10 min', 'II response in 5 min', 'I response in 20 min', 'III response in 20 min', 'closed']);
    expect(urgency(incidents['II overdue 10 min'], now)).toEqual({ overdue: true, milestone: 'plan', remainingMs: -10 * MINUTE_MS, level: 'II' });
    expect(urgency(incidents.closed, now)).toEqual({ overdue: false, milestone: null, remainingMs: null, level: 'I' });
  });
});
