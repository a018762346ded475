// Migration 0030: an index over the timeline events that move SLA clocks (notes left out), for the dashboard.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Open incidents gather dozens of notes each; the clocks never read them (see incident-rows.ts loadTimelines).
  await sql`create index if not exists incident_event_clock on incident_event (incident_id, seq) where type != 'note_added'`.execute(db);
}
