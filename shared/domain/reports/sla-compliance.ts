// How a report counts one milestone of one incident: met in time, missed, still running, or not asked for.

import { milestoneKinds, type MilestoneKind, type MilestoneState } from '../incidents/sla-clock';

/*
 * The judgement is sla-clock.ts's own, as of the moment the report is made (the figures live in sla-levels.ts):
 * - met: met at or before its deadline ("within": a response at exactly 30 min is in time);
 * - missed: met after its deadline, or unmet with the deadline passed (overdue, counted from the deadline itself);
 * - pending: unmet, deadline still ahead: neither in time nor late yet, so it is left out of the share;
 * - not applicable: not asked for (an emergency plan below level I, a fault report before the resolution).
 * A reopened incident is judged on its current round (the resolution of the fault that came back).
 */
export type MilestoneOutcome = 'met' | 'missed' | 'pending' | 'not_applicable';

export interface MilestoneTally {
  met: number;
  missed: number;
  pending: number;
}

export function milestoneOutcome(state: MilestoneState): MilestoneOutcome {
  switch (state.state) {
    case 'met': return state.late ? 'missed' : 'met';
    case 'overdue': return 'missed';
    case 'due': return 'pending';
    case 'not_applicable': return 'not_applicable';
  }
}

export function emptyTallies(): Record<MilestoneKind, MilestoneTally> {
  return Object.fromEntries(milestoneKinds.map((k) => [k, { met: 0, missed: 0, pending: 0 }])) as Record<MilestoneKind, MilestoneTally>;
}

export function countOutcome(tally: MilestoneTally, outcome: MilestoneOutcome): void {
  if (outcome !== 'not_applicable') tally[outcome] += 1;
}

/** The share met in time, of the milestones decided (met or missed); null when none was decided. */
export function complianceShare(tally: MilestoneTally): number | null {
  const decided = tally.met + tally.missed;
  return decided === 0 ? null : tally.met / decided;
}
