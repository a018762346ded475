// The full check of the journal: every entry in order against its hash and link, then its end against the checkpoints.
import type { ChainBreak, ChainCheck } from '../../../shared/contract/journal';
import type { Db } from '../db/database';
import { handoverCheckpoints, keyedFromSeq } from './chain-rows';
import type { CheckpointRecord } from './checkpoint-file';
import { endBreak, furthestCheckpoint } from './checkpoint-check';
import { entryHash, genesisHash, keyedEntryHash } from './hash-chain';

export interface VerifyOptions {
  batchSize?: number;
  /** Called after each batch: entries checked so far, and the chain's length when the check began. */
  onProgress?: (checked: number, total: number) => void;
}

/** What the check needs from outside the database: the key, and the checkpoint file's record (null: gone). */
export interface OutsideRecord {
  key: Buffer;
  record: CheckpointRecord | null;
}

/**
 * Walks the whole chain in order and names the first place it does not hold. Entries before the keyed chain's start
 * are checked with the older, unkeyed hash; that start is taken from the database only when the record outside it
 * agrees, so moving it in the file cannot turn keyed entries into unkeyed ones.
 */
export async function verifyChain(db: Db, outside: OutsideRecord, options: VerifyOptions = {}): Promise<ChainCheck> {
  const batchSize = options.batchSize ?? 5000;
  const total = options.onProgress
    ? Number((await db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0)
    : 0;
  const databaseKeyedFrom = await keyedFromSeq(db);
  const checkpoints = [...(outside.record?.checkpoints ?? []), ...(await handoverCheckpoints(db))];
  const keyedFrom = outside.record?.keyedFrom ?? databaseKeyedFrom ?? 1;
  let checked = 0;
  const result = (broken: ChainBreak | null): ChainCheck => ({
    ok: broken === null,
    checked,
    broken,
    unkeyedThrough: keyedFrom - 1,
    checkpoint: furthestCheckpoint(checkpoints),
  });
  if (!outside.record) return result({ reason: 'checkpoints_missing', seq: keyedFrom, id: null });
  if (databaseKeyedFrom !== outside.record.keyedFrom) {
    return result({ reason: 'keying_mismatch', seq: keyedFrom, id: null, keyedFrom: { database: databaseKeyedFrom, outside: outside.record.keyedFrom } });
  }

  const keyedHash = keyedEntryHash(outside.key);
  let prevHash = genesisHash;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db
      .selectFrom('journal')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return result({ reason: 'seq_gap', seq: expectedSeq, id: null, missing: { fromSeq: expectedSeq, toSeq: row.seq - 1 } });
      if (row.prev_hash !== prevHash) return result({ seq: row.seq, id: row.id, reason: 'link_mismatch' });
      const hash = row.seq < keyedFrom ? entryHash(row) : keyedHash(row);
      if (hash !== row.hash) return result({ seq: row.seq, id: row.id, reason: 'hash_mismatch' });
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      checked += 1;
    }
    options.onProgress?.(checked, Math.max(total, checked));
    if (rows.length < batchSize) break;
  }
  return result(await endBreak(db, { seq: expectedSeq - 1, hash: prevHash }, checkpoints));
}
