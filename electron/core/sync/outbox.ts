// The outbox's state per journal entry: which items are due (the head of each record's queue), marking them
// sent / done / parked, and the lists the sync page shows. All SQL of sync_item lives here.
import { type Selectable, sql } from 'kysely';
import type { AppErrorData } from '../../../shared/contract/app-error';
import type { JournalEntry } from '../../../shared/contract/journal';
import type { SyncItem, SyncItemState, SyncRecordKind } from '../../../shared/contract/sync';
import type { Db, Trx } from '../db/database';
import { toJournalEntry } from '../journal/service';
import { itemKind } from './item-content';
import { recordNumbers } from './record-kinds';
import { recordUpstream } from './record-upstream';
import type { SyncItemTable } from './schema';

type ItemRow = Selectable<SyncItemTable>;
const pendingStates: SyncItemState[] = ['waiting', 'checking', 'parked'];

/**
 * The first item not yet upstream of every record, when it is due: items of one record go strictly in order,
 * and a parked or backing-off head holds back only its own record.
 */
export async function dueHeads(db: Db | Trx, now: number, limit: number): Promise<ItemRow[]> {
  return db
    .selectFrom('sync_item as s')
    .selectAll('s')
    .where('s.state', 'in', ['waiting', 'checking'])
    .where((eb) => eb.or([eb('s.next_attempt_at', 'is', null), eb('s.next_attempt_at', '<=', now)]))
    .where((eb) =>
      eb(
        's.entry_seq',
        '=',
        eb
          .selectFrom('sync_item as t')
          .select((e) => e.fn.min('t.entry_seq').as('m'))
          .whereRef('t.record_kind', '=', 's.record_kind')
          .whereRef('t.record_id', '=', 's.record_id')
          .where('t.state', 'in', pendingStates),
      ),
    )
    .orderBy('s.entry_seq')
    .limit(limit)
    .execute();
}

/** When the earliest backing-off item of a queue's head is due again (null: none waits). */
export async function nextItemAttemptAt(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('sync_item')
    .select((e) => e.fn.min('next_attempt_at').as('at'))
    .where('state', 'in', ['waiting', 'checking'])
    .where('next_attempt_at', 'is not', null)
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function entryOf(db: Db, seq: number): Promise<JournalEntry> {
  return toJournalEntry(await db.selectFrom('journal').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow());
}

export async function ticketIdOf(db: Db | Trx, kind: SyncRecordKind, recordId: string): Promise<number | null> {
  const row = await db.selectFrom('sync_ticket').select('ticket_id').where('record_kind', '=', kind).where('record_id', '=', recordId).executeTakeFirst();
  return row?.ticket_id ?? null;
}

/** The journal entries of a batch, read at once. */
export async function entriesOf(db: Db, seqs: number[]): Promise<Map<number, JournalEntry>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.selectFrom('journal').selectAll().where('seq', 'in', seqs).execute();
  return new Map(rows.map((r) => [r.seq, toJournalEntry(r)]));
}

/** The key of a record in the maps below: `incident:<id>`, `defect:<id>`. */
export const recordKey = (kind: SyncRecordKind, id: string): string => `${kind}:${id}`;

/** The upstream tickets of a batch's records, read at once, by `recordKey`. */
export async function ticketIdsOf(db: Db, items: Pick<ItemRow, 'record_kind' | 'record_id'>[]): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const rows = await db
    .selectFrom('sync_ticket')
    .select(['record_kind', 'record_id', 'ticket_id'])
    .where('record_id', 'in', [...new Set(items.map((i) => i.record_id))])
    .execute();
  return new Map(rows.map((r) => [recordKey(r.record_kind, r.record_id), r.ticket_id]));
}

/** An item found upstream (sent and answered, or looked up); written down with the next commit. */
export interface DoneMark {
  item: ItemRow;
  at: number;
  ticketId: number | null;
}

async function writeDone(trx: Trx, done: DoneMark[]): Promise<void> {
  for (const { item, at, ticketId } of done) {
    if (ticketId !== null) {
      await trx
        .insertInto('sync_ticket')
        .values({ record_kind: item.record_kind, record_id: item.record_id, ticket_id: ticketId, created_at: at, last_upstream_journal: 0 })
        .onConflict((oc) => oc.columns(['record_kind', 'record_id']).doUpdateSet({ ticket_id: ticketId }))
        .execute();
    }
    await trx.updateTable('sync_item').set({ state: 'done', done_at: at, next_attempt_at: null, last_error: null }).where('entry_seq', '=', item.entry_seq).execute();
    // The record says it is upstream in the same transaction (a defect's `sent`, an escalation's).
    await recordUpstream(trx, item);
  }
}

/**
 * One durable commit per batch instead of two per item: the items upstream since the last commit are marked done,
 * and the next batch — the head of each record's queue — is read and marked `checking` (attempt counted) before
 * any of its calls goes out. A crash from here on leaves them `checking`, so each is looked up upstream before it
 * is sent again; a crash before this commit leaves the done ones `checking` too (looked up, found, not resent).
 * Returns the batch as it was read (its `state` says which must be looked up first).
 */
export async function takeBatch(db: Db, done: DoneMark[], now: number, limit: number): Promise<ItemRow[]> {
  return db.transaction().execute(async (trx) => {
    await writeDone(trx, done);
    const heads = await dueHeads(trx, now, limit);
    if (heads.length > 0) {
      await trx
        .updateTable('sync_item')
        .set((eb) => ({ state: 'checking', attempts: eb('attempts', '+', 1) }))
        .where(
          'entry_seq',
          'in',
          heads.map((i) => i.entry_seq),
        )
        .execute();
    }
    return heads;
  });
}

