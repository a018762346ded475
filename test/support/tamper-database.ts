// Edits a stopped console's database file the way someone with the sqlite3 library would, outside the app.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { databaseFileName } from '../../electron/core/core';
import { entryHash, type HashedFields } from '../../electron/core/journal/hash-chain';

function openFile(dataDir: string): sqlite3.Database {
  return new sqlite3.Database(join(dataDir, databaseFileName));
}

function closeFile(db: sqlite3.Database): Promise<void> {
  return new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
}

export async function tamper(dataDir: string, statements: string): Promise<void> {
  const db = openFile(dataDir);
  try {
    await new Promise<void>((resolve, reject) => db.exec(statements, (err) => (err ? reject(err) : resolve())));
  } finally {
    await closeFile(db);
  }
}

type Row = HashedFields & { seq: number; hash: string };

/**
 * Runs `edit` on the entry at `seq`, then recomputes its hash and every later one with `hash` (plain SHA-256 by
 * default: all someone without the key file can do), so every link holds again.
 */
export async function rewriteFrom(
  dataDir: string,
  seq: number,
  edit: (row: Row) => Partial<HashedFields>,
  hash: (fields: HashedFields) => string = entryHash,
): Promise<void> {
  const db = openFile(dataDir);
  try {
    const all = <T>(query: string, params: unknown[] = []) =>
      new Promise<T[]>((resolve, reject) => db.all(query, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
    const run = (query: string, params: unknown[] = []) =>
      new Promise<void>((resolve, reject) => db.run(query, params, (err) => (err ? reject(err) : resolve())));
    await run('drop trigger if exists journal_no_update');
    const rows = await all<Row>('select * from journal where seq >= ? order by seq', [seq - 1]);
    let prevHash = rows[0]!.seq === seq ? rows[0]!.prev_hash : rows[0]!.hash;
    for (const row of rows.filter((r) => r.seq >= seq)) {
      const fields = { ...row, ...(row.seq === seq ? edit(row) : {}), prev_hash: prevHash };
      prevHash = hash(fields);
      await run('update journal set payload = ?, operator = ?, prev_hash = ?, hash = ? where seq = ?', [fields.payload, fields.operator, fields.prev_hash, prevHash, row.seq]);
    }
  } finally {
    await closeFile(db);
  }
}
