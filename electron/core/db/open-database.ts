// Opens the console's SQLite file: durability pragmas, the integrity check, migrations.
import { Kysely, Migrator, sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { AppError, type AppErrorData } from '../../../shared/contract/app-error';
import type { Database, Db } from './database';
import { migrationProvider } from './migrations';
import { Sqlite3Dialect } from './sqlite3-dialect';

/** Opens a connection to the file (`mode`: sqlite3's OPEN_* flags); AppError `db_open_failed` naming it if it cannot. */
export function openSqliteFile(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (err) =>
      err ? reject(new AppError('db_open_failed', 'db_open_failed', { path, detail: err.message })) : resolve(db),
    );
  });
}

export interface OpenDatabaseOptions {
  /**
   * Run `pragma integrity_check` before anything else (the default). Start-up skips it only when the file is known
   * to be exactly as a clean shutdown left it, and then runs it in the background (see checkIntegrity).
   */
  integrityCheck?: boolean;
}

/** Opens (creating if needed) and migrates the database; throws AppError with a clear code on failure. */
export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  const file = await openSqliteFile(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  const db = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: file }) });
  try {
    if (options.integrityCheck ?? true) await checkIntegrity(db, path);
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

/** Throws AppError `db_corrupt` naming the file and the first findings unless SQLite answers a single 'ok'. */
export async function checkIntegrity(db: Db, path: string): Promise<void> {
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
  // Unordered: a migration numbered between ones a data folder already has (0053 after 0072) still runs, after them.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  // migrateToLatest reports failure in `error` instead of throwing.
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('db_migration_failed', 'db_migration_failed', { migration: failed, detail: String(error) });
  }
}

export interface BackgroundIntegrityCheck {
  /** Null when the file is sound; the `db_corrupt` error otherwise. */
  readonly result: Promise<AppErrorData | null | 'interrupted'>;
  /** Interrupts the check (at shutdown); resolves once its connection is closed. */
  cancel(): Promise<void>;
}

/**
 * Runs the full integrity check on a second, read-only connection, so the console answers while it runs (WAL lets a
 * reader proceed beside the writer). Used after a clean shutdown, when start-up skipped the check.
 */
export function startBackgroundIntegrityCheck(path: string): BackgroundIntegrityCheck {
  let connection: sqlite3.Database | null = null;
  let cancelled = false;
  let finished = false;
  const result = (async (): Promise<AppErrorData | null | 'interrupted'> => {
    connection = await openSqliteFile(path, sqlite3.OPEN_READONLY);
    if (cancelled) return 'interrupted';
    const reader = new Kysely<Database>({ dialect: new Sqlite3Dialect({ database: connection }) });
    try {
      await checkIntegrity(reader, path);
      return null;
    } catch (err) {
      if (cancelled) return 'interrupted';
      return err instanceof AppError ? err.toData() : new AppError('db_corrupt', 'db_corrupt', { path, detail: String(err) }).toData();
    } finally {
      finished = true;
      await reader.destroy().catch(() => undefined);
    }
  })().catch((err: unknown) =>
    new AppError('db_corrupt', 'db_corrupt', { path, detail: err instanceof AppError ? String(err.params.detail) : String(err) }).toData(),
  );
  return {
    result,
    async cancel() {
      cancelled = true;
      if (!finished) connection?.interrupt();
      await result;
    },
  };
}
