import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0071: escalations', () => {
  it('holds one escalation per SLA crossing, any number of on-site ones, and only of known incidents', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    await sql`pragma foreign_keys = on`.execute(db);
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0071-escalations')).error).toBeUndefined();
    // The incident's own references (its system in the catalog) are not what this test is about.
    await sql`pragma foreign_keys = off`.execute(db);
    await sql`insert into incident (id, number, level, suggested_level, suggestion_basis, state, system_id, title, description, location, reporter,
      callback_phone, device_text, occurred_at, fault_type, cause, method, loss, prevention, plan, emergency_plan, reported_at, reported_by, updated_at)
      values ('i1', 'GZ-1', 'I', 'I', 'chosen', 'reported', 'cctv', 't', 'd', '', 'r', '', '', 1, '', '', '', '', '', '', '', 1, 'a', 1)`.execute(db);
    await sql`pragma foreign_keys = on`.execute(db);
    const row = { incident_id: 'i1', kind: 'sla_overdue' as const, crossing_key: 'response/0', milestone: 'response', tried: '', raised_by: 'system', raised_at: 1, acknowledged_by: null, acknowledged_at: null };
    await db.insertInto('escalation').values({ ...row, id: 'e1' }).execute();
    await expect(db.insertInto('escalation').values({ ...row, id: 'e2' }).execute()).rejects.toThrow(/UNIQUE/);
    await db.insertInto('escalation').values({ ...row, id: 'e3', kind: 'cannot_resolve', crossing_key: null }).execute();
    await db.insertInto('escalation').values({ ...row, id: 'e4', kind: 'cannot_resolve', crossing_key: null }).execute();
    await expect(db.insertInto('escalation').values({ ...row, id: 'e5', crossing_key: null, incident_id: 'nope' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.insertInto('escalation').values({ ...row, id: 'e6', crossing_key: null, kind: 'other' as 'sla_overdue' }).execute()).rejects.toThrow(/CHECK/);
    expect(await db.selectFrom('escalation').select(['id', 'upstream', 'action']).orderBy('seq').execute()).toEqual([
      { id: 'e1', upstream: 'waiting_for_sync', action: '' },
      { id: 'e3', upstream: 'waiting_for_sync', action: '' },
      { id: 'e4', upstream: 'waiting_for_sync', action: '' },
    ]);
    await db.destroy();
  });
});
