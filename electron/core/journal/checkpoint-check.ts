// Compares the journal's end with what was written down about it: SQLite's seq counter and the checkpoints.
import type { ChainBreak, JournalCheckpoint, JournalHead } from '../../../shared/contract/journal';
import type { Db } from '../db/database';
import { entryAtSeq, lastAssignedSeq, missingAround } from './chain-rows';

/** The checkpoint furthest along (the later one of equal seqs): the one a cut is measured against. */
export function furthestCheckpoint(checkpoints: readonly JournalCheckpoint[]): JournalCheckpoint | null {
  let best: JournalCheckpoint | null = null;
  for (const c of checkpoints) if (!best || c.seq > best.seq || (c.seq === best.seq && c.at >= best.at)) best = c;
  return best;
}

/**
 * What is wrong with the journal's end, if anything: entries deleted off the end (the seq counter is ahead), a head
 * behind a checkpoint (cut, even with the counter set back), an entry at a checkpoint's seq gone (the gap a cut
 * leaves once the journal goes on) or not the one written down (history rewritten, even by someone holding the key).
 */
export async function endBreak(db: Db, head: JournalHead, checkpoints: readonly JournalCheckpoint[]): Promise<ChainBreak | null> {
  const assigned = await lastAssignedSeq(db);
  const furthest = furthestCheckpoint(checkpoints);
  if (furthest && furthest.seq > head.seq) {
    return { reason: 'cut', seq: head.seq + 1, id: null, missing: { fromSeq: head.seq + 1, toSeq: Math.max(furthest.seq, assigned) }, checkpoint: furthest };
  }
  if (assigned > head.seq) return { reason: 'seq_gap', seq: head.seq + 1, id: null, missing: { fromSeq: head.seq + 1, toSeq: assigned } };
  const bySeq = [...checkpoints].sort((a, b) => a.seq - b.seq);
  for (const checkpoint of bySeq) {
    if (checkpoint.seq === 0) continue;
    const entry = await entryAtSeq(db, checkpoint.seq);
    if (!entry) {
      const missing = await missingAround(db, checkpoint.seq);
      return { reason: 'seq_gap', seq: missing.fromSeq, id: null, missing, checkpoint };
    }
    if (entry.hash !== checkpoint.hash) return { reason: 'checkpoint_mismatch', seq: checkpoint.seq, id: entry.id, checkpoint };
  }
  return null;
}
