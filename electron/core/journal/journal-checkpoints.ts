// Checkpoints of the journal's head outside the database: written at shutdown, handover and (to come) backup and
// sync; compared with the journal at every start.
import type { ChainBreak, JournalCheckpoint, JournalCheckpointReason } from '../../../shared/contract/journal';
import type { CoreContext } from '../context';
import { handoverCheckpoints, journalHead, keyedFromSeq, skipCutSeqs } from './chain-rows';
import { endBreak } from './checkpoint-check';
import { type CheckpointRecord, readCheckpointFile, withCheckpoint, writeCheckpointFile } from './checkpoint-file';
import { keyedEntryHash } from './hash-chain';
import { inTransaction } from './service';

/** Who the journal names for what start-up's check found. */
export const journalCheckOperator = 'system';

/**
 * Writes the journal's head to the checkpoint file (atomically: temp file, fsync, rename). Called at every clean
 * shutdown and handover; the backup and the upstream sync, once they exist, call it with 'backup' and 'upstream'
 * after each copy that left the machine. Call it after the commit whose head it records.
 */
export async function writeJournalCheckpoint(ctx: CoreContext, reason: JournalCheckpointReason): Promise<JournalCheckpoint> {
  const head = await journalHead(ctx.db);
  const checkpoint: JournalCheckpoint = { ...head, at: ctx.clock.now(), reason };
  const record = readCheckpointFile(ctx.dataDir) ?? (await freshRecord(ctx));
  writeCheckpointFile(ctx.dataDir, withCheckpoint(record, checkpoint));
  return checkpoint;
}

/** A record started from the database's keying row (first start after migration 0032, or a lost file). */
async function freshRecord(ctx: CoreContext): Promise<CheckpointRecord> {
  const keyedFrom = (await keyedFromSeq(ctx.db)) ?? (await journalHead(ctx.db)).seq + 1;
  return { keyedFrom, checkpoints: [] };
}

/**
 * Start-up's quick look (a handful of reads, whatever the journal's length): the keying row against the record
 * outside, the journal's end against the checkpoints and SQLite's counter, and the head's own keyed hash (a new or
 * swapped key file shows there). What it finds is journaled once and returned for the console to show; it never
 * stops the console, which must go on taking alarms. `keyCreated`: this start made the journal key.
 */
export async function checkJournalAtStart(ctx: CoreContext, keyCreated: boolean): Promise<ChainBreak | null> {
  const found = await startBreak(ctx, keyCreated);
  if (found) await journalBreakOnce(ctx, found);
  return found;
}

async function startBreak(ctx: CoreContext, keyCreated: boolean): Promise<ChainBreak | null> {
  const databaseKeyedFrom = await keyedFromSeq(ctx.db);
  const record = readCheckpointFile(ctx.dataDir);
  if (!record) {
    // The first start with a key writes the record; a record gone later is reported, then written again so the
    // checkpoints to come have a home.
    await writeJournalCheckpoint(ctx, 'keyed');
    if (!keyCreated) return { reason: 'checkpoints_missing', seq: databaseKeyedFrom ?? 1, id: null };
    return headBreak(ctx, databaseKeyedFrom ?? 1);
  }
  if (databaseKeyedFrom !== record.keyedFrom) {
    return { reason: 'keying_mismatch', seq: record.keyedFrom, id: null, keyedFrom: { database: databaseKeyedFrom, outside: record.keyedFrom } };
  }
  const head = await journalHead(ctx.db);
  const checkpoints = [...record.checkpoints, ...(await handoverCheckpoints(ctx.db, 1))];
  return (await headBreak(ctx, record.keyedFrom)) ?? endBreak(ctx.db, head, checkpoints);
}

/** The newest entry's hash under this start's key: a chain recomputed without the key, or a replaced key, fails it. */
async function headBreak(ctx: CoreContext, keyedFrom: number): Promise<ChainBreak | null> {
  const head = await ctx.db.selectFrom('journal').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!head || head.seq < keyedFrom) return null;
  if (keyedEntryHash(ctx.journalKey)(head) === head.hash) return null;
  return { reason: 'hash_mismatch', seq: head.seq, id: head.id };
}

/**
 * One journal entry per distinct finding: the same problem seen at every start is recorded the first time. After a
 * cut, the entries to come skip the missing seqs.
 */
async function journalBreakOnce(ctx: CoreContext, found: ChainBreak): Promise<void> {
  const payload = JSON.stringify(found);
  const earlier = await ctx.db
    .selectFrom('journal')
    .select('payload')
    .where('entity_type', '=', 'journal')
    .where('entity_id', '=', 'chain')
    .where('type', '=', 'journal.break_found')
    .execute();
  if (earlier.some((e) => e.payload === payload)) return;
  await inTransaction(ctx, async (trx, journal) => {
    if (found.reason === 'cut' && found.missing) await skipCutSeqs(trx, found.missing.toSeq);
    await journal({ type: 'journal.break_found', entityType: 'journal', entityId: 'chain', payload: found, operator: journalCheckOperator });
  });
}
