// Migration 0032: where the journal's keyed (HMAC) chain starts, and the journal's head kept on each shift handover.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'journal_keying'`.execute(trx);
    if (existing.rows.length > 0) return;
    // One row: the first seq hashed with the key. Entries already written were hashed without one and stay so; the
    // core copies this number to the checkpoint file outside the database, where editing this row cannot move it.
    await trx.schema
      .createTable('journal_keying')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('keyed_from_seq', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into journal_keying (id, keyed_from_seq) select 1, coalesce(max(seq), 0) + 1 from journal`.execute(trx);
    // The head when the summary was submitted; null on handovers from before.
    await trx.schema.alterTable('shift_handover').addColumn('journal_seq', 'integer').execute();
    await trx.schema.alterTable('shift_handover').addColumn('journal_hash', 'text').execute();
  });
}
