// Incident rows to contract values and back: the incident, its timeline events, the one-row-must-exist lookup.
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Incident } from '../../../shared/contract/incidents';
import type { IncidentEvent } from '../../../shared/domain/incidents/sla-clock';
import { isSlaLevel, type SlaLevel } from '../../../shared/domain/incidents/sla-levels';
import type { Db, Trx } from '../db/database';
import type { IncidentEventTable, IncidentTable } from './schema';

export type IncidentRow = Selectable<IncidentTable>;
type IncidentEventRow = Selectable<IncidentEventTable>;

/** The columns an incident's contract value is made of (toIncident): all but the row's seq and its clock events' copy. */
export const incidentColumns = [
  'id', 'number', 'level', 'suggested_level', 'suggestion_basis', 'state', 'system_id', 'title', 'description', 'location', 'reporter',
  'callback_phone', 'device_text', 'occurred_at', 'fault_type', 'cause', 'method', 'loss', 'prevention', 'plan', 'emergency_plan',
  'reported_at', 'reported_by', 'updated_at',
] as const satisfies readonly (keyof IncidentTable)[];
export type IncidentFields = Pick<IncidentRow, (typeof incidentColumns)[number]>;

export function toIncident(r: IncidentFields): Incident {
  return {
    id: r.id,
    number: r.number,
    level: r.level,
    suggestedLevel: r.suggested_level,
    suggestionBasis: r.suggestion_basis,
    state: r.state,
    systemId: r.system_id,
    title: r.title,
    callbackPhone: r.callback_phone,
    deviceText: r.device_text,
    plan: r.plan,
    emergencyPlan: r.emergency_plan,
    record: {
      occurredAt: r.occurred_at,
      location: r.location,
      reporter: r.reporter,
      description: r.description,
      faultType: r.fault_type,
      cause: r.cause,
      method: r.method,
      loss: r.loss,
      prevention: r.prevention,
    },
    reportedAt: r.reported_at,
    reportedBy: r.reported_by,
    updatedAt: r.updated_at,
  };
}

export async function requireIncident(db: Db | Trx, id: string): Promise<IncidentRow> {
  const row = await db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('incident_not_found', 'incident_not_found', { id });
  return row;
}

/** Appends one timeline event; `extra` is what came with it (a plan's text, a note) and is kept beside its own fields. */
export async function appendEvent(trx: Trx, incidentId: string, event: IncidentEvent, extra: Record<string, unknown> = {}): Promise<void> {
  const { type, at, by, ...own } = event;
  await trx
    .insertInto('incident_event')
    .values({ incident_id: incidentId, type, at, by, data: JSON.stringify({ ...extra, ...own }) })
    .execute();
}

function toIncidentEvent(r: IncidentEventRow): IncidentEvent {
  const data = JSON.parse(r.data) as Record<string, unknown>;
  const actor = { at: r.at, by: r.by };
  const level = (): SlaLevel => {
    if (isSlaLevel(data.level)) return data.level;
    throw new AppError('incident_event_damaged', 'incident_event_damaged', { incidentId: r.incident_id, seq: r.seq });
  };
  const textOf = (key: string): string => (typeof data[key] === 'string' ? data[key] : '');
  switch (r.type) {
    case 'reported': return { ...actor, type: r.type, level: level() };
    case 'level_changed': return { ...actor, type: r.type, level: level(), reason: textOf('reason') };
    case 'reopened': return { ...actor, type: r.type, reason: textOf('reason') };
    case 'note_added': return { ...actor, type: r.type, text: textOf('text') };
    default: return { ...actor, type: r.type };
  }
}

/**
 * The timelines the SLA clocks are computed from, each in the order its events were recorded. Notes are left out:
 * they move no clock, and an open incident may gather dozens (the partial index incident_event_clock skips them).
 */
export async function loadTimelines(db: Db | Trx, ids: readonly string[]): Promise<Map<string, IncidentEvent[]>> {
  const timelines = new Map<string, IncidentEvent[]>(ids.map((id) => [id, []]));
  const chunk = 500;
  for (let start = 0; start < ids.length; start += chunk) {
    const rows = await db
      .selectFrom('incident_event')
      .selectAll()
      .where('incident_id', 'in', ids.slice(start, start + chunk))
      .where('type', '!=', 'note_added')
      .orderBy('incident_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) timelines.get(r.incident_id)?.push(toIncidentEvent(r));
  }
  return timelines;
}

/**
 * The same clock events from the copy a trigger keeps on the incident's row (migration 0083), in the order they were
 * appended: a list of open incidents reads them with the rows, in one query. Checked as toIncidentEvent checks a row.
 */
export function clockEventsOf(incidentId: string, json: string): IncidentEvent[] {
  const events = JSON.parse(json) as IncidentEvent[];
  for (const e of events) {
    if ((e.type === 'reported' || e.type === 'level_changed') && !isSlaLevel(e.level)) {
      throw new AppError('incident_event_damaged', 'incident_event_damaged', { incidentId });
    }
  }
  return events;
}

export async function loadTimeline(db: Db | Trx, id: string): Promise<IncidentEvent[]> {
  return (await loadTimelines(db, [id])).get(id) ?? [];
}
