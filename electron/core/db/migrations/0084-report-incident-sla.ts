// Migration 0084: each settled incident's SLA judgement kept on a row of its own, so the SLA report sums them in SQL.
import { type Kysely, sql } from 'kysely';

/*
 * report_incident_sla: one row per incident whose judgement no longer moves (closed, every clock event in the past):
 * the level in force and, per milestone, its outcome (met / missed / pending / not_applicable), its deadline, when it
 * was met and by how much it was late (late or overdue). The rows are written by the reports themselves, from
 * sla-clock.ts's own judgement of the incident (reports/incident-sla-summary.ts), never computed here: a migration is
 * frozen and the clock rules are not. An incident without a row is judged from its clock events as before, so the
 * table starts empty and the first report over a period fills it.
 *
 * A row stays right because every clock event deletes it (the trigger below, in the INSERT that appends the event,
 * whoever appends it), and a row is written only while the incident still holds the number of clock events it was
 * judged from. `settled_from` is the last event's time: the row holds for any report made at or after it.
 */
const milestones = ['response', 'plan', 'resolution', 'emergency_plan', 'fault_report'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const columns = milestones.map((m) => `${m}_outcome text not null, ${m}_due integer, ${m}_met integer, ${m}_late integer not null`).join(',\n      ');
    await sql`create table report_incident_sla (
      incident_seq integer primary key,
      settled_from integer not null,
      level text not null,
      ${sql.raw(columns)}
    )`.execute(trx);
    await sql`create trigger incident_event_sla_unsettle after insert on incident_event when new.type != 'note_added' begin
        delete from report_incident_sla where incident_seq = (select seq from incident where id = new.incident_id);
      end`.execute(trx);
    // What the SLA report reads of an incident, in period order: its sums and lists walk this index, not the rows with
    // their descriptions and events (a tenth of the bytes).
    await sql`create index incident_report on incident (reported_at, system_id, location, fault_type, cause, id)`.execute(trx);
  });
}
