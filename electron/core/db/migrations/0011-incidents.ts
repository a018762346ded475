// Migration 0011: incidents, their timeline events, linked devices, attachments, and the SLA watch's bookkeeping.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    // Already created (a run that stopped after its commit but before Kysely recorded it): nothing to do.
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'incident'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  const levels = sql`('I', 'II', 'III', 'IV')`;
  await db.schema
    .createTable('incident')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${levels}`))
    .addColumn('suggested_level', 'text', (c) => c.notNull().check(sql`suggested_level in ${levels}`))
    .addColumn('suggestion_basis', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(sql`state in ('reported', 'responded', 'plan_submitted', 'in_progress', 'resolved', 'fault_report_submitted', 'closed')`),
    )
    .addColumn('system_id', 'text', (c) => c.notNull().references('catalog_system.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('reporter', 'text', (c) => c.notNull())
    .addColumn('callback_phone', 'text', (c) => c.notNull())
    .addColumn('device_text', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'integer', (c) => c.notNull())
    .addColumn('fault_type', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('loss', 'text', (c) => c.notNull())
    .addColumn('prevention', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('emergency_plan', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'integer', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_state').on('incident').columns(['state', 'reported_at']).execute();
  await db.schema.createIndex('incident_reported').on('incident').column('reported_at').execute();

  await db.schema
    .createTable('incident_event')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_event_incident').on('incident_event').columns(['incident_id', 'seq']).execute();
  // The timeline is what the clocks are computed from: corrections are new events, never edits.
  await sql`create trigger incident_event_no_update before update on incident_event begin select raise(abort, 'incident_event is append-only'); end`.execute(db);
  await sql`create trigger incident_event_no_delete before delete on incident_event begin select raise(abort, 'incident_event is append-only'); end`.execute(db);

  await db.schema
    .createTable('incident_device')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('linked_at', 'integer', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_device_pk', ['incident_id', 'device_id'])
    .execute();
  await db.schema.createIndex('incident_device_device').on('incident_device').column('device_id').execute();

  await db.schema
    .createTable('incident_attachment')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'integer', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_attachment_pk', ['incident_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('sla_crossing')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('crossing_key', 'text', (c) => c.notNull())
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('due_at', 'integer', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('sla_crossing_once', ['incident_id', 'crossing_key'])
    .execute();

  await db.schema
    .createTable('sla_watch')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('last_checked_at', 'integer', (c) => c.notNull())
    .execute();
}
