import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slaMilestones, type IncidentEvent, type IncidentEventType } from '../../../../shared/domain/incidents/sla-clock';
import { crossingKey, milestoneCrossings, type MilestoneCrossing } from '../../../../shared/domain/incidents/sla-crossings';
import { DAY_MS, HOUR_MS, MINUTE_MS, slaLevels, type SlaLevel } from '../../../../shared/domain/incidents/sla-levels';

const T0 = Date.UTC(2025, 0, 6, 19, 0);
const at = (hours: number, minutes = 0): number => T0 + hours * HOUR_MS + minutes * MINUTE_MS;
const reported = (level: SlaLevel): IncidentEvent => ({ type: 'reported', at: T0, by: 'guard-wang', level });
const levelChanged = (when: number, level: SlaLevel): IncidentEvent => ({ type: 'level_changed', at: when, by: 'sup-chen', level });
const done = (type: 'responded' | 'plan_submitted' | 'resolved' | 'fault_report_submitted' | 'closed', when: number): IncidentEvent => ({ type, at: when, by: 'eng-li' });
const brief = (c: MilestoneCrossing) => `${c.milestone}#${c.round} due ${(c.dueAt - T0) / MINUTE_MS}m at ${(c.at - T0) / MINUTE_MS}m`;

describe('deadline crossings', () => {
  it('finds the deadlines that passed while the console was closed, each at its true time', () => {
    const crossings = milestoneCrossings([reported('II')], T0, at(3));
    expect(crossings).toEqual([
      { milestone: 'response', round: 1, level: 'II', dueAt: at(0, 30), at: at(0, 30), overdueByMs: 0 },
      { milestone: 'plan', round: 1, level: 'II', dueAt: at(2), at: at(2), overdueByMs: 0 },
    ]);
  });

  it('never reports a milestone met at or before its deadline', () => {
    expect(milestoneCrossings([reported('I'), done('responded', at(0, 30)), done('plan_submitted', at(1)), done('resolved', at(11))], T0, at(30))).toEqual([]);
  });

  it('reports a milestone met late at its deadline', () => {
    expect(milestoneCrossings([reported('III'), done('responded', at(0, 45))], T0, at(1)).map(brief)).toEqual(['response#1 due 30m at 30m']);
  });

  it('counts a deadline in the window that ends on it, not in the next one', () => {
    const timeline = [reported('III')];
    expect(milestoneCrossings(timeline, T0, at(0, 30)).map(brief)).toEqual(['response#1 due 30m at 30m']);
    expect(milestoneCrossings(timeline, at(0, 30), at(1))).toEqual([]);
  });

  it('reports a level raised past its deadline once, at the level change, carrying the new deadline', () => {
    const timeline = [reported('III'), done('responded', at(0, 10)), done('plan_submitted', at(1)), levelChanged(at(13), 'I')];
    expect(milestoneCrossings(timeline, T0, at(12, 30))).toEqual([]);
    expect(milestoneCrossings(timeline, at(12, 30), at(14))).toEqual([
      { milestone: 'resolution', round: 1, level: 'I', dueAt: at(12), at: at(13), overdueByMs: HOUR_MS },
    ]);
    expect(milestoneCrossings(timeline, at(14), at(17)).map(brief)).toEqual(['emergency_plan#1 due 960m at 960m']);
  });

  it('reports a deadline moved earlier but still ahead at the new deadline itself', () => {
    const timeline = [reported('III'), done('responded', at(0, 10)), done('plan_submitted', at(1)), levelChanged(at(5), 'II')];
    expect(milestoneCrossings(timeline, T0, at(60)).map(brief)).toEqual(['resolution#1 due 1440m at 1440m']);
  });

  it('reports a deadline once even if the level goes down and up again', () => {
    const timeline = [reported('I'), done('responded', at(0, 10)), done('plan_submitted', at(1)), levelChanged(at(13), 'III'), levelChanged(at(14), 'I')];
    expect(milestoneCrossings(timeline, T0, at(20)).map(brief)).toEqual(['resolution#1 due 720m at 720m', 'emergency_plan#1 due 960m at 960m']);
  });

  it('numbers the rounds of a reopened incident and stops at closing', () => {
    const timeline: IncidentEvent[] = [reported('II'), done('responded', at(0, 10)), done('plan_submitted', at(1)), done('resolved', at(5)),
      { type: 'reopened', at: at(10), by: 'sup-chen', reason: '故障复现' }, done('resolved', at(40)), done('closed', at(50))];
    expect(milestoneCrossings(timeline, T0, at(200)).map(brief)).toEqual(['resolution#2 due 2040m at 2040m']);
  });

  it('returns nothing for an empty window or a timeline without a report', () => {
    expect(milestoneCrossings([reported('I')], at(5), at(5))).toEqual([]);
    expect(milestoneCrossings([done('responded', T0)], T0, at(100))).toEqual([]);
  });
});

