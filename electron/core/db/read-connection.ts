// A read-only connection of the console's database for screens' queries that must answer quickly whatever the main
// connection is doing (the duty room's incident list while the sync drains a backlog).
import { Kysely, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import type { Database, Db } from './database';
import { openSqliteFile } from './open-database';
import { Sqlite3Dialect } from './sqlite3-dialect';

/**
 * Opens it on the console's database, which must exist and be migrated (the main connection does that). Its own
 * connection, so a query never queues behind the main connection's transactions (each holds that connection until it
 * commits, fsync included): in WAL mode a reader sees every commit made before its query began, and never waits for a
 * writer. Read-only: nothing can be written through it.
 */
export async function openReadConnection(path: string): Promise<Db> {
  const file = await openSqliteFile(path, sqlite3.OPEN_READONLY);
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: file }) });
  try {
    await sql`pragma busy_timeout = 5000`.execute(db);
    return db;
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
}
