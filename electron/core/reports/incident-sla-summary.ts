// Settled incidents' SLA judgements kept in report_incident_sla (migration 0084), and the SLA report's sums over them.
import { sql } from 'kysely';
import type { ReportFilter } from '../../../shared/contract/reports';
import { milestoneKinds, type MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';
import { emptyTallies, milestoneOutcome } from '../../../shared/domain/reports/sla-compliance';
import type { Db } from '../db/database';
import type { IncidentFact } from './incident-facts';
import { localMonth } from './report-period';
import type { ReportIncidentSlaTable } from './schema';
import type { OrderedMiss, SlaTally } from './sla-report';

/*
 * Why: judging 20,000 incidents of two years meant reading and parsing each one's clock events and tallying them in
 * JavaScript (about 0.3 s of CPU). A closed incident's judgement never changes once its last event is past, so it is
 * kept, as sla-clock.ts judged it, on a row of its own; the report then sums those rows in SQL, grouped by month,
 * system and level, and judges only the incidents still open (or not yet kept) as before. The rows are written by the
 * report that judged them; a clock event deletes its incident's row (the trigger of migration 0084).
 */

type Scope = Pick<ReportFilter, 'systemId' | 'location'>;

/** Keeps the judgements of the settled facts, each only if its incident still has the clock events it was judged from. */
export async function keepSettled(db: Db, facts: readonly IncidentFact[]): Promise<void> {
  const rows = facts.flatMap((f) => (f.settledFrom === null ? [] : [{ ...summaryRow(f, f.settledFrom), events: f.eventCount }]));
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'events');
  // One statement per 500: the check against the incident's events and the write are one step for SQLite.
  for (let i = 0; i < rows.length; i += 500) {
    await sql`insert or replace into report_incident_sla (${sql.join(columns.map((c) => sql.ref(c)))})
      select ${sql.join(columns.map((c) => sql`json_extract(r.value, ${`$.${c}`})`))}
      from json_each(${JSON.stringify(rows.slice(i, i + 500))}) r
      join incident i on i.seq = json_extract(r.value, '$.incident_seq')
      where json_array_length(i.clock_events) = json_extract(r.value, '$.events')`.execute(db);
  }
}

function summaryRow(f: IncidentFact, settledFrom: number): ReportIncidentSlaTable {
  const row: Record<string, unknown> = { incident_seq: f.seq, settled_from: settledFrom, level: f.level };
  for (const kind of milestoneKinds) {
    const state = f.milestones.milestones[kind];
    row[`${kind}_outcome`] = milestoneOutcome(state);
    row[`${kind}_due`] = state.state === 'met' || state.state === 'overdue' ? state.dueAt : null;
    row[`${kind}_met`] = state.state === 'met' ? state.at : null;
    row[`${kind}_late`] = state.state === 'met' ? state.lateByMs : state.state === 'overdue' ? state.overdueByMs : 0;
  }
  return row as ReportIncidentSlaTable;
}

/** The period's local months, each cut to the period: [month, starts, ends). */
function monthsOf(startsAt: number, endsAt: number): [string, number, number][] {
  const months: [string, number, number][] = [];
  let at = startsAt;
  while (at < endsAt) {
    const d = new Date(at);
    const next = new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
    months.push([localMonth(at), at, Math.min(next, endsAt)]);
    at = next;
  }
  return months;
}

/** The incidents that have a judgement kept and valid at `now`, as `i` joined to `s`. */
const settled = (now: number) => sql`incident i join report_incident_sla s on s.incident_seq = i.seq and s.settled_from <= ${now}`;

/** The period's incidents of the scope (a condition on `i`); without a period, the months' bounds are the period. */
function inScope(scope: Scope, period: [number, number] | null) {
  return sql.join(
    [
      ...(period ? [sql`i.reported_at >= ${period[0]}`, sql`i.reported_at < ${period[1]}`] : [sql`1`]),
      ...(scope.systemId ? [sql`i.system_id = ${scope.systemId}`] : []),
      ...(scope.location ? [sql`instr(i.location, ${scope.location}) > 0`] : []),
    ],
    sql` and `,
  );
}