const eventTypes: Exclude<IncidentEventType, 'reported'>[] = [
  'level_changed', 'responded', 'plan_submitted', 'work_started', 'emergency_plan_submitted',
  'resolved', 'fault_report_submitted', 'reopened', 'closed', 'note_added',
];
const SPAN = 8 * DAY_MS;

// Offsets on whole minutes make events land exactly on deadlines often; raw milliseconds cover the rest.
const offset = fc.oneof(fc.integer({ min: 0, max: SPAN / MINUTE_MS }).map((m) => m * MINUTE_MS), fc.integer({ min: 0, max: SPAN }));
const eventArb: fc.Arbitrary<IncidentEvent> = fc
  .record({ type: fc.constantFrom(...eventTypes), offset, level: fc.constantFrom(...slaLevels) })
  .map(({ type, offset: dt, level }): IncidentEvent => {
    const base = { at: T0 + dt, by: 'op' };
    if (type === 'level_changed') return { ...base, type, level };
    if (type === 'reopened') return { ...base, type, reason: 'came back' };
    if (type === 'note_added') return { ...base, type, text: 'note' };
    return { ...base, type };
  });
const timelineArb = fc.tuple(fc.constantFrom(...slaLevels), fc.array(eventArb, { maxLength: 14 }))
  .map(([level, events]): IncidentEvent[] => [reported(level), ...events]);
const splitsArb = fc.uniqueArray(fc.integer({ min: 1, max: SPAN + DAY_MS - 1 }), { maxLength: 12 })
  .map((points) => [T0 - HOUR_MS, ...points.sort((a, b) => a - b).map((p) => T0 + p), T0 + SPAN + DAY_MS]);

const windowsOf = (bounds: number[]) => bounds.slice(1).map((to, i) => [bounds[i]!, to] as const);
const roundOf = (milestone: string, round: number) => (milestone === 'response' || milestone === 'plan' ? 1 : round);

