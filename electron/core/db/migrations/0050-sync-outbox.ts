// Migration 0050: upstream sync. The outbox is the journal itself: a trigger gives every incident entry that goes
// upstream its sync state in the same transaction that appends it, whichever code path wrote it.
import { type Kysely, sql } from 'kysely';

/** Incident steps that go upstream (the service center's own changes, sla_overdue and downloads stay local). */
const upstreamTypes = [
  'incident.reported',
  'incident.responded',
  'incident.plan_submitted',
  'incident.work_started',
  'incident.emergency_plan_submitted',
  'incident.resolved',
  'incident.fault_report_submitted',
  'incident.closed',
  'incident.reopened',
  'incident.note_added',
  'incident.level_changed',
  'incident.record_updated',
  'incident.attachment_added',
  'incident.classified',
  'incident.device_linked',
  'incident.device_unlinked',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('connector', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('site_name', 'text', (c) => c.notNull())
    .addColumn('ca_file_path', 'text', (c) => c.notNull())
    .addColumn('proxy_url', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('api_key_sealed', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sync_item')
    .addColumn('entry_seq', 'integer', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('entry_type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('parked_reason', 'text')
    .addColumn('parked_at', 'integer')
    .addColumn('done_at', 'integer')
    .execute();
  // What is not upstream yet, per incident in order: the head of each incident's queue is one index seek.
  await sql`create index sync_item_pending on sync_item (incident_id, entry_seq) where state in ('waiting', 'checking', 'parked')`.execute(db);
  await sql`create index sync_item_open on sync_item (entry_seq) where state in ('waiting', 'checking', 'parked')`.execute(db);
  await db.schema
    .createTable('sync_ticket')
    .addColumn('incident_id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_upstream_journal', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index sync_ticket_by_ticket on sync_ticket (ticket_id)`.execute(db);
  await db.schema
    .createTable('sync_cursor')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  const types = sql.join(upstreamTypes.map((t) => sql.lit(t)));
  await sql`
    create trigger sync_item_enqueue after insert on journal
    when new.entity_type = 'incident' and new.type in (${types})
    begin
      insert into sync_item (entry_seq, entry_id, incident_id, entry_type, state, attempts)
      values (new.seq, new.id, new.entity_id, new.type, 'waiting', 0);
    end`.execute(db);
}
