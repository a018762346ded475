import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0070: problem records', () => {
  it('adds consultations, defects, their steps and devices, refusing unknown states and steps of no defect', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    await sql`pragma foreign_keys = on`.execute(db);
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0041-link-table')).error).toBeUndefined();
    expect((await migrator.migrateTo('0070-problem-records')).error).toBeUndefined();

    const defect = { id: 'd1', number: 'QX-00001', state: 'submitted' as const, title: 't', description: 'd', submitter: 's', system_id: 'cctv', incident_id: null, consultation_id: null, submitted_by: 'a', submitted_at: 1, updated_at: 1 };
    await db.insertInto('defect').values(defect).execute();
    expect(await db.selectFrom('defect').select(['id', 'upstream']).execute()).toEqual([{ id: 'd1', upstream: 'none' }]);
    await expect(db.insertInto('defect').values({ ...defect, id: 'd2', number: 'QX-2', state: 'lost' as 'submitted' }).execute()).rejects.toThrow(/CHECK constraint/);
    await expect(db.insertInto('defect_step').values({ defect_id: 'nope', action: 'analyse', by: 'a', at: 1, data: '{}' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await db.insertInto('defect_device').values({ defect_id: 'd1', device_id: 'x', linked_at: 1 }).execute();
    await expect(db.insertInto('defect_device').values({ defect_id: 'd1', device_id: 'x', linked_at: 2 }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    const consultation = { id: 'c1', number: 'ZX-00001', asked_by: 'a', channel: 'phone' as 'hotline', question: 'q', answer: 'a', answered_by: 'b', answered_at: 1, system_id: 'cctv', defect_id: null, recorded_by: 'r', recorded_at: 1 };
    await expect(db.insertInto('consultation').values(consultation).execute()).rejects.toThrow(/CHECK constraint/);
    await db.insertInto('consultation').values({ ...consultation, channel: 'hotline' }).execute();
    await db.destroy();
  });
});
