// Migration 0021: alarms from devices, and the rules (seeded with defaults) that open incidents for some of them.
import { type Kysely, sql } from 'kysely';

type SeedRule = [id: string, pattern: string, zh: string, en: string, openIncident: boolean, level: string, systemId: string];

/** Fire, panic and intrusion are emergencies (I); power trouble degrades (II/III); a lost link alone opens nothing. */
const seedRules: SeedRule[] = [
  ['builtin-cid-fire', 'cid.11*', '火警', 'Fire alarm', true, 'I', 'intrusion'],
  ['builtin-cid-panic', 'cid.12*', '紧急求助 / 胁迫', 'Panic or duress', true, 'I', 'intrusion'],
  ['builtin-cid-burglary', 'cid.13*', '盗警', 'Burglary', true, 'I', 'intrusion'],
  ['builtin-cid-ac-loss', 'cid.301', '交流电断电', 'AC loss', true, 'II', 'intrusion'],
  ['builtin-cid-low-battery', 'cid.302', '系统电池电压低', 'Low system battery', true, 'III', 'intrusion'],
  ['builtin-ups-on-battery', 'ups.onBattery', 'UPS 市电中断，电池供电', 'UPS on battery', true, 'I', 'building-automation'],
  ['builtin-ups-battery-low', 'ups.batteryLow', 'UPS 电池电量低', 'UPS battery low', true, 'I', 'building-automation'],
  ['builtin-ups-fault', 'ups.fault', 'UPS 故障', 'UPS fault', true, 'II', 'building-automation'],
  ['builtin-nx-zone-alarm', 'nx.zoneAlarm', '防区报警', 'Zone alarm', true, 'I', 'intrusion'],
  ['builtin-nx-partition-fire', 'nx.partitionFire', '分区火警', 'Partition fire alarm', true, 'I', 'intrusion'],
  ['builtin-osdp-tamper', 'osdp.tamper', '读卡器防拆', 'Reader tamper', true, 'II', 'access-control'],
  ['builtin-modbus-high', 'modbus.high', '传感器超上限', 'Sensor above its limit', true, 'II', 'building-automation'],
  ['builtin-modbus-state', 'modbus.state', '传感器状态报警（漏水等）', 'Sensor state alarm (leak…)', true, 'II', 'building-automation'],
  ['builtin-link-lost', 'link.lost', '设备通信中断', 'Device link lost', false, 'IV', 'integration'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
  await db.transaction().execute(async (trx: Kysely<any>) => {
    const existing = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'alarm'`.execute(trx);
    if (existing.rows.length === 0) await createTables(trx);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
async function createTables(db: Kysely<any>): Promise<void> {
  const levels = sql`('I', 'II', 'III', 'IV')`;
  await db.schema
    .createTable('alarm')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    // No foreign key: an alarm outlives the device configuration that raised it (history keeps its name).
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('device_name', 'text', (c) => c.notNull())
    .addColumn('condition_key', 'text', (c) => c.notNull())
    .addColumn('event_code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('critical', 'major', 'minor', 'info')`))
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('point', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'restored', 'status')`))
    // 1 for a raised condition, which a person must acknowledge; 0 for status reports and unmatched restores.
    .addColumn('ack_required', 'integer', (c) => c.notNull().check(sql`ack_required in (0, 1)`))
    .addColumn('raised_at', 'integer', (c) => c.notNull())
    .addColumn('last_raised_at', 'integer', (c) => c.notNull())
    // Further raises of the condition while it was still active (a receiver's "still present" resend, a repeat).
    .addColumn('repeats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('restored_at', 'integer')
    .addColumn('acknowledged_at', 'integer')
    .addColumn('acknowledged_by', 'text')
    .addColumn('ack_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('incident_id', 'text', (c) => c.references('incident.id'))
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  // At most one active row per condition: a second raise bumps `repeats` instead (and a double insert fails loudly).
  await sql`create unique index alarm_active_condition on alarm (device_id, condition_key) where state = 'active'`.execute(db);
  // The banner's list: not restored, or restored but not yet acknowledged.
  await sql`create index alarm_open on alarm (raised_at) where state = 'active' or (ack_required = 1 and acknowledged_at is null)`.execute(db);
  await db.schema.createIndex('alarm_device_history').on('alarm').columns(['device_id', 'raised_at']).execute();
  await db.schema.createIndex('alarm_raised_at').on('alarm').column('raised_at').execute();

  await db.schema
    .createTable('alarm_rule')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('event_pattern', 'text', (c) => c.notNull())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('open_incident', 'integer', (c) => c.notNull().check(sql`open_incident in (0, 1)`))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${levels}`))
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().check(sql`enabled in (0, 1)`))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  const now = Date.now();
  await db
    .insertInto('alarm_rule')
    .values(
      seedRules.map(([id, pattern, zh, en, openIncident, level, systemId]) => ({
        id,
        event_pattern: pattern,
        label_zh: zh,
        label_en: en,
        open_incident: openIncident ? 1 : 0,
        level,
        system_id: systemId,
        enabled: 1,
        updated_at: now,
      })),
    )
    .execute();
}
