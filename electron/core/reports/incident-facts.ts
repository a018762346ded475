// The incidents reported in a report's period, each with its SLA clocks judged as of the report: read in two queries.
import { sql } from 'kysely';
import type { ReportFilter } from '../../../shared/contract/reports';
import { type IncidentMilestones, milestonesOf, orderTimeline } from '../../../shared/domain/incidents/sla-clock';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';
import type { Db } from '../db/database';
import { clockEventsOf } from '../incidents/incident-rows';

/*
 * Why the incidents, not the journal: the journal holds every change of every feature (a million entries in two
 * years) while the clocks need only the incidents of the period and their few clock events. Those events are read
 * from incident.clock_events, the copy a trigger keeps on the incident's own row (migration 0083): one row per
 * incident, read in reported_at order, instead of about seven events scattered among the notes of incident_event.
 */

export interface IncidentFact {
  id: string;
  /** The incident's row number: with reportedAt, the order incidents are listed in. */
  seq: number;
  /** The level in force now (the clocks use it). */
  level: SlaLevel;
  systemId: string;
  reportedAt: number;
  faultType: string;
  cause: string;
  milestones: IncidentMilestones;
  /** How many clock events it was judged from, and from when the judgement stays as it is (closed, no later event), else null. */
  eventCount: number;
  settledFrom: number | null;
}

/** An incident's words, read only for the few a report lists (its misses, a month's incidents). */
export async function incidentTexts(db: Db, ids: readonly string[]) {
  const texts = new Map<string, { number: string; title: string; location: string; state: string; method: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('incident').select(['id', 'number', 'title', 'location', 'state', 'method']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) texts.set(r.id, r);
  }
  return texts;
}

/** Incidents reported in [startsAt, endsAt), of the filter's system and place, oldest first. */
export function incidentsInPeriod(db: Db, filter: Pick<ReportFilter, 'systemId' | 'location'>, startsAt: number, endsAt: number) {
  let q = db.selectFrom('incident').where('reported_at', '>=', startsAt).where('reported_at', '<', endsAt);
  if (filter.systemId) q = q.where('system_id', '=', filter.systemId);
  // instr, not LIKE: the words are matched as typed, with no % or _ to escape.
  if (filter.location) q = q.where(sql<number>`instr(location, ${filter.location})`, '>', 0);
  return q;
}

/**
 * The incidents of the period judged from their clock events, in (reported_at, seq) order. `unsummarizedAt`: only
 * those without a settled judgement valid at that time in report_incident_sla (incident-sla-summary.ts sums the rest).
 */
export async function loadIncidentFacts(
  db: Db,
  filter: Pick<ReportFilter, 'systemId' | 'location'>,
  startsAt: number,
  endsAt: number,
  now: number,
  options: { unsummarizedAt?: number } = {},
): Promise<IncidentFact[]> {
  let q = incidentsInPeriod(db, filter, startsAt, endsAt);
  const at = options.unsummarizedAt;
  if (at !== undefined) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('report_incident_sla as s').select('s.incident_seq').whereRef('s.incident_seq', '=', 'incident.seq').where('s.settled_from', '<=', at))),
    );
  }
  const incidents = await q.select(['id', 'seq', 'system_id', 'reported_at', 'fault_type', 'cause', 'clock_events']).orderBy('reported_at').orderBy('seq').execute();
  const facts: IncidentFact[] = [];
  for (const i of incidents) {
    const events = clockEventsOf(i.id, i.clock_events);
    const ordered = orderTimeline(events);
    // An incident without its report event cannot be judged; the incidents service never writes one.
    if (!ordered) continue;
    const milestones = milestonesOf(ordered, now);
    const lastAt = events.reduce((last, e) => Math.max(last, e.at), Number.NEGATIVE_INFINITY);
    // Closed, and no event after the report's moment: later reports judge it exactly the same.
    const settledFrom = milestones.closed && lastAt <= now ? lastAt : null;
    facts.push({
      id: i.id,
      seq: i.seq,
      level: milestones.level,
      systemId: i.system_id,
      reportedAt: i.reported_at,
      faultType: i.fault_type,
      cause: i.cause,
      milestones,
      eventCount: events.length,
      settledFrom,
    });
  }
  return facts;
}

