import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { catalogSeed } from '../../../../../shared/domain/assets/catalog';
import { tempDir } from '../../../../support/temp-core';

async function migratedTo(name: string): Promise<Kysely<Database>> {
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
  expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(name)).error).toBeUndefined();
  return db;
}

const alarm = {
  id: 'a1',
  device_id: 'e1',
  device_name: 'Receiver',
  condition_key: 'cid:1234:110:01:003',
  event_code: 'cid.110',
  severity: 'critical' as const,
  text_zh: '火警',
  text_en: 'Fire',
  point: '',
  state: 'active' as const,
  ack_required: 1 as const,
  raised_at: 10,
  last_raised_at: 10,
  restored_at: null,
  acknowledged_at: null,
  acknowledged_by: null,
  incident_id: null,
  detail: '{}',
};

describe('migration 0021: alarms and alarm rules', () => {
  it('seeds enabled rules: fire, panic and burglary open level I, AC loss II, low battery III, a lost link nothing', async () => {
    const db = await migratedTo('0021-alarms');
    const rules = await db.selectFrom('alarm_rule').selectAll().execute();
    const byPattern = new Map(rules.map((r) => [r.event_pattern, r]));
    const summary = (pattern: string) => {
      const r = byPattern.get(pattern);
      return r && { open: r.open_incident, level: r.level, system: r.system_id, enabled: r.enabled };
    };
    expect(summary('cid.11*')).toEqual({ open: 1, level: 'I', system: 'intrusion', enabled: 1 });
    expect(summary('cid.12*')).toMatchObject({ open: 1, level: 'I' });
    expect(summary('cid.13*')).toMatchObject({ open: 1, level: 'I' });
    expect(summary('cid.301')).toMatchObject({ open: 1, level: 'II' });
    expect(summary('cid.302')).toMatchObject({ open: 1, level: 'III' });
    expect(summary('ups.onBattery')).toMatchObject({ open: 1, level: 'I', system: 'building-automation' });
    expect(summary('ups.batteryLow')).toMatchObject({ open: 1, level: 'I' });
    expect(summary('ups.fault')).toMatchObject({ open: 1, level: 'II' });
    expect(summary('nx.zoneAlarm')).toMatchObject({ open: 1, level: 'I', system: 'intrusion' });
    expect(summary('osdp.tamper')).toMatchObject({ open: 1, level: 'II', system: 'access-control' });
    expect(summary('modbus.high')).toMatchObject({ open: 1, level: 'II' });
    expect(summary('link.lost')).toMatchObject({ open: 0 });
    const systems = new Set(catalogSeed.map((s) => s.id));
    for (const rule of rules) expect(systems.has(rule.system_id), rule.system_id).toBe(true);
    await db.destroy();
  });

  it('keeps at most one active row per device condition, while restored history may repeat', async () => {
    const db = await migratedTo('0021-alarms');
    await db.insertInto('alarm').values(alarm).execute();
    await expect(db.insertInto('alarm').values({ ...alarm, id: 'a2' }).execute()).rejects.toThrow(/UNIQUE/);
    await db.insertInto('alarm').values({ ...alarm, id: 'a3', device_id: 'e2' }).execute();
    await db.updateTable('alarm').set({ state: 'restored', restored_at: 20 }).where('id', '=', 'a1').execute();
    await db.insertInto('alarm').values({ ...alarm, id: 'a4' }).execute();
    await db.updateTable('alarm').set({ state: 'restored', restored_at: 30 }).where('id', '=', 'a4').execute();
    expect((await db.selectFrom('alarm').select('repeats').where('id', '=', 'a4').executeTakeFirstOrThrow()).repeats).toBe(0);
    await expect(db.insertInto('alarm').values({ ...alarm, id: 'a5', state: 'cleared' as 'active' }).execute()).rejects.toThrow(/CHECK/);
    const plan = await sql<{ detail: string }>`explain query plan select id from alarm where state = 'active' or (ack_required = 1 and acknowledged_at is null) order by raised_at desc`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/alarm_open/);
    await db.destroy();
  });
});
