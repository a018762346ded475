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
  return {
    async insert(receivedAt, rows) {
      if (rows.length === 0) return [];
      const values = rows.map(() => '(?, ?)').join(', ');
      // One statement numbers its rows one after another, ending at the last insert id.
      const last = await run(db, `insert into alarm_inbox (received_at, items) values ${values}`, rows.flatMap((row) => [receivedAt, row]));
      return rows.map((_, i) => last - rows.length + 1 + i);
    },
    close() {
      closed ??= new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
      return closed;
    },
  };
}
