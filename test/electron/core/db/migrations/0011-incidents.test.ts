import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { openDatabase } from '../../../../../electron/core/db/open-database';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { startTempCore, tempDir } from '../../../../support/temp-core';

describe('migration 0011: incidents', () => {
  it('adds the incident tables to a register from before it, and the register keeps its devices', async () => {
    const dataDir = tempDir();
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(dataDir, databaseFileName)) }) });
    const before = Object.keys(migrations).sort().filter((name) => name < '0011-incidents').at(-1)!;
    expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(before)).error).toBeUndefined();
    await db.destroy();

    const t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    try {
      const dvr = await t.call('assets.create', { name: 'DVR', systemId: 'cctv' });
      const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '黑屏', reporter: 'x', deviceIds: [dvr.id] });
      expect((await t.call('incidents.get', { id: incident.id })).devices.map((d) => d.id)).toEqual([dvr.id]);
    } finally {
      await t.close();
    }
  });

  it('keeps timeline events append-only, since the clocks are computed from them', async () => {
    const t = await startTempCore({ slaWatchIntervalMs: 0 });
    await t.call('incidents.report', { systemId: 'cctv', description: '黑屏', reporter: 'x' });
    await t.core.close();
    const db = await openDatabase(join(t.dataDir, databaseFileName));
    try {
      await expect(sql`update incident_event set at = 0`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from incident_event`.execute(db)).rejects.toThrow(/append-only/);
    } finally {
      await db.destroy();
      rmSync(t.dataDir, { recursive: true, force: true });
    }
  });
});
