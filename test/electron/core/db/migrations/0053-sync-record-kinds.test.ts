import { join } from 'node:path';
import { Kysely, type Migration, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrate } from '../../../../../electron/core/db/open-database';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../../support/temp-core';

const open = () => new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), databaseFileName)) }) });

let seq = 0;
const entry = (type: string, entityType: string, entityId: string, payload: object = {}) => {
  seq += 1;
  return { id: `j${seq}`, type, entity_type: entityType, entity_id: entityId, payload: JSON.stringify(payload), operator: 'x', at: seq, prev_hash: '0', hash: `h${seq}` };
};

describe('migration 0053: sync items and tickets by record', () => {
  it('keeps the outbox rows 0050 made as the incidents they were, in state and order, and queues defects and finished records from then on', async () => {
    const db = open();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0050-sync-outbox')).error).toBeUndefined();
    await db.insertInto('journal').values([entry('incident.reported', 'incident', 'inc-1'), entry('incident.note_added', 'incident', 'inc-1'), entry('incident.reported', 'incident', 'inc-2')]).execute();
    // As 0050 left them: the first incident's ticket made, its note parked, the second waiting after a lost answer.
    await sql`update sync_item set state = 'done', done_at = 5 where entry_id = 'j1'`.execute(db);
    await sql`update sync_item set state = 'parked', parked_reason = '{"code":"sync_refused"}' where entry_id = 'j2'`.execute(db);
    await sql`update sync_item set state = 'checking', attempts = 2 where entry_id = 'j3'`.execute(db);
    await sql`insert into sync_ticket (incident_id, ticket_id, created_at, last_upstream_journal) values ('inc-1', 41, 5, 7)`.execute(db);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await db.selectFrom('sync_item').select(['entry_id', 'record_kind', 'record_id', 'entry_type', 'state', 'attempts', 'parked_reason']).orderBy('entry_seq').execute()).toEqual([
      { entry_id: 'j1', record_kind: 'incident', record_id: 'inc-1', entry_type: 'incident.reported', state: 'done', attempts: 0, parked_reason: null },
      { entry_id: 'j2', record_kind: 'incident', record_id: 'inc-1', entry_type: 'incident.note_added', state: 'parked', attempts: 0, parked_reason: '{"code":"sync_refused"}' },
      { entry_id: 'j3', record_kind: 'incident', record_id: 'inc-2', entry_type: 'incident.reported', state: 'checking', attempts: 2, parked_reason: null },
    ]);
    expect(await db.selectFrom('sync_ticket').selectAll().execute()).toEqual([{ record_kind: 'incident', record_id: 'inc-1', ticket_id: 41, created_at: 5, last_upstream_journal: 7 }]);

    // From now on: incidents as before, their escalations, a reported defect and its reply, a finished record.
    await db
      .insertInto('journal')
      .values([
        entry('incident.responded', 'incident', 'inc-2'),
        entry('escalation.raised', 'incident', 'inc-2', { escalationId: 'e1' }),
        entry('escalation.raised', 'escalation', 'e1'),
        entry('defect.submitted', 'defect', 'd1'),
        entry('defect.reported', 'defect', 'd1'),
        entry('defect.reported', 'device', 'dev-1'),
        entry('defect.replied', 'defect', 'd1'),
        entry('maintenance.item_recorded', 'device', 'dev-1'),
        entry('maintenance.task_finished', 'maintenance_task', 't1'),
        entry('consultation.recorded', 'consultation', 'c1'),
      ])
      .execute();
    const fresh = await db.selectFrom('sync_item').select(['record_kind', 'record_id', 'entry_type']).where('entry_seq', '>', 3).orderBy('entry_seq').execute();
    expect(fresh).toEqual([
      { record_kind: 'incident', record_id: 'inc-2', entry_type: 'incident.responded' },
      { record_kind: 'incident', record_id: 'inc-2', entry_type: 'escalation.raised' },
      { record_kind: 'defect', record_id: 'd1', entry_type: 'defect.reported' },
      { record_kind: 'defect', record_id: 'd1', entry_type: 'defect.replied' },
      { record_kind: 'maintenance', record_id: 't1', entry_type: 'maintenance.task_finished' },
    ]);
    // One ticket per record: a defect's ticket beside an incident's of the same id is a row of its own.
    await db.insertInto('sync_ticket').values({ record_kind: 'defect', record_id: 'inc-1', ticket_id: 42, created_at: 6, last_upstream_journal: 0 }).execute();
    await expect(db.insertInto('sync_ticket').values({ record_kind: 'incident', record_id: 'inc-1', ticket_id: 43, created_at: 6, last_upstream_journal: 0 }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.destroy();
  });

  it('upgrades a data folder that already has problem records: defects and escalations waiting for the sync are queued once', async () => {
    const db = open();
    const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== '0053-sync-record-kinds')) as Record<string, Migration>;
    expect((await new Migrator({ db, provider: { getMigrations: async () => without } }).migrateToLatest()).error).toBeUndefined();
    await sql`pragma foreign_keys = off`.execute(db);
    await db
      .insertInto('journal')
      .values([
        entry('incident.reported', 'incident', 'inc-9'),
        entry('escalation.raised', 'incident', 'inc-9', { escalationId: 'e9' }),
        entry('escalation.raised', 'incident', 'inc-8', { escalationId: 'e8' }),
        entry('defect.reported', 'defect', 'd-waiting'),
        entry('defect.reported', 'defect', 'd-sent'),
      ])
      .execute();
    await sql`insert into escalation (id, incident_id, kind, tried, raised_by, raised_at) values ('e9', 'inc-9', 'cannot_resolve', '', 'x', 1), ('e8', 'inc-8', 'cannot_resolve', '', 'x', 1)`.execute(db);
    const defect = { number: 'QX', state: 'reported', title: 't', description: 'd', submitter: 's', system_id: 'cctv', submitted_by: 'a', submitted_at: 1, updated_at: 1 };
    await sql`insert into defect (id, number, state, title, description, submitter, system_id, submitted_by, submitted_at, updated_at, upstream)
      values ('d-waiting', 'QX-1', ${defect.state}, 't', 'd', 's', 'cctv', 'a', 1, 1, 'waiting_for_sync'), ('d-sent', 'QX-2', ${defect.state}, 't', 'd', 's', 'cctv', 'a', 1, 1, 'sent')`.execute(db);

    // The console's own start-up runs the migration numbered before ones the folder already has.
    await migrate(db);
    expect(await db.selectFrom('sync_item').select(['record_kind', 'record_id', 'entry_type']).orderBy('entry_seq').execute()).toEqual([
      { record_kind: 'incident', record_id: 'inc-9', entry_type: 'incident.reported' },
      { record_kind: 'incident', record_id: 'inc-9', entry_type: 'escalation.raised' },
      { record_kind: 'defect', record_id: 'd-waiting', entry_type: 'defect.reported' },
    ]);
    await db.destroy();
  });
});
