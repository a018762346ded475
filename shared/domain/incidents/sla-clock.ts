// The SLA clocks of one incident: its timeline of events in, each milestone met, due, overdue or not applicable out.

import { AppError } from '../../contract/app-error';
import {
  emergencyPlanRule,
  faultReportDueAfterResolutionMs,
  slaLevelDefinitions,
  type SlaLevel,
} from './sla-levels';

/*
 * How the clocks run (seed/service-system.txt, 服务响应时间; the figures live in sla-levels.ts):
 *
 * - response (30 min) and plan (2 h) run from the report. They belong to the incident: once met they stay met,
 *   and a reopening does not restart them (the engineer has already answered and planned).
 * - resolution (12 h / 24 h / 48 h / 5 days), emergency_plan and fault_report belong to a *round*. Round 1 starts at
 *   the report; a reopening of a resolved incident starts the next round at the reopening time. The seed says a
 *   fault must be resolved within its level's time of being reported; a reopened fault is reported again, so its
 *   resolution clock restarts from the reopening. The earlier resolution stays in the timeline (and the reports),
 *   and the unsubmitted fault report of the resolution that did not hold is no longer asked for: the next
 *   resolution's report (故障解决后24小时内) covers the whole fault.
 * - Level change re-bases: every clock is computed with the durations of the level in force at `now`, measured from
 *   the same start as before (the report, or the round's reopening), as if the incident had been at that level
 *   from the start. Raising II → I at 13 h therefore makes the resolution overdue at once (due at 12 h); lowering
 *   I → III at 13 h turns an overdue resolution back into one due at 48 h.
 * - emergency_plan: level I only (不能于12小时内解决故障 … 在16小时内提出应急方案). It applies once 12 h have
 *   passed in the round without a resolution, and is due at 16 h. A resolution before it was due makes it moot
 *   (not applicable); one after it was due leaves it overdue by (resolution − due).
 * - fault_report: applies once the round is resolved, due 24 h after that resolution.
 * - A milestone is met in time when met at or before its deadline ("within"); unmet, it is overdue from the
 *   deadline itself (overdueByMs 0) onwards.
 * - Closing stops the clocks: unmet milestones are judged at the closing time. A reopening restarts them.
 * - The state is the one *as of* `now`: events later than `now` are ignored. A report later than `now` (a clock
 *   set back) is judged at the report time, never before it.
 */

export interface Actor {
  at: number;
  /** Operator who did it. */
  by: string;
}

export type IncidentEvent =
  | (Actor & { type: 'reported'; level: SlaLevel })
  | (Actor & { type: 'level_changed'; level: SlaLevel; reason?: string })
  | (Actor & { type: 'responded' })
  | (Actor & { type: 'plan_submitted' })
  | (Actor & { type: 'work_started' })
  | (Actor & { type: 'emergency_plan_submitted' })
  | (Actor & { type: 'resolved' })
  | (Actor & { type: 'fault_report_submitted' })
  | (Actor & { type: 'reopened'; reason: string })
  | (Actor & { type: 'closed' })
  | (Actor & { type: 'note_added'; text: string });

export type IncidentEventType = IncidentEvent['type'];

