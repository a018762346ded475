// A database connection of the readings history's own: the recorder's batches and the rollups write through it.
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import type { Database, Db } from '../db/database';
import { openSqliteFile } from '../db/open-database';
import { Sqlite3Dialect } from '../db/sqlite3-dialect';

/**
 * Opens it on the console's database, which must exist and be migrated (the main connection does that). Its own
 * connection, so a batch never queues behind (or ahead of) the main connection's work, and NORMAL synchronisation: in
 * WAL mode a commit then skips the fsync (one at each checkpoint instead). A crash of the process loses nothing
 * committed; a power cut may lose the last second's batch. Readings are never acknowledged to anyone, alarms are: they
 * keep FULL on their own connections.
 */
export async function openReadingsConnection(path: string): Promise<Db> {
  const file = await openSqliteFile(path, sqlite3.OPEN_READWRITE);
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: file }) });
  try {
    await sql`pragma synchronous = normal`.execute(db);
    await sql`pragma busy_timeout = 5000`.execute(db);
    return db;
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
}
