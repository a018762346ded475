// Migration 0085: alarm indexes the reports count from without sorting: per day by severity, and per link.
import { type Kysely, sql } from 'kysely';

/*
 * alarm_report (0083) is in raised_at order: counting a period's alarms by day and severity, or by link, from it means
 * sorting every alarm of the period into groups (0.1 s of CPU each for 300,000 alarms). With severity first, a day's
 * count of one severity is one range of alarm_day_severity; with the link first, a link's count is one range of
 * alarm_link_report. State and link ride in the index, so no row is read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    await sql`create index alarm_day_severity on alarm (severity, raised_at, state, device_id)`.execute(trx);
    await sql`create index alarm_link_report on alarm (device_id, raised_at, state)`.execute(trx);
  });
}
