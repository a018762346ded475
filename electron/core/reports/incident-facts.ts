// The incidents reported in a report's period, each with its SLA clocks judged as of the report: read in two queries.
import { sql } from 'kysely';
import type { ReportFilter } from '../../../shared/contract/reports';
import { type IncidentEvent, type IncidentMilestones, milestonesOf, orderTimeline } from '../../../shared/domain/incidents/sla-clock';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';
import type { Db } from '../db/database';
import { toIncidentEvent } from '../incidents/incident-rows';

/*
 * Why the incidents and their timelines, not the journal: the journal holds every change of every feature (a million
 * entries in two years) while the clocks need only the incidents of the period and their few clock events. The
 * partial index incident_event_clock (migration 0030) leaves out the notes, which are most of a timeline.
 */

export interface IncidentFact {
  id: string;
  number: string;
  title: string;
  /** The level in force now (the clocks use it). */
  level: SlaLevel;
  systemId: string;
  location: string;
  state: string;
  reportedAt: number;
  faultType: string;
  cause: string;
  method: string;
  milestones: IncidentMilestones;
}

/** Incidents reported in [startsAt, endsAt), of the filter's system and place, oldest first. */
export function incidentsInPeriod(db: Db, filter: Pick<ReportFilter, 'systemId' | 'location'>, startsAt: number, endsAt: number) {
  let q = db.selectFrom('incident').where('reported_at', '>=', startsAt).where('reported_at', '<', endsAt);
  if (filter.systemId) q = q.where('system_id', '=', filter.systemId);
  // instr, not LIKE: the words are matched as typed, with no % or _ to escape.
  if (filter.location) q = q.where(sql<number>`instr(location, ${filter.location})`, '>', 0);
  return q;
}

export async function loadIncidentFacts(db: Db, filter: Pick<ReportFilter, 'systemId' | 'location'>, startsAt: number, endsAt: number, now: number): Promise<IncidentFact[]> {
  const incidents = await incidentsInPeriod(db, filter, startsAt, endsAt)
    .select(['id', 'number', 'title', 'level', 'system_id', 'location', 'state', 'reported_at', 'fault_type', 'cause', 'method'])
    .orderBy('reported_at')
    .execute();
  if (incidents.length === 0) return [];
  const events = await db
    .selectFrom('incident_event')
    .selectAll()
    .where('incident_id', 'in', incidentsInPeriod(db, filter, startsAt, endsAt).select('id'))
    .where('type', '!=', 'note_added')
    .orderBy('incident_id')
    .orderBy('seq')
    .execute();
  const timelines = new Map<string, IncidentEvent[]>();
  for (const e of events) {
    let timeline = timelines.get(e.incident_id);
    if (!timeline) timelines.set(e.incident_id, (timeline = []));
    timeline.push(toIncidentEvent(e));
  }
  const facts: IncidentFact[] = [];
  for (const i of incidents) {
    const ordered = orderTimeline(timelines.get(i.id) ?? []);
    // An incident without its report event cannot be judged; the incidents service never writes one.
    if (!ordered) continue;
    const milestones = milestonesOf(ordered, now);
    facts.push({
      id: i.id,
      number: i.number,
      title: i.title,
      level: milestones.level,
      systemId: i.system_id,
      location: i.location,
      state: i.state,
      reportedAt: i.reported_at,
      faultType: i.fault_type,
      cause: i.cause,
      method: i.method,
      milestones,
    });
  }
  return facts;
}
