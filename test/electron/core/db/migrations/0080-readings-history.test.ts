import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0080: readings history', () => {
  it('holds one series per link and key, one value per series and time, and keyless (rowid-free) value tables', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0080-readings-history')).error).toBeUndefined();
    const series = { link_id: 'l1', key: 'modbus:1:temperature', label_zh: '温度', label_en: 'Temperature', unit: '°C', created_at: 1 };
    await db.insertInto('reading_series').values(series).execute();
    await expect(db.insertInto('reading_series').values(series).execute()).rejects.toThrow(/UNIQUE/);
    await db.insertInto('reading_raw').values({ series_id: 1, at: 1000, value: 21.5 }).execute();
    await expect(db.insertInto('reading_raw').values({ series_id: 1, at: 1000, value: 22 }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.insertInto('reading_minute').values({ series_id: 1, start: 0, min: 21.5, mean: 21.5, max: 21.5, count: 1 }).execute();
    await db.insertInto('reading_hour').values({ series_id: 1, start: 0, min: 21.5, mean: 21.5, max: 21.5, count: 1 }).execute();
    await db.insertInto('reading_rollup').values({ level: 'minute', done_until: 60_000 }).execute();
    const withoutRowid = await sql<{ name: string }>`select name from sqlite_schema where type = 'table' and name like 'reading%' and sql like '%without rowid%' order by name`.execute(db);
    expect(withoutRowid.rows.map((r) => r.name)).toEqual(['reading_hour', 'reading_minute', 'reading_raw']);
    await db.destroy();
  });
});
