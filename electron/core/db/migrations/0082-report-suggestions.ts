// Migration 0082: the supervisor's suggestions for each month's service report (one text per month).
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table if not exists report_suggestion (
    month text primary key check (month glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    text text not null,
    saved_at integer not null,
    saved_by text not null
  )`.execute(db);
}
