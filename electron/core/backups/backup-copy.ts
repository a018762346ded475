// One backup copy on a connection of its own: `VACUUM INTO` (a consistent snapshot taken while the console writes),
// and the checks of a copy (SQLite's integrity check, the journal's chain against the checkpoints taken with it).
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { AppError } from '../../../shared/contract/app-error';
import type { Database, Db } from '../db/database';
import { checkIntegrity, openSqliteFile } from '../db/open-database';
import { Sqlite3Dialect } from '../db/sqlite3-dialect';
import { journalHead } from '../journal/chain-rows';
import type { CheckpointRecord } from '../journal/checkpoint-file';
import { verifyChain } from '../journal/verify-chain';

async function withConnection<T>(path: string, mode: number, work: (db: Db) => Promise<T>): Promise<T> {
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: await openSqliteFile(path, mode) }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Writes a snapshot of the live database to `target` from a read-only connection: WAL lets it read beside the
 * console's writer, so alarms keep being committed while a large file is copied.
 */
export async function snapshotDatabase(databasePath: string, target: string): Promise<void> {
  await withConnection(databasePath, sqlite3.OPEN_READONLY, async (db) => {
    await sql`vacuum into ${target}`.execute(db);
  });
  // One self-contained file: no -wal or -shm beside it to lose on the way to a USB stick.
  await withConnection(target, sqlite3.OPEN_READWRITE, async (db) => {
    await sql`pragma journal_mode = delete`.execute(db);
  });
}

export interface CopyCheck {
  journalHead: { seq: number; hash: string };
}

/**
 * The copy passes SQLite's integrity check and its journal verifies under `key` against `record` (the checkpoints
 * saved with it). AppError `db_corrupt` or `backup_journal_broken` otherwise.
 */
export async function checkCopy(path: string, key: Buffer, record: CheckpointRecord | null): Promise<CopyCheck> {
  return withConnection(path, sqlite3.OPEN_READONLY, async (db) => {
    await checkIntegrity(db, path);
    const chain = await verifyChain(db, { key, record });
    if (!chain.ok) {
      throw new AppError('backup_journal_broken', 'backup_journal_broken', { path, reason: chain.broken?.reason ?? '', seq: chain.broken?.seq ?? 0 });
    }
    const head = await journalHead(db);
    return { journalHead: { seq: head.seq, hash: head.hash } };
  });
}

/** Reads from a backup's copy (the operators, to check who restores from the damaged-database screen). */
export function readCopy<T>(path: string, work: (db: Db) => Promise<T>): Promise<T> {
  return withConnection(path, sqlite3.OPEN_READONLY, work);
}
