import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator } from 'kysely';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../../electron/core/core';
import type { Database } from '../../../../../electron/core/db/database';
import { migrationProvider, migrations } from '../../../../../electron/core/db/migrations';
import { Sqlite3Dialect } from '../../../../../electron/core/db/sqlite3-dialect';
import { readCheckpointFile } from '../../../../../electron/core/journal/checkpoint-file';
import { entryHash, genesisHash } from '../../../../../electron/core/journal/hash-chain';
import { journalKeyFileName } from '../../../../../electron/core/journal/journal-key';
import { startTempCore, tempDir } from '../../../../support/temp-core';
import { tamper } from '../../../../support/tamper-database';

/** A database as the console left it before 0032: three entries chained with the unkeyed SHA-256. */
async function unkeyedDatabase(): Promise<string> {
  const dataDir = tempDir();
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(dataDir, databaseFileName)) }) });
  const before = Object.keys(migrations).sort().filter((name) => name < '0032-journal-keying').at(-1)!;
  expect((await new Migrator({ db, provider: migrationProvider }).migrateTo(before)).error).toBeUndefined();
  let prevHash = genesisHash;
  for (let i = 1; i <= 3; i += 1) {
    const fields = { id: `old-${i}`, type: 'duty.entry_added', entity_type: 'duty', entity_id: `d${i}`, payload: JSON.stringify({ text: `旧记录 ${i}` }), operator: '老王', at: 1000 + i, prev_hash: prevHash };
    prevHash = entryHash(fields);
    await db.insertInto('journal').values({ ...fields, hash: prevHash }).execute();
  }
  await db.destroy();
  return dataDir;
}

describe('migration 0032: the keyed journal', () => {
  it('keeps the entries already written on the older chain and keys every later one from their head', async () => {
    const dataDir = await unkeyedDatabase();
    const t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    try {
      expect((await t.call('system.info', {})).journalAlarm).toBeNull();
      expect(statSync(join(dataDir, journalKeyFileName)).mode & 0o777).toBe(0o600);
      // The start of the keyed chain is written outside the database too.
      expect(readCheckpointFile(dataDir)).toMatchObject({ keyedFrom: 4, checkpoints: [{ seq: 3, reason: 'keyed' }] });
      await t.call('duty.add', { kind: 'note', text: '新记录' });
      const [newest, oldHead] = await t.call('journal.list', { limit: 2 });
      expect(newest!.prevHash).toBe(oldHead!.hash);
      const fields = { id: newest!.id, type: newest!.type, entity_type: newest!.entityType, entity_id: newest!.entityId, payload: JSON.stringify(newest!.payload), operator: newest!.operator, at: newest!.at, prev_hash: newest!.prevHash };
      expect(newest!.hash).not.toBe(entryHash(fields));
      expect(await t.call('journal.verify', {})).toMatchObject({ ok: true, checked: 4, broken: null, unkeyedThrough: 3 });
    } finally {
      await t.close();
    }
  });

  it('records on a new database that every entry is keyed', async () => {
    const t = await startTempCore({ slaWatchIntervalMs: 0 });
    try {
      expect(readCheckpointFile(t.dataDir)).toMatchObject({ keyedFrom: 1 });
      expect(await t.call('journal.verify', {})).toMatchObject({ ok: true, unkeyedThrough: 0 });
    } finally {
      await t.close();
    }
  });

  it('takes the record outside the database over a keying row moved in it', async () => {
    const dataDir = await unkeyedDatabase();
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    await first.call('duty.add', { kind: 'note', text: '新记录' });
    await first.core.close();
    await tamper(dataDir, 'update journal_keying set keyed_from_seq = 5;');
    const t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    try {
      expect(existsSync(join(dataDir, journalKeyFileName))).toBe(true);
      expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'keying_mismatch', keyedFrom: { database: 5, outside: 4 } });
    } finally {
      await t.close();
    }
  });
});
