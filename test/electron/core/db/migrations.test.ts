import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../electron/core/db/database';
import { migrationProvider, migrations } from '../../../../electron/core/db/migrations';
import { migrate } from '../../../../electron/core/db/open-database';
import { Sqlite3Dialect } from '../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../support/temp-core';

const opened: Kysely<Database>[] = [];
function openRaw(path: string): Kysely<Database> {
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(path) }) });
  opened.push(db);
  return db;
}

async function schemaOf(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where name not like 'kysely_%' order by type, name`.execute(db);
  return rows.rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

describe('migrations', () => {
  it('bring a database upgraded from every earlier version to the same schema as a fresh one', async () => {
    const dir = tempDir();
    const fresh = openRaw(join(dir, 'fresh.sqlite'));
    await migrate(fresh);
    const expected = await schemaOf(fresh);
    expect(expected.some((s) => s.startsWith('table device:'))).toBe(true);

    const names = Object.keys(migrations).sort();
    for (const [i, name] of names.entries()) {
      const db = openRaw(join(dir, `from-${i}.sqlite`));
      const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
      expect(error).toBeUndefined();
      await migrate(db);
      expect(await schemaOf(db), `upgraded from ${name}`).toEqual(expected);
    }
    // Every migration is run from every earlier version: the time grows with the square of their number (28 s alone
    // with 18 migrations on a loaded 2-core machine, past the default 30 s in the full suite).
  }, 120_000);

  it('are idempotent: running them again changes nothing', async () => {
    const db = openRaw(join(tempDir(), 'again.sqlite'));
    await migrate(db);
    const once = await schemaOf(db);
    await migrate(db);
    expect(await schemaOf(db)).toEqual(once);
  });
});
