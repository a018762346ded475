// How the reports write their figures: shares as percentages, durations in the unit a supervisor reads them in.
import type { SlaGroup } from '../../../shared/contract';
import { milestoneKinds, type MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import { complianceShare } from '../../../shared/domain/reports/sla-compliance';

/** 0.875 → "87.5%"; no decided milestone → "—". */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)}%`;
}

export function shareOf(group: SlaGroup, kind: MilestoneKind): number | null {
  return complianceShare(group.milestones[kind]);
}

/** A chart's row for one group: each milestone's share in percent (null where nothing was decided). */
export function shareRow(group: SlaGroup, label: string): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = { label };
  for (const kind of milestoneKinds) {
    const share = shareOf(group, kind);
    row[kind] = share === null ? null : Math.round(share * 1000) / 10;
  }
  return row;
}

export const minutesOf = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));
export const hoursOf = (ms: number | null) => (ms === null ? null : Math.round(ms / 360_000) / 10);

/** The milestones' colours in every chart: the order of the clock, not the alarm colours (a miss is not an alarm). */
export const milestoneColours: Record<MilestoneKind, string> = {
  response: '#1677ff',
  plan: '#13c2c2',
  resolution: '#52c41a',
  emergency_plan: '#fa541c',
  fault_report: '#722ed1',
};
