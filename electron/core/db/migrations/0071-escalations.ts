// Migration 0071: escalations (行为规范 (3), 现场服务支持规范 (3)): an incident the engineer cannot resolve on site, or
// an SLA milestone past its deadline, waiting for the supervisor to acknowledge it with what will be done.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'escalation'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('escalation')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cannot_resolve', 'sla_overdue')`))
    // sla_overdue: the crossing it escalates (sla_crossing.crossing_key), once each; null for cannot_resolve.
    .addColumn('crossing_key', 'text')
    .addColumn('milestone', 'text')
    .addColumn('tried', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'integer')
    .addColumn('action', 'text', (c) => c.notNull().defaultTo(''))
    // Escalations go upstream too: waiting until the sync takes them.
    .addColumn('upstream', 'text', (c) => c.notNull().defaultTo('waiting_for_sync').check(sql`upstream in ('waiting_for_sync', 'sent')`))
    .execute();
  // SQLite treats NULLs as distinct: only sla_overdue rows are held to one per crossing.
  await db.schema.createIndex('escalation_crossing').on('escalation').columns(['incident_id', 'crossing_key']).unique().execute();
  await db.schema.createIndex('escalation_open').on('escalation').column('acknowledged_at').execute();
}
