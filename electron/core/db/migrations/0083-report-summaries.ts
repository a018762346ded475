// Migration 0083: what the reports read instead of scattered rows: each incident's clock events on its own row (kept
// by a trigger in the transaction that appends the event), and an alarm index that answers counts from the index.
import { type Kysely, sql } from 'kysely';

/*
 * incident.clock_events: a JSON array of the timeline events that move SLA clocks (notes left out), in the order they
 * were appended, each as sla-clock.ts's IncidentEvent: {type, at, by} plus level (reported, level_changed) or reason
 * (reopened). The SLA report over two years then reads one row per incident instead of about seven events scattered
 * among the notes. The trigger fires inside the INSERT on incident_event, so the copy commits or rolls back with the
 * event itself, whoever appends it; incident_event stays append-only, so the copy never has to follow an edit.
 */
const eventJson = (e: string) => sql.raw(`case
  when ${e}.type in ('reported', 'level_changed') then json_object('type', ${e}.type, 'at', ${e}.at, 'by', ${e}.by, 'level', json_extract(${e}.data, '$.level'))
  when ${e}.type = 'reopened' then json_object('type', ${e}.type, 'at', ${e}.at, 'by', ${e}.by, 'reason', coalesce(json_extract(${e}.data, '$.reason'), ''))
  else json_object('type', ${e}.type, 'at', ${e}.at, 'by', ${e}.by) end`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    await trx.schema.alterTable('incident').addColumn('clock_events', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await sql`update incident set clock_events = coalesce((
        select json_group_array(json(${eventJson('e')}) order by e.seq) from incident_event e
        where e.incident_id = incident.id and e.type != 'note_added'
      ), '[]')`.execute(trx);
    await sql`create trigger incident_event_clock_copy after insert on incident_event when new.type != 'note_added' begin
        update incident set clock_events = json_insert(clock_events, '$[#]', json(${eventJson('new')})) where id = new.incident_id;
      end`.execute(trx);
    // Alarms per day and per link over a period, counted from the index alone.
    await sql`create index alarm_report on alarm (raised_at, state, severity, device_id)`.execute(trx);
  });
}
