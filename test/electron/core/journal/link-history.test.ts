import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import type { Database } from '../../../../electron/core/db/database';
import { migrationProvider } from '../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../electron/core/db/sqlite3-dialect';
import { listEntries } from '../../../../electron/core/journal/service';
import { tempDir } from '../../../support/temp-core';

describe('a link’s journal history', () => {
  it('a filter by entity link also finds what earlier versions journaled as device_endpoint and the alarms set aside under device', async () => {
    const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });
    expect((await new Migrator({ db, provider: migrationProvider }).migrateToLatest()).error).toBeUndefined();
    // Entries as the versions before issue 12 wrote them, then as this one does; only list reads them here.
    const entry = (seq: number, type: string, entityType: string, entityId: string) => ({
      id: `j${seq}`, type, entity_type: entityType, entity_id: entityId, payload: '{}', operator: 'tester', at: seq, prev_hash: '', hash: '',
    });
    await db.insertInto('journal').values([
      entry(1, 'device.endpoint_created', 'device_endpoint', 'L1'),
      entry(2, 'device.link_changed', 'device_endpoint', 'L1'),
      entry(3, 'alarm.setAside', 'device', 'L1'),
      entry(4, 'device.created', 'device', 'L1'), // a register device that happens to have the same id: not the link's
      entry(5, 'device.endpoint_created', 'device_endpoint', 'L2'),
      entry(6, 'link.updated', 'link', 'L1'),
      entry(7, 'alarm.setAside', 'link', 'L1'),
    ]).execute();

    const history = await listEntries(db, { entityType: 'link', entityId: 'L1', limit: 50 });
    expect(history.map((e) => `${e.entityType} ${e.type}`)).toEqual([
      'link alarm.setAside',
      'link link.updated',
      'device alarm.setAside',
      'device_endpoint device.link_changed',
      'device_endpoint device.endpoint_created',
    ]);
    expect((await listEntries(db, { entityType: 'link', limit: 50 })).map((e) => e.seq)).toEqual([7, 6, 5, 3, 2, 1]);
    expect((await listEntries(db, { entityType: 'device', entityId: 'L1', limit: 50 })).map((e) => e.seq)).toEqual([4, 3]);
    await db.destroy();
  });
});
