// Migration 0053: the outbox holds more than incidents. Each sync item and ticket belongs to a record, named by its
// kind and id (an incident, a system defect, a finished maintenance record), so each record's items go in order
// and one record's trouble never holds back another. Rows made by 0050 become the incidents' rows they always were.
import { type Kysely, sql } from 'kysely';

/** Incident steps that go upstream, as 0050 listed them, plus the escalations journaled on the incident (上报服务中心). */
const incidentTypes = [
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
  'escalation.raised',
  'escalation.acknowledged',
];
/** A defect goes up once reported to the service center (问题记录规范 (4)); the reply (5) follows as a note. */
const defectTypes = ['defect.reported', 'defect.replied'];
const maintenanceTypes = ['maintenance.task_finished'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
type AnyDb = Kysely<any>;

async function tableExists(db: AnyDb, name: string): Promise<boolean> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return rows.rows.length > 0;
}

async function enqueueTrigger(db: AnyDb, name: string, entityType: string, kind: string, types: string[]): Promise<void> {
  const list = sql.join(types.map((t) => sql.lit(t)));
  await sql`
    create trigger ${sql.raw(name)} after insert on journal
    when new.entity_type = ${sql.lit(entityType)} and new.type in (${list})
    begin
      insert into sync_item (entry_seq, entry_id, record_kind, record_id, entry_type, state, attempts)
      values (new.seq, new.id, ${sql.lit(kind)}, new.entity_id, new.type, 'waiting', 0);
    end`.execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  await db.transaction().execute(async (trx: AnyDb) => {
    await sql`drop trigger if exists sync_item_enqueue`.execute(trx);
    await sql`drop index if exists sync_item_pending`.execute(trx);
    await sql`alter table sync_item rename column incident_id to record_id`.execute(trx);
    await sql`alter table sync_item add column record_kind text not null default 'incident'`.execute(trx);
    // The head of each record's queue is one index seek.
    await sql`create index sync_item_pending on sync_item (record_kind, record_id, entry_seq) where state in ('waiting', 'checking', 'parked')`.execute(trx);

    await trx.schema
      .createTable('sync_ticket_0053')
      .addColumn('record_kind', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('last_upstream_journal', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('sync_ticket_pk', ['record_kind', 'record_id'])
      .execute();
    await sql`insert into sync_ticket_0053 (record_kind, record_id, ticket_id, created_at, last_upstream_journal)
      select 'incident', incident_id, ticket_id, created_at, last_upstream_journal from sync_ticket`.execute(trx);
    await sql`drop table sync_ticket`.execute(trx);
    await sql`alter table sync_ticket_0053 rename to sync_ticket`.execute(trx);
    await sql`create index sync_ticket_by_ticket on sync_ticket (ticket_id)`.execute(trx);

    await enqueueTrigger(trx, 'sync_item_enqueue_incident', 'incident', 'incident', incidentTypes);
    await enqueueTrigger(trx, 'sync_item_enqueue_defect', 'defect', 'defect', defectTypes);
    await enqueueTrigger(trx, 'sync_item_enqueue_maintenance', 'maintenance_task', 'maintenance', maintenanceTypes);
    await backfill(trx);
  });
}

/**
 * Records already marked as waiting for the sync when this migration runs after 0070/0071 (a data folder made
 * before it): defects reported and escalations raised go up too. Finished maintenance records carry no such mark;
 * those finished before this version stay local (years of them would flood the service center at once).
 */
async function backfill(trx: AnyDb): Promise<void> {
  const insert = (kind: string) => sql`insert or ignore into sync_item (entry_seq, entry_id, record_kind, record_id, entry_type, state, attempts)
    select j.seq, j.id, ${kind}, j.entity_id, j.type, 'waiting', 0 from journal j`;
  if (await tableExists(trx, 'defect')) {
    await sql`${insert('defect')}
      where j.entity_type = 'defect' and j.type in (${sql.join(defectTypes.map((t) => sql.lit(t)))})
        and j.entity_id in (select id from defect where upstream = 'waiting_for_sync')`.execute(trx);
  }
  if (await tableExists(trx, 'escalation')) {
    // Only where the incident has (or will have) its ticket: a note has nowhere else to go.
    await sql`${insert('incident')}
      where j.entity_type = 'incident' and j.type in ('escalation.raised', 'escalation.acknowledged')
        and json_extract(j.payload, '$.escalationId') in (select id from escalation where upstream = 'waiting_for_sync')
        and exists (select 1 from sync_item r where r.record_kind = 'incident' and r.record_id = j.entity_id
                    and r.entry_type = 'incident.reported' and r.state <> 'skipped')`.execute(trx);
  }
}
