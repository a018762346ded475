// Migration 0070: problem records (问题记录规范): consultations, system defects with their steps and devices.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'defect'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('hotline', 'on_site')`))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'integer', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull())
    // Set when the consultation is what an operation problem's defect was converted into.
    .addColumn('defect_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'integer', (c) => c.notNull())
    .execute();

  const states = sql`('submitted', 'analysed', 'proposed', 'approved', 'implemented', 'confirmed', 'reported', 'replied', 'converted')`;
  await db.schema
    .createTable('defect')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ${states}`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // The person who raised it (a guard, an engineer, or a customer's user through them).
    .addColumn('submitter', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('consultation_id', 'text')
    // 'waiting_for_sync' from the report step until the upstream sync has taken it (问题记录规范 (4)).
    .addColumn('upstream', 'text', (c) => c.notNull().defaultTo('none').check(sql`upstream in ('none', 'waiting_for_sync', 'sent')`))
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('defect_state').on('defect').column('state').execute();
  await db.schema.createIndex('defect_incident').on('defect').column('incident_id').execute();

  // Append-only: every step taken, with who and when; the form shows the latest of each.
  await db.schema
    .createTable('defect_step')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('defect_id', 'text', (c) => c.notNull().references('defect.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('defect_step_defect').on('defect_step').column('defect_id').execute();

  await db.schema
    .createTable('defect_device')
    .addColumn('defect_id', 'text', (c) => c.notNull().references('defect.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('defect_device_pk', ['defect_id', 'device_id'])
    .execute();
}
