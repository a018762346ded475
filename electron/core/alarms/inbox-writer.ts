// A database connection of its own for committing arriving alarms to the inbox. The device's answer waits for this
// commit only: never for a UI's read on the main connection (WAL lets readers and a writer proceed side by side),
// and for a write there only as long as its transaction lasts (writers take turns; busy_timeout waits).
import sqlite3 from 'sqlite3';
import { openSqliteFile } from '../db/open-database';

export interface InboxWriter {
  /** Commits the rows (each a serialized array of alarms) in one statement; resolves with their seqs in order. */
  insert(receivedAt: number, rows: readonly Buffer[]): Promise<number[]>;
  close(): Promise<void>;
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<number> {
  return new Promise((resolve, reject) =>
    db.run(sql, params, function onRun(err) {
      if (err) reject(err);
      else resolve(this.lastID);
    }),
  );
}

/** Opens the writer on the console's database, which must exist and be migrated (the main connection does that). */
export async function openInboxWriter(path: string): Promise<InboxWriter> {
  const db = await openSqliteFile(path, sqlite3.OPEN_READWRITE);
  // FULL: an alarm is on disk before the device is answered.
  await run(db, 'pragma synchronous = full');
  await run(db, 'pragma busy_timeout = 5000');
  let closed: Promise<void> | null = null;
  // Prepared once per row count (an intake makes one or two rows): a statement made for each insert would cost two
  // more trips through libuv's thread pool (prepare, finalize) on the path every ACK waits for.
  const statements = new Map<number, sqlite3.Statement>();
  const statementFor = (rows: number): sqlite3.Statement => {
    let statement = statements.get(rows);
    if (!statement) {
      const sql = `insert into alarm_inbox (received_at, items) values ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`;
      // With a callback a failed prepare is not emitted as an 'error' event; the run that follows reports it, and the
      // next insert prepares afresh.
      const prepared: sqlite3.Statement = db.prepare(sql, (err) => {
        if (err && statements.get(rows) === prepared) statements.delete(rows);
      });
      statement = prepared;
      statements.set(rows, statement);
    }
    return statement;
  };
  return {
    async insert(receivedAt, rows) {
      if (rows.length === 0) return [];
      const params = rows.flatMap((row) => [receivedAt, row]);
      // One statement numbers its rows one after another, ending at the last insert id.
      const last = await new Promise<number>((resolve, reject) =>
        statementFor(rows.length).run(params, function onRun(err) {
          if (err) reject(err);
          else resolve(this.lastID);
        }),
      );
      return rows.map((_, i) => last - rows.length + 1 + i);
    },
    close() {
      closed ??= (async () => {
        for (const statement of statements.values()) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
        statements.clear();
        await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
      })();
      return closed;
    },
  };
}
