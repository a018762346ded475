import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migrations 0084 and 0085: what the reports count from', () => {
  it('counts a day of one severity and a link from the index alone, and sums kept judgements through the covering incident index', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
    expect((await migrator.migrateTo('0085-report-alarm-indexes')).error).toBeUndefined();
    const plan = async (query: ReturnType<typeof sql>) => (await sql<{ detail: string }>`explain query plan ${query}`.execute(db)).rows.map((r) => r.detail).join('; ');
    expect(await plan(sql`select count(*) from alarm a where a.severity = ${'major'} and a.raised_at >= 0 and a.raised_at < 10 and a.state != 'status'`)).toMatch(/^SEARCH a USING COVERING INDEX alarm_day_severity \(severity=\? AND raised_at>\? AND raised_at<\?\)$/);
    expect(await plan(sql`select count(*) from alarm a where a.device_id = ${'link-1'} and a.raised_at >= 0 and a.raised_at < 10 and a.state != 'status'`)).toMatch(/^SEARCH a USING COVERING INDEX alarm_link_report \(device_id=\? AND raised_at>\? AND raised_at<\?\)$/);
    const sums = await plan(sql`select i.system_id, s.level, count(*) from incident i join report_incident_sla s on s.incident_seq = i.seq where i.reported_at >= 0 and i.reported_at < 10 group by 1, 2`);
    expect(sums).toMatch(/SEARCH i USING COVERING INDEX incident_report/);
    expect(sums).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    await db.destroy();
  });
});
