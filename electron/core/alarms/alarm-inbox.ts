// The alarm inbox: alarms committed on arrival, then recorded a few inbox rows per transaction (the rows deleted in
// the same transaction, so an alarm is recorded exactly once however the process stops). An alarm that cannot be
// recorded is set aside — kept in the inbox with the reason, and journaled — so the ones after it are not held up.
import { deserialize, serialize } from 'node:v8';
import { sql } from 'kysely';
import type { CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction, type NewEntry } from '../journal/service';
import { alarmSystemOperator } from './alarm-incident';
import { type AlarmToRecord, type RecordedAlarm, recordAlarms } from './alarm-recording';
import { enabledRules } from './alarm-rules';
import type { InboxWriter } from './inbox-writer';

/** An inbox row as the recorder holds it: its alarms still serialized, read only when recorded. */
export interface InboxRow {
  seq: number;
  receivedAt: number;
  items: Buffer;
  /** How many alarms `items` holds. */
  count: number;
}

// V8's structured-clone format: Node documents it as safe to store (newer versions read older data), and for a
// burst it is written in less than half the time of JSON plus UTF-8 — on the path every ACK waits for.
const encodeItems = (items: readonly AlarmToRecord[]): Buffer => serialize(items);
export const decodeInboxItems = (items: Buffer): AlarmToRecord[] => deserialize(items) as AlarmToRecord[];

/** Errors of the database itself (disk full, I/O, locked, read-only): the alarm is fine, try again later. */
const refusingCodes = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL']);

export const databaseRefused = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && refusingCodes.has(code)) return true;
  // After SQLITE_FULL, IOERR, BUSY or NOMEM, SQLite may roll the transaction back itself; the rollback that follows
  // then fails with this, hiding the first error (https://sqlite.org/lang_transaction.html, "Response To Errors").
  return error instanceof Error && error.message.includes('no transaction is active');
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Commits the alarms as inbox rows of at most `perRow` alarms each, in one statement; returns the rows in order. */
export async function insertInboxRows(writer: InboxWriter, receivedAt: number, alarms: readonly AlarmToRecord[], perRow: number): Promise<InboxRow[]> {
  const encoded: Buffer[] = [];
  for (let i = 0; i < alarms.length; i += perRow) encoded.push(encodeItems(alarms.slice(i, i + perRow)));
  const seqs = await writer.insert(receivedAt, encoded);
  return encoded.map((items, i) => ({ seq: seqs[i]!, receivedAt, items, count: Math.min(perRow, alarms.length - i * perRow) }));
}

/** The rows waiting to be recorded, oldest first (those set aside stay where they are). */
export async function loadInbox(db: Db): Promise<InboxRow[]> {
  const rows = await db.selectFrom('alarm_inbox').select(['seq', 'received_at', 'items']).where('error', 'is', null).orderBy('seq').execute();
  return rows.map((row) => ({ seq: row.seq, receivedAt: row.received_at, items: row.items, count: decodeInboxItems(row.items).length }));
}

export interface RecordedRows {
  recorded: RecordedAlarm[];
  /** Alarms of the rows that were set aside. */
  setAside: number;
}

/** An alarm with the time its inbox row was committed (kept with it if it is set aside). */
interface Received {
  receivedAt: number;
  item: AlarmToRecord;
}

/**
 * Records inbox rows in arrival order in one transaction and deletes them with it; throws only when the database
 * refuses the writes. Several small rows (a receiver sending one event per ACK) share one transaction.
 */
export async function recordInboxRows(ctx: CoreContext, rows: readonly InboxRow[]): Promise<RecordedRows> {
  const received = rows.flatMap((row) => decodeInboxItems(row.items).map((item): Received => ({ receivedAt: row.receivedAt, item })));
  const seqs = rows.map((row) => row.seq);
  try {
    return await inTransaction(ctx, async (trx, journal) => {
      const recorded = await recordAlarms(ctx, trx, journal, received.map((r) => r.item), await enabledRules(trx));
      await trx.deleteFrom('alarm_inbox').where('seq', 'in', seqs).execute();
      return { recorded, setAside: 0 };
    });
  } catch (error) {
    if (databaseRefused(error)) throw error;
    return recordOneByOne(ctx, seqs, received);
  }
}

/** Each alarm alone (a savepoint each); those that fail are set aside, the rest recorded. */
async function recordOneByOne(ctx: CoreContext, seqs: readonly number[], received: readonly Received[]): Promise<RecordedRows> {
  return inTransaction(ctx, async (trx, journal) => {
    const rules = await enabledRules(trx);
    const recorded: RecordedAlarm[] = [];
    let setAsideCount = 0;
    for (const { receivedAt, item } of received) {
      const entries: NewEntry[] = [];
      await sql`savepoint one_alarm`.execute(trx);
      try {
        recorded.push(...(await recordAlarms(ctx, trx, async (entry) => void entries.push(entry), [item], rules)));
        await sql`release one_alarm`.execute(trx);
        for (const entry of entries) await journal(entry);
      } catch (error) {
        await sql`rollback to one_alarm`.execute(trx);
        await sql`release one_alarm`.execute(trx);
        if (databaseRefused(error)) throw error;
        await setAside(trx, journal, receivedAt, item, errorText(error));
        setAsideCount += 1;
      }
    }
    await trx.deleteFrom('alarm_inbox').where('seq', 'in', seqs).execute();
    return { recorded, setAside: setAsideCount };
  });
}

async function setAside(trx: Trx, journal: (entry: NewEntry) => Promise<void>, receivedAt: number, item: AlarmToRecord, reason: string): Promise<void> {
  await trx.insertInto('alarm_inbox').values({ received_at: receivedAt, items: encodeItems([item]), error: reason }).execute();
  console.error(`[alarms] set aside an alarm of ${item.source.deviceName} that could not be recorded: ${reason}`);
  await journal({
    type: 'alarm.setAside',
    entityType: 'link',
    entityId: item.source.deviceId,
    // The reason first: the audit view shows the start of a payload.
    payload: { reason, deviceName: item.source.deviceName, alarm: item.alarm },
    operator: alarmSystemOperator,
  });
}
