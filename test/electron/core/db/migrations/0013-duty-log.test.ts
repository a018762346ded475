import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { startTempCore, tempDir } from '../../../../support/temp-core';

describe('migration 0013: duty log and shift handover', () => {
  it('upgrades a database from before it: the log takes entries and the first handover lists open incidents and entries', async () => {
    const dataDir = tempDir();
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(dataDir, databaseFileName)) }) });
    const before = Object.keys(migrations).sort().filter((name) => name < '0013-duty-log').at(-1)!;
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(before)).error).toBeUndefined();
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('duty_log_entry');
    await db.destroy();

    const t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    try {
      const reported = await t.call('incidents.report', { systemId: 'cctv', description: '停车场摄像机黑屏', reporter: '王保安' });
      await t.call('duty.add', { kind: 'patrol', text: '巡查地下车库' });
      const draft = await t.call('duty.handoverDraft', {});
      expect(draft.since).toBeNull();
      expect(draft.openIncidents.map((i) => i.number)).toEqual([reported.incident.number]);
      expect(draft.entriesSinceLastHandover.map((e) => e.text)).toContain('巡查地下车库');
      // The audit view's new operator filter answers from the index the migration added.
      const byOperator = await t.call('journal.list', { operator: 'tester', limit: 10 });
      expect(byOperator.length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
