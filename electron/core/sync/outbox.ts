// The outbox's state per journal entry: which items are due (the head of each incident's queue), marking them
// sent / done / parked, and the lists the sync page shows. All SQL of sync_item lives here.
import { type Selectable, sql } from 'kysely';
import type { AppErrorData } from '../../../shared/contract/app-error';
import type { JournalEntry } from '../../../shared/contract/journal';
import type { SyncItem, SyncItemState } from '../../../shared/contract/sync';
import type { Db, Trx } from '../db/database';
import { toJournalEntry } from '../journal/service';
import { itemKind } from './item-content';
import type { SyncItemTable } from './schema';

type ItemRow = Selectable<SyncItemTable>;
const pendingStates: SyncItemState[] = ['waiting', 'checking', 'parked'];

/**
 * The first item not yet upstream of every incident, when it is due: items of one incident go strictly in order,
 * and a parked or backing-off head holds back only its own incident.
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
        eb.selectFrom('sync_item as t').select((e) => e.fn.min('t.entry_seq').as('m')).whereRef('t.incident_id', '=', 's.incident_id').where('t.state', 'in', pendingStates),
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

export async function ticketIdOf(db: Db | Trx, incidentId: string): Promise<number | null> {
  const row = await db.selectFrom('sync_ticket').select('ticket_id').where('incident_id', '=', incidentId).executeTakeFirst();
  return row?.ticket_id ?? null;
}

/** The journal entries of a batch, read at once. */
export async function entriesOf(db: Db, seqs: number[]): Promise<Map<number, JournalEntry>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.selectFrom('journal').selectAll().where('seq', 'in', seqs).execute();
  return new Map(rows.map((r) => [r.seq, toJournalEntry(r)]));
}

/** The upstream tickets of a batch's incidents, read at once. */
export async function ticketIdsOf(db: Db, incidentIds: string[]): Promise<Map<string, number>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db.selectFrom('sync_ticket').select(['incident_id', 'ticket_id']).where('incident_id', 'in', incidentIds).execute();
  return new Map(rows.map((r) => [r.incident_id, r.ticket_id]));
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
        .values({ incident_id: item.incident_id, ticket_id: ticketId, created_at: at, last_upstream_journal: 0 })
        .onConflict((oc) => oc.column('incident_id').doUpdateSet({ ticket_id: ticketId }))
        .execute();
    }
    await trx.updateTable('sync_item').set({ state: 'done', done_at: at, next_attempt_at: null, last_error: null }).where('entry_seq', '=', item.entry_seq).execute();
  }
}

/**
 * One durable commit per batch instead of two per item: the items upstream since the last commit are marked done,
 * and the next batch — the head of each incident's queue — is read and marked `checking` (attempt counted) before
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

export async function queueCounts(db: Db): Promise<{ waiting: number; waitingIncidents: number; parked: number }> {
  const row = await db
    .selectFrom('sync_item')
    .select([
      sql<number>`coalesce(sum(state in ('waiting', 'checking')), 0)`.as('waiting'),
      sql<number>`count(distinct case when state in ('waiting', 'checking') then incident_id end)`.as('incidents'),
      sql<number>`coalesce(sum(state = 'parked'), 0)`.as('parked'),
    ])
    .where('state', 'in', pendingStates)
    .executeTakeFirst();
  return { waiting: Number(row?.waiting ?? 0), waitingIncidents: Number(row?.incidents ?? 0), parked: Number(row?.parked ?? 0) };
}

const parse = (text: string | null): AppErrorData | null => (text ? (JSON.parse(text) as AppErrorData) : null);

async function toItems(db: Db, rows: ItemRow[]): Promise<SyncItem[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((r) => r.entry_seq);
  const entries = await db.selectFrom('journal').select(['seq', 'at', 'operator', 'payload']).where('seq', 'in', seqs).execute();
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  return rows.map((r) => {
    const e = bySeq.get(r.entry_seq);
    const payload = e ? (JSON.parse(e.payload) as { number?: unknown }) : {};
    return {
      entryId: r.entry_id,
      seq: r.entry_seq,
      type: r.entry_type,
      kind: itemKind(r.entry_type),
      incidentId: r.incident_id,
      incidentNumber: typeof payload.number === 'string' ? payload.number : '',
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