describe('deadline crossings over random timelines', () => {
  it('reports every crossing exactly once whatever the window boundaries', () => {
    fc.assert(fc.property(timelineArb, splitsArb, (timeline, bounds) => {
      const whole = milestoneCrossings(timeline, bounds[0]!, bounds.at(-1)!);
      const pieces = windowsOf(bounds).flatMap(([from, to]) => milestoneCrossings(timeline, from, to));
      expect(pieces).toEqual(whole);
      expect(new Set(whole.map(crossingKey)).size).toBe(whole.length);
      for (const [from, to] of windowsOf(bounds)) {
        for (const c of milestoneCrossings(timeline, from, to)) expect(c.at > from && c.at <= to).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('reports each crossing at its true time: overdue from that instant, not a millisecond before', () => {
    fc.assert(fc.property(timelineArb, (timeline) => {
      const eventTimes = new Set(timeline.map((e) => e.at));
      for (const c of milestoneCrossings(timeline, T0, T0 + SPAN + DAY_MS)) {
        const now = slaMilestones(timeline, c.at);
        expect(now.milestones[c.milestone]).toMatchObject({ state: 'overdue', dueAt: c.dueAt });
        expect(c.overdueByMs).toBe(c.at - c.dueAt);
        expect(roundOf(c.milestone, now.round)).toBe(c.round);
        const before = slaMilestones(timeline, c.at - 1);
        const wasOverdue = before.milestones[c.milestone].state === 'overdue' && roundOf(c.milestone, before.round) === c.round;
        expect(wasOverdue).toBe(false);
        // Later than its deadline only when an event at that instant put the deadline in the past.
        expect(c.at === c.dueAt || (c.at > c.dueAt && eventTimes.has(c.at))).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('never misses a milestone: whatever is overdue at any instant has crossed by then', () => {
    fc.assert(fc.property(timelineArb, splitsArb, (timeline, instants) => {
      const crossings = milestoneCrossings(timeline, T0 - HOUR_MS, T0 + SPAN + DAY_MS);
      for (const t of instants) {
        const s = slaMilestones(timeline, t);
        for (const [milestone, m] of Object.entries(s.milestones)) {
          if (m.state !== 'overdue') continue;
          const round = roundOf(milestone, s.round);
          expect(crossings.some((c) => c.milestone === milestone && c.round === round && c.at <= t)).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  it('never reports a crossing for a milestone met in time', () => {
    const steadyLevel = timelineArb.map((timeline) => timeline.filter((e) => e.type !== 'level_changed'));
    fc.assert(fc.property(steadyLevel, (timeline) => {
      const end = T0 + SPAN + DAY_MS;
      const crossings = milestoneCrossings(timeline, T0, end);
      const final = slaMilestones(timeline, end);
      for (const [milestone, m] of Object.entries(final.milestones)) {
        if (m.state !== 'met' || m.late) continue;
        const round = roundOf(milestone, final.round);
        expect(crossings.filter((c) => c.milestone === milestone && c.round === round)).toEqual([]);
      }
      // And with any level changes: a crossing always comes before the milestone is met, never after.
      for (const c of milestoneCrossings(timeline, T0, end)) expect(slaMilestones(timeline, c.at).milestones[c.milestone].state).toBe('overdue');
    }), { numRuns: 300 });
  });

  it('finds the same crossings as a minute-by-minute scan of the clocks', () => {
    const onMinutes = fc.tuple(fc.constantFrom(...slaLevels), fc.array(eventArb, { maxLength: 10 }))
      .map(([level, events]): IncidentEvent[] => [reported(level), ...events.map((e) => ({ ...e, at: T0 + Math.floor((e.at - T0) / MINUTE_MS) * MINUTE_MS }))]);
    fc.assert(fc.property(onMinutes, (timeline) => {
      const end = T0 + SPAN + DAY_MS;
      const scanned: string[] = [];
      const seen = new Set<string>();
      let overdueBefore = new Set<string>();
      for (let t = T0; t <= end; t += MINUTE_MS) {
        const s = slaMilestones(timeline, t);
        const overdueNow = new Set<string>();
        for (const [milestone, m] of Object.entries(s.milestones)) {
          if (m.state !== 'overdue') continue;
          const instance = `${milestone}/${roundOf(milestone, s.round)}`;
          overdueNow.add(instance);
          if (overdueBefore.has(instance) || seen.has(`${instance}/${m.dueAt}`)) continue;
          seen.add(`${instance}/${m.dueAt}`);
          scanned.push(`${instance}/${m.dueAt}@${t}`);
        }
        overdueBefore = overdueNow;
      }
      expect(milestoneCrossings(timeline, T0, end).map((c) => `${crossingKey(c)}@${c.at}`)).toEqual(scanned);
    }), { numRuns: 25 });
  });
});
