// Migration 0041: the configured serial endpoint is called a link (issue 12): table device_endpoint becomes link.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves the old name whole.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    await sql`alter table device_endpoint rename to link`.execute(trx);
    // SQLite keeps an index's name through a table rename; the index is named after its table like the others.
    await sql`drop index device_endpoint_asset`.execute(trx);
    await trx.schema.createIndex('link_asset').on('link').column('asset_id').execute();
  });
}
