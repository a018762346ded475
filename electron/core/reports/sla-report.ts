// SLA compliance, mean times and incident counts, from the period's judged incidents (incident-facts.ts).
import type { CountRow, MeanTimes, SlaGroup, SlaMiss } from '../../../shared/contract/reports';
import { milestoneKinds } from '../../../shared/domain/incidents/sla-clock';
import { slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { countOutcome, emptyTallies, milestoneOutcome } from '../../../shared/domain/reports/sla-compliance';
import type { IncidentFact } from './incident-facts';
import { localMonth } from './report-period';

/** A miss before its incident's number and title are looked up (only for the misses listed). */
export type BareMiss = Omit<SlaMiss, 'number' | 'title'>;

export interface SlaSection {
  sla: { total: SlaGroup; byLevel: SlaGroup[]; bySystem: SlaGroup[]; byMonth: SlaGroup[]; misses: BareMiss[] };
  meanTimes: { total: MeanTimes; byLevel: MeanTimes[] };
  incidentsBySystem: CountRow[];
  incidentsByLevel: CountRow[];
  incidentsByCause: CountRow[];
}

export function slaSection(facts: readonly IncidentFact[], now: number): SlaSection {
  const total = newGroup('all');
  const byLevel = new Map(slaLevels.map((l) => [l, newGroup(l)]));
  const bySystem = new Map<string, SlaGroup>();
  const byMonth = new Map<string, SlaGroup>();
  const misses: BareMiss[] = [];
  const times = new Map<string, TimeSums>([['all', newSums()], ...slaLevels.map((l): [string, TimeSums] => [l, newSums()])]);
  const causes = new Map<string, number>();

  for (const f of facts) {
    const month = localMonth(f.reportedAt);
    const groups = [total, byLevel.get(f.level)!, groupIn(bySystem, f.systemId), groupIn(byMonth, month)];
    for (const g of groups) g.incidents += 1;
    for (const kind of milestoneKinds) {
      const state = f.milestones.milestones[kind];
      const outcome = milestoneOutcome(state);
      for (const g of groups) countOutcome(g.milestones[kind], outcome);
      if (outcome !== 'missed') continue;
      const metAt = state.state === 'met' ? state.at : null;
      const lateByMs = state.state === 'met' ? state.lateByMs : state.state === 'overdue' ? state.overdueByMs : 0;
      const dueAt = state.state === 'met' || state.state === 'overdue' ? state.dueAt : now;
      misses.push({ incidentId: f.id, level: f.level, systemId: f.systemId, milestone: kind, dueAt, metAt, lateByMs });
    }
    const { response, resolution } = f.milestones.milestones;
    for (const sums of [times.get('all')!, times.get(f.level)!]) {
      if (response.state === 'met') addTime(sums, 'respond', response.at - f.reportedAt);
      if (resolution.state === 'met') addTime(sums, 'resolve', resolution.at - f.reportedAt);
    }
    const cause = f.faultType || f.cause;
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }

  const counted = (groups: Iterable<SlaGroup>) => [...groups].filter((g) => g.incidents > 0);
  return {
    sla: {
      total,
      byLevel: [...byLevel.values()],
      bySystem: counted(bySystem.values()).sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key)),
      byMonth: counted(byMonth.values()).sort((a, b) => a.key.localeCompare(b.key)),
      misses: misses.sort((a, b) => a.dueAt - b.dueAt),
    },
    meanTimes: { total: meanOf('all', times.get('all')!), byLevel: slaLevels.map((l) => meanOf(l, times.get(l)!)) },
    incidentsBySystem: countRows(bySystem),
    incidentsByLevel: slaLevels.map((l) => ({ key: l, count: byLevel.get(l)!.incidents })),
    incidentsByCause: [...causes].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

function newGroup(key: string): SlaGroup {
  return { key, incidents: 0, milestones: emptyTallies() };
}

function groupIn(groups: Map<string, SlaGroup>, key: string): SlaGroup {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = newGroup(key)));
  return g;
}

function countRows(groups: Map<string, SlaGroup>): CountRow[] {
  return [...groups.values()].map((g) => ({ key: g.key, count: g.incidents })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

interface TimeSums {
  respond: { sum: number; n: number };
  resolve: { sum: number; n: number };
}

function newSums(): TimeSums {
  return { respond: { sum: 0, n: 0 }, resolve: { sum: 0, n: 0 } };
}

function addTime(sums: TimeSums, which: keyof TimeSums, ms: number): void {
  sums[which].sum += ms;
  sums[which].n += 1;
}

function meanOf(key: string, sums: TimeSums): MeanTimes {
  const mean = (s: { sum: number; n: number }) => (s.n === 0 ? null : Math.round(s.sum / s.n));
  return { key, respondMs: mean(sums.respond), responded: sums.respond.n, resolveMs: mean(sums.resolve), resolved: sums.resolve.n };
}