export const milestoneKinds = ['response', 'plan', 'resolution', 'emergency_plan', 'fault_report'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export type MilestoneState =
  | { state: 'met'; at: number; by: string; dueAt: number; late: boolean; lateByMs: number }
  | { state: 'due'; dueAt: number; remainingMs: number }
  | { state: 'overdue'; dueAt: number; overdueByMs: number }
  | { state: 'not_applicable' };

export interface IncidentMilestones {
  /** The level in force at `asOf`; every clock uses its durations. */
  level: SlaLevel;
  reportedAt: number;
  /** 1 until the first reopening, then 2, … */
  round: number;
  roundStartedAt: number;
  closed: boolean;
  /** The time the state describes: `now`, or the report time if `now` is earlier. */
  asOf: number;
  milestones: Record<MilestoneKind, MilestoneState>;
}

/** The report and the events after it, in time order (stable for equal times). Null without a report. */
export interface OrderedTimeline {
  report: Extract<IncidentEvent, { type: 'reported' }>;
  events: readonly IncidentEvent[];
}

export function orderTimeline(timeline: readonly IncidentEvent[]): OrderedTimeline | null {
  const sorted = timeline.map((event, index) => ({ event, index })).sort((a, b) => a.event.at - b.event.at || a.index - b.index);
  const reportIndex = sorted.findIndex((s) => s.event.type === 'reported');
  const report = sorted[reportIndex]?.event;
  if (!report || report.type !== 'reported') return null;
  return { report, events: sorted.slice(reportIndex + 1).map((s) => s.event) };
}

/** Throws AppError `incident_not_reported` if the timeline has no `reported` event. */
export function slaMilestones(timeline: readonly IncidentEvent[], now: number): IncidentMilestones {
  const ordered = orderTimeline(timeline);
  if (!ordered) throw new AppError('incident_not_reported', 'incident_not_reported');
  return milestonesOf(ordered, now);
}

export function milestonesOf({ report, events }: OrderedTimeline, now: number): IncidentMilestones {
  const asOf = Math.max(now, report.at);
  let level = report.level;
  let round = 1;
  let roundStart = report.at;
  let closedAt: number | null = null;
  let responded: Actor | null = null;
  let planned: Actor | null = null;
  let emergencyPlan: Actor | null = null;
  let resolved: Actor | null = null;
  let faultReport: Actor | null = null;

  for (const e of events) {
    if (e.at > asOf) break;
    switch (e.type) {
      case 'level_changed': level = e.level; break;
      case 'responded': responded ??= e; break;
      case 'plan_submitted': planned ??= e; break;
      case 'emergency_plan_submitted': emergencyPlan ??= e; break;
      case 'resolved': resolved ??= e; break;
      case 'fault_report_submitted': if (resolved) faultReport ??= e; break;
      case 'closed': closedAt ??= e.at; break;
      case 'reopened':
        closedAt = null;
        // Only a resolution can be undone; a reopening of an unresolved incident just lifts a closing.
        if (resolved) {
          round += 1;
          roundStart = e.at;
          resolved = emergencyPlan = faultReport = null;
        }
        break;
      case 'reported': case 'work_started': case 'note_added': break;
    }
  }

  const clockAt = closedAt ?? asOf;
  const definition = slaLevelDefinitions[level];
  const resolutionDueAt = roundStart + definition.resolutionMs;
  return {
    level,
    reportedAt: report.at,
    round,
    roundStartedAt: roundStart,
    closed: closedAt !== null,
    asOf,
    milestones: {
      response: judge(report.at + definition.responseMs, responded, clockAt),
      plan: judge(report.at + definition.planMs, planned, clockAt),
      resolution: judge(resolutionDueAt, resolved, clockAt),
      emergency_plan: judgeEmergencyPlan(level, roundStart, emergencyPlan, resolved, clockAt),
      fault_report: resolved ? judge(resolved.at + faultReportDueAfterResolutionMs, faultReport, clockAt) : { state: 'not_applicable' },
    },
  };
}

function judge(dueAt: number, met: Actor | null, clockAt: number): MilestoneState {
  if (met) {
    const lateByMs = Math.max(0, met.at - dueAt);
    return { state: 'met', at: met.at, by: met.by, dueAt, late: lateByMs > 0, lateByMs };
  }
  return clockAt < dueAt ? { state: 'due', dueAt, remainingMs: dueAt - clockAt } : { state: 'overdue', dueAt, overdueByMs: clockAt - dueAt };
}

function judgeEmergencyPlan(level: SlaLevel, roundStart: number, met: Actor | null, resolved: Actor | null, clockAt: number): MilestoneState {
  const triggerAt = roundStart + emergencyPlanRule.triggerAfterMs;
  const dueAt = roundStart + emergencyPlanRule.dueAfterMs;
  if (level !== emergencyPlanRule.level || clockAt < triggerAt) return { state: 'not_applicable' };
  if (resolved && resolved.at <= triggerAt) return { state: 'not_applicable' };
  if (met) return judge(dueAt, met, clockAt);
  if (resolved) return resolved.at <= dueAt ? { state: 'not_applicable' } : { state: 'overdue', dueAt, overdueByMs: resolved.at - dueAt };
  return judge(dueAt, null, clockAt);
}

/** A dashboard's sort key for one incident: see compareUrgency. */
export interface Urgency {
  /** Some milestone is unmet past its deadline at `now`. */
  overdue: boolean;
  /** The pending milestone nearest its deadline (most overdue if overdue); null if nothing is pending. */
  milestone: MilestoneKind | null;
  /** dueAt − now of that milestone: negative when overdue; null if nothing is pending. */
  remainingMs: number | null;
  level: SlaLevel;
}

/** Recomputes from the deadlines, so a state computed a moment ago still sorts right at `now`. Closed incidents are never urgent. */
export function urgency(incident: IncidentMilestones, now: number): Urgency {
  let nearest: { milestone: MilestoneKind; remainingMs: number } | null = null;
  if (!incident.closed) {
    for (const milestone of milestoneKinds) {
      const m = incident.milestones[milestone];
      if (m.state !== 'due' && m.state !== 'overdue') continue;
      // An overdue state stays overdue whatever `now` is: only a new event can make it due again.
      const remainingMs = m.state === 'overdue' ? Math.min(m.dueAt - now, 0) : m.dueAt - now;
      if (!nearest || remainingMs < nearest.remainingMs) nearest = { milestone, remainingMs };
    }
  }
  return {
    overdue: nearest !== null && nearest.remainingMs <= 0,
    milestone: nearest?.milestone ?? null,
    remainingMs: nearest?.remainingMs ?? null,
    level: incident.level,
  };
}

/**
 * Most urgent first: overdue incidents, then those with a pending milestone, then the rest; within a group the
 * least remaining time first (the longest overdue first); at equal time level I before II before III before IV.
 */
export function compareUrgency(a: Urgency, b: Urgency): number {
  const group = (u: Urgency): number => (u.overdue ? 0 : u.remainingMs !== null ? 1 : 2);
  return (
    group(a) - group(b) ||
    (a.remainingMs ?? 0) - (b.remainingMs ?? 0) ||
    slaLevelDefinitions[a.level].rank - slaLevelDefinitions[b.level].rank
  );
}
