// Migration 0080: readings history (issue 16): each reading a series; raw values, one-minute and hourly aggregates.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    // One row per link and reading key; the value tables carry its small integer id instead of the two strings.
    await sql`create table reading_series (
      id integer primary key,
      link_id text not null,
      key text not null,
      label_zh text not null,
      label_en text not null,
      unit text not null,
      created_at integer not null,
      unique (link_id, key)
    )`.execute(trx);
    // WITHOUT ROWID: the primary key is the row, so a value costs its key once (no second b-tree, no rowid).
    await sql`create table reading_raw (
      series_id integer not null,
      at integer not null,
      value real not null,
      primary key (series_id, at)
    ) without rowid`.execute(trx);
    for (const table of ['reading_minute', 'reading_hour']) {
      await sql`create table ${sql.table(table)} (
        series_id integer not null,
        start integer not null,
        min real not null,
        mean real not null,
        max real not null,
        count integer not null,
        primary key (series_id, start)
      ) without rowid`.execute(trx);
    }
    // How far each rollup has gone (exclusive end, epoch ms): written in the same transaction as the rows it made.
    await sql`create table reading_rollup (
      level text primary key,
      done_until integer not null
    )`.execute(trx);
  });
}
