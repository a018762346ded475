import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

async function migratedTo(name: string): Promise<Kysely<Database>> {
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
  await sql`pragma foreign_keys = on`.execute(db);
  expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(name)).error).toBeUndefined();
  return db;
}

describe('migration 0060: maintenance', () => {
  it('gives devices already registered empty software and firmware versions, and adds the maintenance tables', async () => {
    const before = Object.keys(migrations).sort().filter((name) => name < '0060-maintenance').at(-1)!;
    const db = await migratedTo(before);
    await db.insertInto('catalog_system').values({ id: 'cctv', name_zh: '监控', name_en: 'CCTV', sort: 0, builtin: 1 }).execute();
    await db
      .insertInto('device')
      .values({ id: 'd1', system_id: 'cctv', type_id: null, name: '摄像机', brand: '', model: '', serial_no: '', asset_tag: 'ZC-000001', building: '', floor: '', room: '', rack: '', address: '', install_date: null, warranty_end: null, status: 'in_service', notes: '', parent_id: null, created_at: 1, updated_at: 1 })
      .execute();
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo('0060-maintenance')).error).toBeUndefined();
    const row = await db.selectFrom('device').select(['software_version', 'firmware_version']).executeTakeFirstOrThrow();
    expect(row).toEqual({ software_version: '', firmware_version: '' });
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name like 'mnt_%' order by name`.execute(db);
    expect(tables.rows.map((r) => r.name)).toEqual(['mnt_plan', 'mnt_result', 'mnt_task', 'mnt_task_device', 'mnt_template', 'mnt_template_version']);
    await db.destroy();
  });

  it('lets a plan make a task for a due day only once', async () => {
    const db = await migratedTo('0060-maintenance');
    await db.insertInto('mnt_template').values({ id: 't', latest_version: 1, builtin: 0 }).execute();
    await db.insertInto('mnt_template_version').values({ template_id: 't', version: 1, system_id: null, purpose: 'backup', name_zh: '备份', name_en: 'Backup', default_frequency: 'monthly', every_days: null, items: '[]', saved_at: 1, saved_by: 's' }).execute();
    await db.insertInto('mnt_plan').values({ id: 'p', name: 'p', site: '', template_id: 't', scope: '{}', frequency: 'monthly', every_days: null, window_days: 0, engineer: '', starts_on: '2026-12-01', occurrences: 0, active: 1, created_at: 1, updated_at: 1 }).execute();
    const task = (id: string, number: string) => ({ id, number, kind: 'planned' as const, plan_id: 'p', occurrence: 0, title: '', site: '', system_id: null, template_id: 't', template_version: 1, engineer: '', due_on: '2026-12-01', deadline: '2026-12-01', state: 'open' as const, findings: '', suggestions: '', details: '{}', device_count: 0, failed_count: 0, started_at: null, finished_at: null, finished_by: null, created_at: 1, updated_at: 1 });
    await db.insertInto('mnt_task').values(task('a', 'WB-20261201-001')).execute();
    await expect(db.insertInto('mnt_task').values(task('b', 'WB-20261201-002')).execute()).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});
