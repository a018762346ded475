// Migration 0040: the built-in UPS and sensor alarm rules open their incidents under 机房动力环境, not 楼宇智能化.
import { type Kysely, sql } from 'kysely';

/** Rules seeded by 0021 for the machine room's own power and environment. */
const machineRoomRuleIds = ['builtin-ups-on-battery', 'builtin-ups-battery-low', 'builtin-ups-fault', 'builtin-modbus-high', 'builtin-modbus-state'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // A rule a supervisor has filed elsewhere keeps that choice: only the seeded system is moved.
  await sql`update alarm_rule set system_id = 'machine-room-power'
    where id in (${sql.join(machineRoomRuleIds)}) and system_id = 'building-automation'`.execute(db);
}
