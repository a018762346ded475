// A Kysely dialect for the asynchronous `sqlite3` binding (Kysely ships none; see kysely#128).
// Shaped like Kysely's own SqliteDriver: one connection, serialised by a mutex.
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type sqlite3 from 'sqlite3';

export interface Sqlite3DialectConfig {
  /** An open `sqlite3.Database`; the dialect owns it from then on and closes it on destroy. */
  database: sqlite3.Database;
  /** Runs once on the connection before the first query (pragmas). */
  onCreateConnection?: (connection: DatabaseConnection) => Promise<void>;
}

export class Sqlite3Dialect implements Dialect {
  readonly #config: Sqlite3DialectConfig;

  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new Sqlite3Driver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

class Sqlite3Driver implements Driver {
  readonly #config: Sqlite3DialectConfig;
  readonly #mutex = new ConnectionMutex();
  #connection: Sqlite3Connection | undefined;

  constructor(config: Sqlite3DialectConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {
    this.#connection = new Sqlite3Connection(this.#config.database);
    await this.#config.onCreateConnection?.(this.#connection);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    if (!this.#connection) throw new Error('sqlite3 driver used before init');
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock at once, so a transaction never fails half-way on a busy lock.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      // After SQLITE_FULL, IOERR, BUSY or NOMEM SQLite may have rolled the transaction back itself
      // (https://sqlite.org/lang_transaction.html, "Response To Errors"): it is over, and the error that ended it is
      // the one to report, not this.
      if (!(error instanceof Error && error.message.includes('no transaction is active'))) throw error;
    }
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    const db = this.#config.database;
    await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

const writeKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

class Sqlite3Connection implements DatabaseConnection {
  readonly #db: sqlite3.Database;

  constructor(db: sqlite3.Database) {
    this.#db = db;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters, query } = compiledQuery;
    const params = parameters as unknown[];
    const isPlainWrite = writeKinds.has(query.kind) && !('returning' in query && query.returning);
    if (isPlainWrite) {
      return new Promise((resolve, reject) => {
        this.#db.run(sql, params, function onRun(err) {
          if (err) return reject(err);
          resolve({ rows: [], numAffectedRows: BigInt(this.changes), insertId: BigInt(this.lastID) });
        });
      });
    }
    return new Promise((resolve, reject) => {
      this.#db.all(sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] })));
    });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.executeQuery<R>(compiledQuery);
    for (const row of result.rows) yield { rows: [row] };
  }
}

class ConnectionMutex {
  #promise: Promise<void> | undefined;
  #resolve: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = undefined;
    this.#resolve = undefined;
    resolve?.();
  }
}