/**
 * Writes down the items upstream so far (the header's count stays close behind a drain), and puts back the batch's
 * items that were never sent (the link went down, the settings changed) as they were read.
 */
export async function commitDone(db: Db, done: DoneMark[], unsent: ItemRow[] = []): Promise<void> {
  if (done.length === 0 && unsent.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await writeDone(trx, done);
    for (const item of unsent) {
      await trx.updateTable('sync_item').set({ state: item.state, attempts: item.attempts }).where('entry_seq', '=', item.entry_seq).execute();
    }
  });
}

/** Back in the queue: `state` says whether it must be looked up first (the last call may have been acted on). */
export async function markRetry(db: Db, seq: number, state: 'waiting' | 'checking', error: AppErrorData, nextAttemptAt: number | null): Promise<void> {
  await db.updateTable('sync_item').set({ state, last_error: JSON.stringify(error), next_attempt_at: nextAttemptAt }).where('entry_seq', '=', seq).execute();
}

export async function park(db: Db, seq: number, reason: AppErrorData, now: number): Promise<void> {
  await db
    .updateTable('sync_item')
    .set({ state: 'parked', parked_reason: JSON.stringify(reason), parked_at: now, last_error: JSON.stringify(reason), next_attempt_at: null })
    .where('entry_seq', '=', seq)
    .execute();
}

export interface QueueCounts {
  waiting: number;
  waitingIncidents: number;
  waitingRecords: Record<SyncRecordKind, number>;
  parked: number;
}

export async function queueCounts(db: Db): Promise<QueueCounts> {
  const distinctWaiting = (kind: SyncRecordKind) =>
    sql<number>`count(distinct case when state in ('waiting', 'checking') and record_kind = ${kind} then record_id end)`;
  const row = await db
    .selectFrom('sync_item')
    .select([
      sql<number>`coalesce(sum(state in ('waiting', 'checking')), 0)`.as('waiting'),
      distinctWaiting('incident').as('incidents'),
      distinctWaiting('defect').as('defects'),
      distinctWaiting('maintenance').as('maintenance'),
      sql<number>`coalesce(sum(state = 'parked'), 0)`.as('parked'),
    ])
    .where('state', 'in', pendingStates)
    .executeTakeFirst();
  const waitingRecords = { incident: Number(row?.incidents ?? 0), defect: Number(row?.defects ?? 0), maintenance: Number(row?.maintenance ?? 0) };
  return { waiting: Number(row?.waiting ?? 0), waitingIncidents: waitingRecords.incident, waitingRecords, parked: Number(row?.parked ?? 0) };
}

const parse = (text: string | null): AppErrorData | null => (text ? (JSON.parse(text) as AppErrorData) : null);

async function toItems(db: Db, rows: ItemRow[]): Promise<SyncItem[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((r) => r.entry_seq);
  const entries = await db.selectFrom('journal').select(['seq', 'at', 'operator', 'payload']).where('seq', 'in', seqs).execute();
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const records = rows.map((r) => ({ kind: r.record_kind, id: r.record_id }));
  const numbers = await recordNumbers(db, records);
  const tickets = await db
    .selectFrom('sync_ticket')
    .select(['record_kind', 'record_id', 'ticket_id'])
    .where('record_id', 'in', [...new Set(records.map((r) => r.id))])
    .execute();
  const ticketOf = new Map(tickets.map((t) => [`${t.record_kind}:${t.record_id}`, t.ticket_id]));
  return rows.map((r) => {
    const e = bySeq.get(r.entry_seq);
    const payload = e ? (JSON.parse(e.payload) as { number?: unknown }) : {};
    const key = `${r.record_kind}:${r.record_id}`;
    const number = numbers.get(key) ?? (typeof payload.number === 'string' ? payload.number : '');
    const incident = r.record_kind === 'incident';
    return {
      entryId: r.entry_id,
      seq: r.entry_seq,
      type: r.entry_type,
      kind: itemKind(r.record_kind, r.entry_type),
      recordKind: r.record_kind,
      recordId: r.record_id,
      recordNumber: number,
      ticketId: ticketOf.get(key) ?? null,
      incidentId: incident ? r.record_id : '',
      incidentNumber: incident ? number : '',
      at: e?.at ?? 0,
      operator: e?.operator ?? '',
      state: r.state,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: parse(r.last_error),
      parkedReason: parse(r.parked_reason),
      parkedAt: r.parked_at,
    };
  });
}

export async function listQueue(db: Db, afterSeq: number | undefined, limit: number): Promise<{ items: SyncItem[]; total: number }> {
  let q = db.selectFrom('sync_item').selectAll().where('state', 'in', pendingStates).orderBy('entry_seq').limit(limit);
  if (afterSeq !== undefined) q = q.where('entry_seq', '>', afterSeq);
  const counts = await queueCounts(db);
  return { items: await toItems(db, await q.execute()), total: counts.waiting + counts.parked };
}

export async function listParked(db: Db): Promise<SyncItem[]> {
  return toItems(db, await db.selectFrom('sync_item').selectAll().where('state', '=', 'parked').orderBy('entry_seq').limit(1000).execute());
}

export async function findItem(db: Db | Trx, entryId: string): Promise<ItemRow | undefined> {
  return db.selectFrom('sync_item').selectAll().where('entry_id', '=', entryId).executeTakeFirst();
}
