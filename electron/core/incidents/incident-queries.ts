// Reading incidents: one with its clocks, files and devices; the duty room's list, most urgent first; the timeline.
import { type ExpressionBuilder, sql } from 'kysely';
import type { IncidentDetail, IncidentList, IncidentListItem } from '../../../shared/contract/incidents';
import type { JournalEntry } from '../../../shared/contract/journal';
import type { MethodArgs } from '../../../shared/contract';
import { availableActions, openIncidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import { compareUrgency, slaMilestones, urgency } from '../../../shared/domain/incidents/sla-clock';
import type { CallContext, CoreContext } from '../context';
import type { Database, Db } from '../db/database';
import { toJournalEntry } from '../journal/service';
import { callerRole } from './caller-role';
import { listAttachments } from './incident-attachments';
import { linkedDevices } from './incident-devices';
import { clockEventsOf, incidentColumns, loadTimeline, requireIncident, toIncident } from './incident-rows';

export async function getIncident(ctx: CoreContext, call: CallContext, id: string): Promise<IncidentDetail> {
  const row = await requireIncident(ctx.db, id);
  const [timeline, attachments, devices] = await Promise.all([
    loadTimeline(ctx.db, id),
    listAttachments(ctx.db, id),
    linkedDevices(ctx.db, id),
  ]);
  const now = ctx.clock.now();
  const milestones = slaMilestones(timeline, now);
  return {
    incident: toIncident(row),
    milestones,
    urgency: urgency(milestones, now),
    attachments,
    devices,
    availableActions: availableActions(row.state, callerRole(call)),
  };
}

const searchedColumns = ['number', 'title', 'location', 'reporter', 'device_text', 'description'] as const;

/** A LIKE pattern that matches `q` literally (its % and _ included). */
function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Filter = MethodArgs<'incidents.list'>;

function filtered(db: Db, filter: Filter) {
  let query = db.selectFrom('incident').select([...incidentColumns, 'clock_events']);
  if (filter.systemId) query = query.where('system_id', '=', filter.systemId);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.q) {
    const pattern = containing(filter.q);
    query = query.where((eb: ExpressionBuilder<Database, 'incident'>) =>
      eb.or(searchedColumns.map((c) => sql<boolean>`${eb.ref(c)} like ${pattern} escape '\\'`)),
    );
  }
  return query;
}

/**
 * Every open incident is ranked (the duty room must see all of them); closed ones, with `scope: 'all'`, follow,
 * newest first, up to the limit. `db`: the connection to read through (the core's read-only one for the screens).
 */
export async function listIncidents(ctx: CoreContext, filter: Filter, db: Db = ctx.db): Promise<IncidentList> {
  const open = await filtered(db, filter).where('state', 'in', openIncidentStates).execute();
  const closed =
    filter.scope === 'all'
      ? await filtered(db, filter).where('state', '=', 'closed').orderBy('reported_at', 'desc').limit(filter.limit).execute()
      : [];
  // A closed incident's clocks are stopped: nothing is pending, so only the open ones' clock events are read, from
  // the copy on their own rows (the same events incident_event holds, notes left out): no second query.
  const now = ctx.clock.now();
  const items: IncidentListItem[] = [
    ...open.map((r) => ({ ...toIncident(r), urgency: urgency(slaMilestones(clockEventsOf(r.id, r.clock_events), now), now) })),
    ...closed.map((r) => ({ ...toIncident(r), urgency: { overdue: false, milestone: null, remainingMs: null, level: r.level } })),
  ];
  items.sort(
    (a, b) =>
      Number(a.state === 'closed') - Number(b.state === 'closed') ||
      compareUrgency(a.urgency, b.urgency) ||
      b.reportedAt - a.reportedAt,
  );
  return { asOf: now, items: items.slice(0, filter.limit) };
}

/** Every journaled step of the incident, oldest first: the timeline the incident page shows. */
export async function incidentTimeline(db: Db, id: string): Promise<JournalEntry[]> {
  await requireIncident(db, id);
  const rows = await db
    .selectFrom('journal')
    .selectAll()
    .where('entity_type', '=', 'incident')
    .where('entity_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map(toJournalEntry);
}
