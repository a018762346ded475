// Migration 0075: a repair part recorded by mistake is withdrawn (撤销), never deleted: when, by whom and why are kept,
// and it no longer counts in the charged total.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const columns = await sql<{ name: string }>`select name from pragma_table_info('repair_part')`.execute(trx);
    if (columns.rows.some((c) => c.name === 'withdrawn_at')) return;
    await trx.schema.alterTable('repair_part').addColumn('withdrawn_at', 'integer').execute();
    await trx.schema.alterTable('repair_part').addColumn('withdrawn_by', 'text').execute();
    await trx.schema.alterTable('repair_part').addColumn('withdraw_reason', 'text', (c) => c.notNull().defaultTo('')).execute();
  });
}