const tallyColumns = (kind: MilestoneKind) =>
  sql.join(['met', 'missed', 'pending'].map((o) => sql`sum(s.${sql.raw(kind)}_outcome = ${o}) as ${sql.raw(`${kind}_${o}`)}`));

/** Adds the settled incidents of the period (their groups, causes and latest `missesKept` misses) to the tally. */
export async function tallySettled(db: Db, tally: SlaTally, scope: Scope, startsAt: number, endsAt: number, now: number, missesKept: number): Promise<void> {
  const months = JSON.stringify(monthsOf(startsAt, endsAt));
  // Month by month through the incident_reported index, so each incident meets only its own month (with the period's
  // bounds in the condition too, SQLite would walk the whole period once for each month).
  // Month by month through the incident_reported index, so each incident meets only its own month.
  const groups = await sql<Record<string, number | string>>`
    with month(month, starts, ends) as (select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(${months}))
    select m.month as month, i.system_id as system_id, s.level as level, count(*) as incidents,
      ${sql.join(milestoneKinds.map(tallyColumns))},
      total(s.response_met - i.reported_at) as respond_sum, count(s.response_met) as respond_n,
      total(s.resolution_met - i.reported_at) as resolve_sum, count(s.resolution_met) as resolve_n
    from month m cross join ${settled(now)}
    where ${inScope(scope, null)} and i.reported_at >= m.starts and i.reported_at < m.ends
    group by m.month, i.system_id, s.level`.execute(db);
  for (const g of groups.rows) {
    const milestones = emptyTallies();
    for (const kind of milestoneKinds) {
      milestones[kind] = { met: Number(g[`${kind}_met`]), missed: Number(g[`${kind}_missed`]), pending: Number(g[`${kind}_pending`]) };
    }
    tally.add({
      month: String(g.month),
      systemId: String(g.system_id),
      level: g.level as SlaLevel,
      incidents: Number(g.incidents),
      milestones,
      respond: { sum: Number(g.respond_sum), n: Number(g.respond_n) },
      resolve: { sum: Number(g.resolve_sum), n: Number(g.resolve_n) },
    });
  }
  const causes = await sql<{ cause: string; n: number }>`
    select case when i.fault_type != '' then i.fault_type else i.cause end as cause, count(*) as n
    from ${settled(now)} where ${inScope(scope, [startsAt, endsAt])} group by 1`.execute(db);
  for (const c of causes.rows) tally.addCause(c.cause, Number(c.n));

  const total = groups.rows.reduce((n, g) => n + milestoneKinds.reduce((m, kind) => m + Number(g[`${kind}_missed`]), 0), 0);
  if (missesKept <= 0 || total === 0) return tally.addMisses([], total);
  const kinds = JSON.stringify(milestoneKinds.map((k, i) => [k, i]));
  const pick = (column: 'outcome' | 'due' | 'met' | 'late') =>
    sql.raw(`case k.i ${milestoneKinds.map((kind, i) => `when ${i} then s.${kind}_${column}`).join(' ')} end`);
  // The latest misses only: sorted as the tally sorts them, newest first, then put back in order.
  const misses = await sql<{ incident_id: string; system_id: string; level: SlaLevel; milestone: MilestoneKind; due: number; met: number | null; late: number; reported_at: number; seq: number }>`
    with k(name, i) as materialized (select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${kinds}))
    select * from (
      select i.id as incident_id, i.system_id as system_id, s.level as level, k.name as milestone, ${pick('due')} as due,
        ${pick('met')} as met, ${pick('late')} as late, i.reported_at as reported_at, i.seq as seq, k.i as kind_index
      from ${settled(now)} cross join k where ${inScope(scope, [startsAt, endsAt])} and ${pick('outcome')} = 'missed'
    ) order by due desc, reported_at desc, seq desc, kind_index desc limit ${Math.min(missesKept, total)}`.execute(db);
  const kept: OrderedMiss[] = misses.rows.map((m) => ({
    incidentId: m.incident_id,
    level: m.level,
    systemId: m.system_id,
    milestone: m.milestone,
    dueAt: m.due,
    metAt: m.met,
    lateByMs: m.late,
    reportedAt: m.reported_at,
    seq: m.seq,
  }));
  tally.addMisses(kept, total);
}
