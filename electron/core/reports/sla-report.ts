// SLA compliance, mean times and incident counts: tallied from judged incidents (incident-facts.ts) and from the sums of
// settled ones (incident-sla-summary.ts), which come in the same shape.
import type { CountRow, MeanTimes, SlaGroup, SlaMiss } from '../../../shared/contract/reports';
import { milestoneKinds, type MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import { type SlaLevel, slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { countOutcome, emptyTallies, type MilestoneTally, milestoneOutcome } from '../../../shared/domain/reports/sla-compliance';
import type { IncidentFact } from './incident-facts';
import { localMonth } from './report-period';

/** A miss before its incident's number and title are looked up (only for the misses listed). */
export type BareMiss = Omit<SlaMiss, 'number' | 'title'>;

/** A miss with what orders it among equal deadlines: its incident's place in the period, then the milestone's. */
export type OrderedMiss = BareMiss & { reportedAt: number; seq: number };

export interface SlaSection {
  /** `misses`: oldest deadline first, at most the latest `missesKept`; `missesTotal` counts them all. */
  sla: { total: SlaGroup; byLevel: SlaGroup[]; bySystem: SlaGroup[]; byMonth: SlaGroup[]; misses: BareMiss[]; missesTotal: number };
  meanTimes: { total: MeanTimes; byLevel: MeanTimes[] };
  incidentsBySystem: CountRow[];
  incidentsByLevel: CountRow[];
  incidentsByCause: CountRow[];
}

interface TimeSum {
  sum: number;
  n: number;
}

/** Incidents of one month, system and level, counted together: one judged incident, or a sum of settled ones. */
export interface SlaGroupSums {
  month: string;
  systemId: string;
  level: SlaLevel;
  incidents: number;
  milestones: Record<MilestoneKind, MilestoneTally>;
  /** Times from the report to the response and to the resolution, of the incidents where they were met (late too). */
  respond: TimeSum;
  resolve: TimeSum;
}

export interface SlaTally {
  add(sums: SlaGroupSums): void;
  addCause(cause: string, count: number): void;
  addMisses(misses: readonly OrderedMiss[], total: number): void;
  finish(missesKept: number): SlaSection;
}

export function newSlaTally(): SlaTally {
  const total = newGroup('all');
  const byLevel = new Map(slaLevels.map((l) => [l, newGroup(l)]));
  const bySystem = new Map<string, SlaGroup>();
  const byMonth = new Map<string, SlaGroup>();
  const times = new Map<string, { respond: TimeSum; resolve: TimeSum }>([['all', newSums()], ...slaLevels.map((l): [string, { respond: TimeSum; resolve: TimeSum }] => [l, newSums()])]);
  const causes = new Map<string, number>();
  const misses: OrderedMiss[] = [];
  let missesTotal = 0;
  return {
    add(s) {
      const groups = [total, byLevel.get(s.level)!, groupIn(bySystem, s.systemId), groupIn(byMonth, s.month)];
      for (const g of groups) {
        g.incidents += s.incidents;
        for (const kind of milestoneKinds) {
          const into = g.milestones[kind];
          const from = s.milestones[kind];
          into.met += from.met;
          into.missed += from.missed;
          into.pending += from.pending;
        }
      }
      for (const sums of [times.get('all')!, times.get(s.level)!]) {
        addTime(sums.respond, s.respond);
        addTime(sums.resolve, s.resolve);
      }
    },
    addCause(cause, count) {
      causes.set(cause, (causes.get(cause) ?? 0) + count);
    },
    addMisses(more, count) {
      misses.push(...more);
      missesTotal += count;
    },
    finish(missesKept) {
      const counted = (groups: Iterable<SlaGroup>) => [...groups].filter((g) => g.incidents > 0);
      const kindIndex = (m: BareMiss) => milestoneKinds.indexOf(m.milestone);
      misses.sort((a, b) => a.dueAt - b.dueAt || a.reportedAt - b.reportedAt || a.seq - b.seq || kindIndex(a) - kindIndex(b));
      const kept = misses.slice(-missesKept).map(({ reportedAt: _r, seq: _s, ...m }) => m);
      return {
        sla: {
          total,
          byLevel: [...byLevel.values()],
          bySystem: counted(bySystem.values()).sort((a, b) => b.incidents - a.incidents || a.key.localeCompare(b.key)),
          byMonth: counted(byMonth.values()).sort((a, b) => a.key.localeCompare(b.key)),
          misses: missesKept > 0 ? kept : [],
          missesTotal,
        },
        meanTimes: { total: meanOf('all', times.get('all')!), byLevel: slaLevels.map((l) => meanOf(l, times.get(l)!)) },
        incidentsBySystem: countRows(bySystem),
        incidentsByLevel: slaLevels.map((l) => ({ key: l, count: byLevel.get(l)!.incidents })),
        incidentsByCause: [...causes].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      };
    },
  };
}

/** One judged incident into the tally: its group of one, its cause, its misses. */
export function tallyFact(tally: SlaTally, f: IncidentFact, now: number): void {
  const sums: SlaGroupSums = { month: localMonth(f.reportedAt), systemId: f.systemId, level: f.level, incidents: 1, milestones: emptyTallies(), respond: newTime(), resolve: newTime() };
  const misses: OrderedMiss[] = [];
  for (const kind of milestoneKinds) {
    const state = f.milestones.milestones[kind];
    const outcome = milestoneOutcome(state);
    countOutcome(sums.milestones[kind], outcome);
    if (outcome !== 'missed') continue;
    const metAt = state.state === 'met' ? state.at : null;
    const lateByMs = state.state === 'met' ? state.lateByMs : state.state === 'overdue' ? state.overdueByMs : 0;
    const dueAt = state.state === 'met' || state.state === 'overdue' ? state.dueAt : now;
    misses.push({ incidentId: f.id, level: f.level, systemId: f.systemId, milestone: kind, dueAt, metAt, lateByMs, reportedAt: f.reportedAt, seq: f.seq });
  }
  const { response, resolution } = f.milestones.milestones;
  if (response.state === 'met') addTime(sums.respond, { sum: response.at - f.reportedAt, n: 1 });
  if (resolution.state === 'met') addTime(sums.resolve, { sum: resolution.at - f.reportedAt, n: 1 });
  tally.add(sums);
  tally.addCause(f.faultType || f.cause, 1);
  tally.addMisses(misses, misses.length);
}

/** The section from judged incidents alone. */
export function slaSection(facts: readonly IncidentFact[], now: number, missesKept = Number.POSITIVE_INFINITY): SlaSection {
  const tally = newSlaTally();
  for (const f of facts) tallyFact(tally, f, now);
  return tally.finish(missesKept);
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

const newTime = (): TimeSum => ({ sum: 0, n: 0 });

function newSums(): { respond: TimeSum; resolve: TimeSum } {
  return { respond: newTime(), resolve: newTime() };
}

function addTime(into: TimeSum, from: TimeSum): void {
  into.sum += from.sum;
  into.n += from.n;
}

function meanOf(key: string, sums: { respond: TimeSum; resolve: TimeSum }): MeanTimes {
  const mean = (s: TimeSum) => (s.n === 0 ? null : Math.round(s.sum / s.n));
  return { key, respondMs: mean(sums.respond), responded: sums.respond.n, resolveMs: mean(sums.resolve), resolved: sums.resolve.n };
}
