// Deadline crossings of one incident within a time window: what the start-up catch-up and the periodic tick journal.

import { emergencyPlanRule, type SlaLevel } from './sla-levels';
import { milestoneKinds, milestonesOf, orderTimeline, type IncidentEvent, type IncidentMilestones, type MilestoneKind, type OrderedTimeline } from './sla-clock';

/*
 * Definition. Let S(t) be slaMilestones(timeline, t): the state as of t, from the events at or before t.
 * A milestone *crosses* at time `at` when S(at) shows it overdue and S(at − 1) does not (times are integer
 * epoch milliseconds). The crossing carries the deadline it crossed (`dueAt`, from S(at)).
 *
 * - Usually at = dueAt: the deadline passed with the milestone unmet.
 * - An event can put a deadline into the past: a level change (raising III → I at 20 h moves the resolution deadline
 *   to 12 h), or the reopening of a closed incident whose clock had stopped. The milestone then becomes overdue at
 *   that event, so at = the event's time and dueAt < at. It is not reported at dueAt: that window may already
 *   have been journaled before the event existed, and a crossing must never be lost or journaled twice.
 * - A milestone met at or before its deadline is never overdue, so it never crosses.
 * - A deadline is reported at most once: if a level change makes an overdue milestone due again and another one
 *   makes it overdue again against the same deadline, that second crossing is not reported
 *   (`crossingKey` = milestone, round, dueAt is unique). A different deadline is a new crossing.
 * - Response and plan are incident milestones and always carry round 1; the others carry their round.
 *
 * milestoneCrossings(timeline, from, to) returns the crossings with from < at ≤ to, in time order. It uses only
 * the events at or before each crossing, and walks the history from the report, so consecutive windows
 * [t0, t1], [t1, t2], … report every crossing exactly once whatever the boundaries, and with the same figures as a
 * single call over [t0, tn].
 */

export interface MilestoneCrossing {
  milestone: MilestoneKind;
  round: number;
  /** The level in force when it crossed. */
  level: SlaLevel;
  /** The deadline that passed. */
  dueAt: number;
  /** When the milestone became overdue: dueAt, or later when an event moved the deadline into the past. */
  at: number;
  /** at − dueAt: 0 for a deadline passing, positive for a deadline moved into the past. */
  overdueByMs: number;
}

/** A stable identity for journaling a crossing idempotently. */
export function crossingKey(crossing: Pick<MilestoneCrossing, 'milestone' | 'round' | 'dueAt'>): string {
  return `${crossing.milestone}/${crossing.round}/${crossing.dueAt}`;
}

export function milestoneCrossings(timeline: readonly IncidentEvent[], from: number, to: number): MilestoneCrossing[] {
  const ordered = orderTimeline(timeline);
  if (!ordered || to <= from) return [];
  const reportedAt = ordered.report.at;
  const seen = new Set<string>();
  const crossings: MilestoneCrossing[] = [];
  for (const at of candidateInstants(ordered, to)) {
    if (at <= reportedAt) continue;
    const before = overdueInstances(milestonesOf(ordered, at - 1));
    const state = milestonesOf(ordered, at);
    for (const [instance, { milestone, round, dueAt }] of overdueInstances(state)) {
      if (before.has(instance)) continue;
      const crossing: MilestoneCrossing = { milestone, round, level: state.level, dueAt, at, overdueByMs: at - dueAt };
      const key = crossingKey(crossing);
      if (seen.has(key)) continue;
      seen.add(key);
      if (at > from) crossings.push(crossing);
    }
  }
  return crossings;
}

interface OverdueInstance {
  milestone: MilestoneKind;
  round: number;
  dueAt: number;
}

/** The overdue milestones of a state, keyed by milestone and round. */
function overdueInstances(state: IncidentMilestones): Map<string, OverdueInstance> {
  const overdue = new Map<string, OverdueInstance>();
  for (const milestone of milestoneKinds) {
    const m = state.milestones[milestone];
    if (m.state !== 'overdue') continue;
    const round = milestone === 'response' || milestone === 'plan' ? 1 : state.round;
    overdue.set(`${milestone}/${round}`, { milestone, round, dueAt: m.dueAt });
  }
  return overdue;
}

/**
 * Between two events the state only changes when a deadline passes, so a milestone can only start being overdue at
 * an event's time or at a deadline of the state the last event left (the emergency plan's included, though it only
 * shows from 12 h on). These are all the instants worth checking.
 */
function candidateInstants(ordered: OrderedTimeline, to: number): number[] {
  const instants = new Set<number>();
  const eventTimes = [ordered.report.at, ...ordered.events.map((e) => e.at)].filter((t) => t <= to);
  for (const t of new Set(eventTimes)) {
    instants.add(t);
    const state = milestonesOf(ordered, t);
    // The emergency plan is not applicable until 12 h into the round, so its deadline may not show yet.
    const deadlines = [state.roundStartedAt + emergencyPlanRule.dueAfterMs];
    for (const m of Object.values(state.milestones)) if (m.state === 'due' || m.state === 'overdue') deadlines.push(m.dueAt);
    for (const d of deadlines) if (d <= to) instants.add(d);
  }
  return [...instants].sort((a, b) => a - b);
}
