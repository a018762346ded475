// Migration 0001: the journal, the catalog, devices with their search index, spare stock.
import { type Kysely, sql } from 'kysely';

// Migrations take Kysely<any> so they stay frozen in time whatever the schema becomes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journal')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_entity').on('journal').columns(['entity_type', 'entity_id', 'seq']).execute();
  // Append-only: the app never edits or deletes an entry; corrections are new entries.
  await sql`create trigger journal_no_update before update on journal begin select raise(abort, 'journal is append-only'); end`.execute(db);
  await sql`create trigger journal_no_delete before delete on journal begin select raise(abort, 'journal is append-only'); end`.execute(db);

  await db.schema
    .createTable('catalog_system')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('catalog_type')
    .addColumn('system_id', 'text', (c) => c.notNull().references('catalog_system.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_type_pk', ['system_id', 'id'])
    .execute();
  await db.schema
    .createTable('catalog_brand')
    .addColumn('system_id', 'text', (c) => c.notNull().references('catalog_system.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_brand_pk', ['system_id', 'id'])
    .execute();

  await db.schema
    .createTable('device')
    // An integer key the search index can use as its rowid (a text primary key's rowid is not stable).
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('system_id', 'text', (c) => c.notNull().references('catalog_system.id'))
    .addColumn('type_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('serial_no', 'text', (c) => c.notNull())
    .addColumn('asset_tag', 'text', (c) => c.notNull().unique())
    .addColumn('building', 'text', (c) => c.notNull())
    .addColumn('floor', 'text', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('rack', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('install_date', 'text')
    .addColumn('warranty_end', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('in_service', 'faulty', 'under_repair', 'spare', 'retired')`),
    )
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('device.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint('device_type_fk', ['system_id', 'type_id'], 'catalog_type', ['system_id', 'id'])
    .execute();
  await db.schema.createIndex('device_system').on('device').columns(['system_id', 'status']).execute();
  await db.schema.createIndex('device_location').on('device').columns(['building', 'floor', 'room']).execute();
  await db.schema.createIndex('device_parent').on('device').column('parent_id').execute();
  await db.schema.createIndex('device_status').on('device').column('status').execute();

  // Trigram tokens match any substring of three or more characters, Chinese included;
  // shorter queries fall back to LIKE on the same table (see assets/search-query.ts).
  await sql`create virtual table device_search using fts5(text, tokenize = 'trigram')`.execute(db);

  await db.schema
    .createTable('spare_stock')
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('minimum', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('spare_stock_pk', ['system_id', 'type_id'])
    .addForeignKeyConstraint('spare_stock_type_fk', ['system_id', 'type_id'], 'catalog_type', ['system_id', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['spare_stock', 'device_search', 'device', 'catalog_brand', 'catalog_type', 'catalog_system', 'journal']) {
    await db.schema.dropTable(table).execute();
  }
}
