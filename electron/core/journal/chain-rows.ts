// The journal's rows and counters as the chain checks read them: head, keying, one entry, the seq counter.
import { sql } from 'kysely';
import type { JournalCheckpoint, JournalHead } from '../../../shared/contract/journal';
import type { Db, Trx } from '../db/database';
import { genesisHash } from './hash-chain';

export async function journalHead(db: Db | Trx): Promise<JournalHead> {
  const last = await db.selectFrom('journal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ?? { seq: 0, hash: genesisHash };
}

/** The first seq hashed with the key, as the database says; null when its row is gone (never, unless edited). */
export async function keyedFromSeq(db: Db | Trx): Promise<number | null> {
  const row = await db.selectFrom('journal_keying').select('keyed_from_seq').where('id', '=', 1).executeTakeFirst();
  return row?.keyed_from_seq ?? null;
}

export async function entryAtSeq(db: Db | Trx, seq: number): Promise<{ id: string; hash: string } | undefined> {
  return db.selectFrom('journal').select(['id', 'hash']).where('seq', '=', seq).executeTakeFirst();
}

/** The run of missing seqs around `seq` (known to be missing): from after the entry before it to before the next. */
export async function missingAround(db: Db | Trx, seq: number): Promise<{ fromSeq: number; toSeq: number }> {
  const before = await db.selectFrom('journal').select('seq').where('seq', '<', seq).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const after = await db.selectFrom('journal').select('seq').where('seq', '>', seq).orderBy('seq').limit(1).executeTakeFirst();
  return { fromSeq: (before?.seq ?? 0) + 1, toSeq: after ? after.seq - 1 : seq };
}

/**
 * The highest seq SQLite ever handed out (AUTOINCREMENT never reuses one): above the head when the last entries were
 * deleted. Someone who also sets it back leaves no trace here; only a checkpoint outside the file shows that.
 */
export async function lastAssignedSeq(db: Db | Trx): Promise<number> {
  const row = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'journal'`.execute(db);
  return Number(row.rows[0]?.seq ?? 0);
}

/**
 * Moves SQLite's counter past a cut, so entries from now on do not take the missing seqs: the cut stays in the
 * file as a gap every later check reports, instead of being papered over by new entries under old numbers.
 */
export async function skipCutSeqs(trx: Trx, toSeq: number): Promise<void> {
  // The counter may have been set to NULL or its row deleted along with the entries: then it is written afresh.
  const { numAffectedRows } = await sql`update sqlite_sequence set seq = ${toSeq} where name = 'journal' and (seq is null or seq < ${toSeq})`.execute(trx);
  if (Number(numAffectedRows ?? 0) > 0 || (await lastAssignedSeq(trx)) >= toSeq) return;
  await sql`delete from sqlite_sequence where name = 'journal'`.execute(trx);
  await sql`insert into sqlite_sequence (name, seq) values ('journal', ${toSeq})`.execute(trx);
}

/** The heads written on shift handovers (migration 0032), newest first; `limit` for start-up, all for a full check. */
export async function handoverCheckpoints(db: Db | Trx, limit?: number): Promise<JournalCheckpoint[]> {
  let q = db
    .selectFrom('shift_handover')
    .select(['journal_seq', 'journal_hash', 'created_at'])
    .where('journal_seq', 'is not', null)
    .orderBy('seq', 'desc');
  if (limit !== undefined) q = q.limit(limit);
  const rows = await q.execute();
  return rows.map((r) => ({ seq: r.journal_seq!, hash: r.journal_hash ?? '', at: r.created_at, reason: 'handover' as const }));
}
