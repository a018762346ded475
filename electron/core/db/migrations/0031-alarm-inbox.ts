// Migration 0031: the alarm inbox, where device alarms are committed on arrival (so the device can be answered at
// once) until they are recorded as alarm rows and journal entries.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alarm_inbox')
    .ifNotExists()
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('received_at', 'integer', (c) => c.notNull())
    // The array of { source, alarm } in arrival order, serialized (see alarms/alarm-inbox.ts).
    .addColumn('items', 'blob', (c) => c.notNull())
    // Null while waiting to be recorded; why it could not be, for an item set aside (kept, never deleted).
    .addColumn('error', 'text')
    .execute();
  await sql`create index if not exists alarm_inbox_set_aside on alarm_inbox (seq) where error is not null`.execute(db);
}
