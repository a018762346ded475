import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sqlite3Dialect } from '../../../../electron/core/db/sqlite3-dialect';
import { tempDir } from '../../../support/temp-core';

interface Db {
  item: { id: number; name: string };
}

describe('the sqlite3 dialect', () => {
  let db: Kysely<Db>;
  beforeEach(async () => {
    db = new Kysely<Db>({ dialect: new Sqlite3Dialect({ database: new sqlite3.Database(join(tempDir(), 'd.sqlite')) }) });
    await db.schema.createTable('item').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).execute();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('reports inserted ids and affected rows', async () => {
    const inserted = await db.insertInto('item').values({ id: 7, name: 'a' }).executeTakeFirst();
    expect(inserted.insertId).toBe(7n);
    const updated = await db.updateTable('item').set({ name: 'b' }).where('id', '=', 7).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    expect(await db.insertInto('item').values({ id: 8, name: 'c' }).returning(['id', 'name']).execute()).toEqual([{ id: 8, name: 'c' }]);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ id: 1, name: 'kept?' }).execute();
        await trx.insertInto('item').values({ id: 1, name: 'duplicate' }).execute();
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([]);
  });

  it('reports the error that ended a transaction SQLite rolled back itself (disk full), not the rollback after it', async () => {
    await db.insertInto('item').values({ id: 1, name: 'before' }).execute();
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 2}`).execute(db);
    const failed = db.transaction().execute(async (trx) => {
      for (let id = 2; id < 50; id += 1) await trx.insertInto('item').values({ id, name: 'x'.repeat(20_000) }).execute();
    });
    await expect(failed).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await sql`pragma max_page_count = 1073741823`.execute(db);
    expect(await db.selectFrom('item').select('name').execute()).toEqual([{ name: 'before' }]);
    await db.insertInto('item').values({ id: 2, name: 'after' }).execute();
  });

  it('serialises concurrent transactions on its one connection', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          const n = await trx.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          await trx.insertInto('item').values({ id: i, name: `n=${n.n}` }).execute();
        }),
      ),
    );
    const names = (await db.selectFrom('item').select('name').orderBy('id').execute()).map((r) => r.name);
    expect(new Set(names).size).toBe(20);
  });

  it('passes raw SQL through', async () => {
    const result = await sql<{ v: number }>`select 1 + 1 as v`.execute(db);
    expect(result.rows).toEqual([{ v: 2 }]);
  });
});
