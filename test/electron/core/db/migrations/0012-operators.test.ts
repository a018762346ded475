import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { startTempCore, tempDir } from '../../../../support/temp-core';

describe('migration 0012: operators', () => {
  it('adds operators and settings to a database from before it, which then asks for first-run setup', async () => {
    const dataDir = tempDir();
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(dataDir, databaseFileName)) }) });
    const before = Object.keys(migrations).sort().filter((name) => name < '0012-operators').at(-1)!;
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(before)).error).toBeUndefined();
    await db.destroy();

    const t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    const session = t.core.openSession();
    try {
      expect(await session.call('auth.status', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
      expect(await t.call('settings.get', {})).toMatchObject({ idleLockMinutes: 10 });
    } finally {
      session.close();
      await t.close();
    }
  });
});
