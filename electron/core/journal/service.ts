// The journal: append an entry inside a change's transaction, read entries (the chain's check is in verify-chain.ts).
import type { JournalEntry } from '../../../shared/contract/journal';
import type { CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { genesisHash, keyedEntryHash } from './hash-chain';
import { earlierEntityNames } from './earlier-entity-names';
import type { JournalTable } from './schema';

export interface NewEntry {
  type: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  operator: string;
}

export interface AppendedEntry {
  seq: number;
  type: string;
  entityType: string;
  entityId: string;
}

/** Rows per INSERT: ten columns each, well under SQLite's bound-parameter limit. */
const rowsPerStatement = 500;

/**
 * Appends entries in order, chaining each hash to the one before and keying it with the journal key (read once at
 * start, so no file is touched here); call it inside the transaction that makes the change they record. One read of
 * the chain's head, then multi-row inserts.
 */
export async function appendEntries(ctx: CoreContext, trx: Trx, entries: readonly NewEntry[]): Promise<AppendedEntry[]> {
  if (entries.length === 0) return [];
  const last = await trx.selectFrom('journal').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? genesisHash;
  const hash = keyedEntryHash(ctx.journalKey);
  const rows = entries.map((entry) => {
    const row = {
      id: ctx.newId(),
      type: entry.type,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      payload: JSON.stringify(entry.payload ?? null),
      operator: entry.operator,
      at: ctx.clock.now(),
      prev_hash: prevHash,
    };
    prevHash = hash(row);
    return { ...row, hash: prevHash };
  });
  const appended: AppendedEntry[] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const chunk = rows.slice(i, i + rowsPerStatement);
    // One INSERT inside the write transaction numbers its rows one after another, ending at the last insert id.
    const { insertId } = await trx.insertInto('journal').values(chunk).executeTakeFirstOrThrow();
    const firstSeq = Number(insertId) - chunk.length + 1;
    chunk.forEach((e, j) => appended.push({ seq: firstSeq + j, type: e.type, entityType: e.entity_type, entityId: e.entity_id }));
  }
  return appended;
}

/**
 * Runs a change and its journal entries in one transaction, then tells the UIs. Entries are
 * collected while the work runs and written, chained, just before the commit.
 */
export async function inTransaction<T>(
  ctx: CoreContext,
  work: (trx: Trx, journal: (entry: NewEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  let appended: AppendedEntry[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    const pending: NewEntry[] = [];
    const value = await work(trx, async (entry) => {
      pending.push(entry);
    });
    appended = await appendEntries(ctx, trx, pending);
    return value;
  });
  const [first] = appended;
  const last = appended.at(-1);
  if (first && last) ctx.emit('journal.appended', { fromSeq: first.seq, toSeq: last.seq, count: appended.length });
  return result;
}

type JournalRow = Omit<JournalTable, 'seq'> & { seq: number };

export function toJournalEntry(row: JournalRow): JournalEntry {
  return {
    seq: row.seq,
    id: row.id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    payload: JSON.parse(row.payload) as unknown,
    operator: row.operator,
    at: row.at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function listEntries(
  db: Db,
  filter: {
    entityType?: string;
    entityId?: string;
    typePrefix?: string;
    operator?: string;
    from?: number;
    to?: number;
    beforeSeq?: number;
    limit: number;
  },
): Promise<JournalEntry[]> {
  let q = db.selectFrom('journal').selectAll().orderBy('seq', 'desc').limit(filter.limit);
  const { entityType } = filter;
  if (entityType) {
    const earlier = earlierEntityNames[entityType] ?? [];
    q = q.where((eb) =>
      eb.or([
        eb('entity_type', '=', entityType),
        ...earlier.map(({ entityType: name, types }) => (types ? eb.and([eb('entity_type', '=', name), eb('type', 'in', types)]) : eb('entity_type', '=', name))),
      ]),
    );
  }
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  // A range on the text, not LIKE: it stays exact for _ and % and can use an index.
  if (filter.typePrefix) q = q.where('type', '>=', filter.typePrefix).where('type', '<', `${filter.typePrefix}\u{10FFFF}`);
  if (filter.operator) q = q.where('operator', '=', filter.operator);
  if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('at', '<', filter.to);
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
  return (await q.execute()).map(toJournalEntry);
}
