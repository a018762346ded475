import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0082: report suggestions', () => {
  it('holds one text per month, and only for a month written YYYY-MM', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0082-report-suggestions')).error).toBeUndefined();
    const row = { month: '2026-11', text: '建议', saved_at: 1, saved_by: 'boss' };
    await db.insertInto('report_suggestion').values(row).execute();
    await expect(db.insertInto('report_suggestion').values(row).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.insertInto('report_suggestion').values({ ...row, month: '2026-1' }).execute()).rejects.toThrow(/CHECK/);
    expect(await db.selectFrom('report_suggestion').selectAll().execute()).toEqual([row]);
    await db.destroy();
  });
});
