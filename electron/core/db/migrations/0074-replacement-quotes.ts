// Migration 0074: replacement quotes for a device beyond repair (同等型号或同等功能的产品报价) and the customer's choice.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'replacement_quote'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('replacement_quote')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'integer', (c) => c.notNull())
    .addColumn('chosen_option_id', 'text')
    .addColumn('chosen_by', 'text')
    .addColumn('choice_recorded_by', 'text')
    .addColumn('chosen_at', 'integer')
    .addColumn('choice_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('replacement_quote_incident').on('replacement_quote').column('incident_id').execute();
  await db.schema.createIndex('replacement_quote_device').on('replacement_quote').column('device_id').execute();
  await db.schema
    .createTable('replacement_option')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('quote_id', 'text', (c) => c.notNull().references('replacement_quote.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('same_model', 'same_function')`))
    .addColumn('brand', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('supplier', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('replacement_option_quote').on('replacement_option').column('quote_id').execute();
}
