// Migration 0020: configured devices (driver + port + protocol settings, secrets sealed inside the JSON).
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'device_endpoint'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('device_endpoint')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('driver', 'text', (c) => c.notNull().check(sql`driver in ('contact-id', 'nx584', 'osdp', 'modbus', 'megatec')`))
    .addColumn('port_path', 'text', (c) => c.notNull())
    // How the adapter is found again under another path after a replug (USB serial number, else vendor + product).
    .addColumn('match_serial_number', 'text')
    .addColumn('match_vendor_id', 'text')
    .addColumn('match_product_id', 'text')
    .addColumn('baud_rate', 'integer', (c) => c.notNull())
    .addColumn('data_bits', 'integer', (c) => c.notNull().check(sql`data_bits in (5, 6, 7, 8)`))
    .addColumn('parity', 'text', (c) => c.notNull().check(sql`parity in ('none', 'even', 'odd', 'mark', 'space')`))
    .addColumn('stop_bits', 'real', (c) => c.notNull().check(sql`stop_bits in (1, 1.5, 2)`))
    // The driver's settings as JSON; secret fields hold AES-GCM sealed text, never the clear value.
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.references('device.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull().check(sql`enabled in (0, 1)`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('device_endpoint_asset').on('device_endpoint').column('asset_id').execute();
}
