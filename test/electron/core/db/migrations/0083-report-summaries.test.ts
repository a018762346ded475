import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0083: report summaries', () => {
  it("copies each incident's clock events onto its row, notes left out, and keeps the copy with every later event", async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0082-report-suggestions')).error).toBeUndefined();
    // The incident's own references (its system in the catalog) are not what this test is about.
    await sql`pragma foreign_keys = off`.execute(db);
    for (const id of ['i1', 'i2']) {
      await sql`insert into incident (id, number, level, suggested_level, suggestion_basis, state, system_id, title, description, location, reporter,
        callback_phone, device_text, occurred_at, fault_type, cause, method, loss, prevention, plan, emergency_plan, reported_at, reported_by, updated_at)
        values (${id}, ${id}, 'II', 'II', 'chosen', 'reported', 'cctv', 't', 'd', '', 'r', '', '', 1, '', '', '', '', '', '', '', 1, 'a', 1)`.execute(db);
    }
    const event = (incident: string, type: string, at: number, data: object) => db.insertInto('incident_event').values({ incident_id: incident, type: type as 'reported', at, by: 'zhang', data: JSON.stringify(data) }).execute();
    await event('i1', 'reported', 1, { level: 'II' });
    await event('i1', 'note_added', 2, { text: '到场' });
    await event('i1', 'responded', 3, { note: '已联系' });
    await event('i1', 'level_changed', 4, { level: 'I', reason: '业务中断' });

    expect((await migrator.migrateTo('0083-report-summaries')).error).toBeUndefined();
    const copies = async () => Object.fromEntries((await db.selectFrom('incident').select(['id', 'clock_events']).execute()).map((r) => [r.id, JSON.parse(r.clock_events) as unknown]));
    expect(await copies()).toEqual({
      i1: [
        { type: 'reported', at: 1, by: 'zhang', level: 'II' },
        { type: 'responded', at: 3, by: 'zhang' },
        { type: 'level_changed', at: 4, by: 'zhang', level: 'I' },
      ],
      i2: [],
    });

    await event('i2', 'reported', 10, { level: 'IV' });
    await event('i1', 'note_added', 11, { text: '继续处理' });
    await event('i1', 'reopened', 12, { reason: '再次黑屏' });
    expect(await copies()).toMatchObject({
      i1: [{ type: 'reported' }, { type: 'responded' }, { type: 'level_changed' }, { type: 'reopened', at: 12, by: 'zhang', reason: '再次黑屏' }],
      i2: [{ type: 'reported', at: 10, by: 'zhang', level: 'IV' }],
    });

    // The copy commits with its event, or not at all.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('incident_event').values({ incident_id: 'i2', type: 'responded', at: 13, by: 'li', data: '{}' }).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await copies()).i2).toHaveLength(1);
    const plan = await sql<{ detail: string }>`explain query plan select count(*) from alarm where raised_at >= 0 and raised_at < 10 and state != 'status'`.execute(db);
    expect(plan.rows.map((r) => r.detail).join()).toMatch(/COVERING INDEX alarm_report/);
    await db.destroy();
  });
});
