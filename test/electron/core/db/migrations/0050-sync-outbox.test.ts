import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

describe('migration 0050: the sync outbox', () => {
  it('gives every incident step that goes upstream its sync state in the same insert, and nothing else', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0050-sync-outbox')).error).toBeUndefined();
    const entry = (id: string, type: string, entityType = 'incident') => ({
      id,
      type,
      entity_type: entityType,
      entity_id: 'inc-1',
      payload: '{}',
      operator: 'x',
      at: 1,
      prev_hash: '0',
      hash: id,
    });
    await db
      .insertInto('journal')
      .values([
        entry('a', 'incident.reported'),
        entry('b', 'incident.sla_overdue'),
        entry('c', 'incident.note_added'),
        entry('d', 'incident.upstream_note'),
        entry('e', 'incident.linked', 'device'),
        entry('f', 'incident.attachment_downloaded'),
        entry('g', 'incident.attachment_added'),
      ])
      .execute();
    // The column as 0050 named it (0053 renames it record_id).
    const items = await db.selectFrom('sync_item').select(['entry_id', 'entry_type', sql<string>`incident_id`.as('incident_id'), 'state']).orderBy('entry_seq').execute();
    expect(items).toEqual([
      { entry_id: 'a', entry_type: 'incident.reported', incident_id: 'inc-1', state: 'waiting' },
      { entry_id: 'c', entry_type: 'incident.note_added', incident_id: 'inc-1', state: 'waiting' },
      { entry_id: 'g', entry_type: 'incident.attachment_added', incident_id: 'inc-1', state: 'waiting' },
    ]);
    await db.destroy();
  });
});
