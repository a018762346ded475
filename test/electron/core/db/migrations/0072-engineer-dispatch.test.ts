import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0072: engineer dispatch', () => {
  it('holds a grade per known operator (five, four or three stars) and dispatches of known incidents to known operators', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    await sql`pragma foreign_keys = on`.execute(db);
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0071-escalations')).error).toBeUndefined();
    expect(await sql`select name from sqlite_master where name in ('engineer_grade', 'incident_dispatch')`.execute(db)).toMatchObject({ rows: [] });
    expect((await migrator.migrateTo('0072-engineer-dispatch')).error).toBeUndefined();
    await db.insertInto('operator').values({ id: 'o1', name: 'zhang', display_name: '张工', role: 'engineer', password_hash: 'x', disabled: 0, failed_logins: 0, created_at: 1, updated_at: 1 }).execute();
    // The incident's own references (its system in the catalog) are not what this test is about.
    await sql`pragma foreign_keys = off`.execute(db);
    await sql`insert into incident (id, number, level, suggested_level, suggestion_basis, state, system_id, title, description, location, reporter,
      callback_phone, device_text, occurred_at, fault_type, cause, method, loss, prevention, plan, emergency_plan, reported_at, reported_by, updated_at)
      values ('i1', 'GZ-1', 'I', 'I', 'chosen', 'reported', 'cctv', 't', 'd', '', 'r', '', '', 1, '', '', '', '', '', '', '', 1, 'a', 1)`.execute(db);
    await sql`pragma foreign_keys = on`.execute(db);

    await db.insertInto('engineer_grade').values({ operator_id: 'o1', grade: 'five_star', updated_at: 1 }).execute();
    await expect(db.insertInto('engineer_grade').values({ operator_id: 'o1', grade: 'four_star', updated_at: 2 }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.insertInto('engineer_grade').values({ operator_id: 'nobody', grade: 'four_star', updated_at: 2 }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('engineer_grade').values({ operator_id: 'o1', grade: 'six_star' as 'five_star', updated_at: 2 }).execute()).rejects.toThrow(/CHECK/);

    const dispatch = { id: 'd1', incident_id: 'i1', engineer_id: 'o1', engineer_name: '张工', grade: 'five_star' as const, dispatched_at: 10, expected_at: 20, arrived_at: null, recorded_by: 'guard' };
    await db.insertInto('incident_dispatch').values(dispatch).execute();
    await expect(db.insertInto('incident_dispatch').values(dispatch).execute()).rejects.toThrow(/UNIQUE/);
    await expect(db.insertInto('incident_dispatch').values({ ...dispatch, id: 'd2', incident_id: 'nope' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('incident_dispatch').values({ ...dispatch, id: 'd3', engineer_id: 'nobody' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('incident_dispatch').values({ ...dispatch, id: 'd4', grade: 'none' as 'five_star' }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('incident_dispatch').values({ ...dispatch, id: 'd5', expected_at: null as unknown as number }).execute()).rejects.toThrow(/NOT NULL/);
    expect(await db.selectFrom('incident_dispatch').select(['id', 'arrived_at']).execute()).toEqual([{ id: 'd1', arrived_at: null }]);
    expect(await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'incident_dispatch' and name = 'incident_dispatch_incident'`.execute(db)).toMatchObject({ rows: [{ name: 'incident_dispatch_incident' }] });
    await db.destroy();
  });
});
