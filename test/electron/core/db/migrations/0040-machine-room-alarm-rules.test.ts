import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0040: machine-room alarm rules', () => {
  it('files the seeded UPS and sensor rules under 机房动力环境 and leaves a rule a supervisor moved where it is', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0031-alarm-inbox')).error).toBeUndefined();
    await db.updateTable('alarm_rule').set({ system_id: 'integration' }).where('id', '=', 'builtin-ups-fault').execute();

    expect((await migrator.migrateTo('0040-machine-room-alarm-rules')).error).toBeUndefined();

    const systems = Object.fromEntries((await db.selectFrom('alarm_rule').select(['id', 'system_id']).execute()).map((r) => [r.id, r.system_id]));
    expect(systems).toMatchObject({
      'builtin-ups-on-battery': 'machine-room-power',
      'builtin-ups-battery-low': 'machine-room-power',
      'builtin-modbus-high': 'machine-room-power',
      'builtin-modbus-state': 'machine-room-power',
      'builtin-ups-fault': 'integration',
      'builtin-cid-fire': 'intrusion',
    });
    await db.destroy();
  });
});
