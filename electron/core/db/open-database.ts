// Opens the console's SQLite file: durability pragmas, the integrity check, migrations.
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { AppError } from '../../../shared/contract/app-error';
import type { Database, Db } from './database';
import { migrationProvider } from './migrations';
import { Sqlite3Dialect } from './sqlite3-dialect';

function openFile(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err) =>
      err ? reject(new AppError('db_open_failed', 'db_open_failed', { path, detail: err.message })) : resolve(db),
    );
  });
}

/** Opens (creating if needed) and migrates the database; throws AppError with a clear code on failure. */
export async function openDatabase(path: string): Promise<Db> {
  const file = await openFile(path);
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: file }) });
  try {
    await checkIntegrity(db, path);
    await sql`pragma journal_mode = wal`.execute(db);
    // FULL: a commit is on disk before anything is acknowledged to a person or a device.
    await sql`pragma synchronous = full`.execute(db);
    await sql`pragma foreign_keys = on`.execute(db);
    await sql`pragma busy_timeout = 5000`.execute(db);
    await migrate(db);
    return db;
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
}

async function checkIntegrity(db: Db, path: string): Promise<void> {
  let rows: { integrity_check: string }[];
  try {
    rows = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows;
  } catch (err) {
    // SQLITE_NOTADB and friends: the file is not a database at all.
    throw new AppError('db_corrupt', 'db_corrupt', { path, detail: (err as Error).message });
  }
  const findings = rows.map((r) => r.integrity_check);
  if (findings.length !== 1 || findings[0] !== 'ok') {
    throw new AppError('db_corrupt', 'db_corrupt', { path, detail: findings.slice(0, 5).join('; ') });
  }
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  // migrateToLatest reports failure in `error` instead of throwing.
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('db_migration_failed', 'db_migration_failed', { migration: failed, detail: String(error) });
  }
}
