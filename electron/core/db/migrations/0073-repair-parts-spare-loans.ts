// Migration 0073: parts used on an incident's repair, and named spare units (register devices) lent against a faulty one.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'spare_loan'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('repair_part')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('device_id', 'text', (c) => c.references('device.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wearing', 'main')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    // Fen (分): whole numbers. A wearing part or consumable is free (0); a main part is charged (above 0).
    .addColumn('unit_cost_fen', 'integer', (c) => c.notNull().check(sql`unit_cost_fen >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('stock', 'bought')`))
    .addColumn('stock_system_id', 'text')
    .addColumn('stock_type_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('repair_part_cost', sql`(kind = 'wearing' and unit_cost_fen = 0) or (kind = 'main' and unit_cost_fen > 0)`)
    .addCheckConstraint('repair_part_stock', sql`(source = 'stock') = (stock_system_id is not null and stock_type_id is not null)`)
    .execute();
  await db.schema.createIndex('repair_part_incident').on('repair_part').column('incident_id').execute();

  await db.schema
    .createTable('spare_loan')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('spare_device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('faulty_device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('borrower', 'text', (c) => c.notNull())
    .addColumn('lent_at', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'integer')
    .addColumn('lent_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('returned_at', 'integer')
    .addColumn('returned_by', 'text')
    .addColumn('return_note', 'text', (c) => c.notNull().defaultTo(''))
    .addCheckConstraint('spare_loan_two_devices', sql`spare_device_id != faulty_device_id`)
    .execute();
  // A unit is lent to one place at a time: at most one open loan per spare device.
  await sql`create unique index spare_loan_open on spare_loan (spare_device_id) where returned_at is null`.execute(db);
  await db.schema.createIndex('spare_loan_incident').on('spare_loan').column('incident_id').execute();
  await db.schema.createIndex('spare_loan_faulty').on('spare_loan').column('faulty_device_id').execute();
}
