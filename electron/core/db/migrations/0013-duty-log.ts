// Migration 0013: the duty log, shift handovers, and journal indexes for the audit view's filters.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'duty_log_entry'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shift_handover')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('outgoing_operator', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('open_incidents', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('incoming_operator', 'text')
    .addColumn('confirmed_at', 'integer')
    .execute();

  await db.schema
    .createTable('duty_log_entry')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('patrol', 'call', 'visitor', 'note', 'incident')`))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('handover_id', 'text', (c) => c.references('shift_handover.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_log_entry_at').on('duty_log_entry').column('at').execute();
  await db.schema.createIndex('duty_log_entry_open_shift').on('duty_log_entry').columns(['handover_id', 'at']).execute();

  // The audit view filters the journal by operator and time; newest first either way.
  await db.schema.createIndex('journal_operator').on('journal').columns(['operator', 'seq']).execute();
  await db.schema.createIndex('journal_at').on('journal').column('at').execute();
}
