// The journal's contract: entries as the UI sees them, and the chain check.
import { z } from 'zod';
import { query } from './define';

export interface JournalEntry {
  seq: number;
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  operator: string;
  at: number;
  prevHash: string;
  hash: string;
}

/** The last entry of the journal: its sequence number and hash (seq 0 and the genesis hash for an empty journal). */
export interface JournalHead {
  seq: number;
  hash: string;
}

/** Why the head was written down outside the database. `backup` and `upstream` are for the backup and sync to come. */
export type JournalCheckpointReason = 'keyed' | 'shutdown' | 'handover' | 'backup' | 'upstream';

/** The head as it stood at a moment, kept where editing the database file cannot reach it. */
export interface JournalCheckpoint extends JournalHead {
  at: number;
  reason: JournalCheckpointReason;
}

/**
 * How the chain fails to hold:
 * - `hash_mismatch`: the entry's content does not give its hash (edited, or its hash recomputed without the key);
 * - `link_mismatch`: the entry does not link to the one before (an entry before it deleted or replaced);
 * - `seq_gap`: sequence numbers are missing (`missing`) between two entries, or before the first;
 * - `cut`: the journal ends before a checkpoint (`checkpoint`): the entries in `missing` were cut off its end;
 * - `checkpoint_mismatch`: the entry at a checkpoint's seq is not the one written down: history was rewritten;
 * - `keying_mismatch`: where the keyed chain starts differs between the database and the record outside it;
 * - `checkpoints_missing`: the record outside the database is gone while the journal is keyed.
 */
export type ChainBreakReason =
  | 'hash_mismatch'
  | 'link_mismatch'
  | 'seq_gap'
  | 'cut'
  | 'checkpoint_mismatch'
  | 'keying_mismatch'
  | 'checkpoints_missing';

export interface ChainBreak {
  reason: ChainBreakReason;
  /** Where the chain stops holding: the entry found wrong, or the first one missing. */
  seq: number;
  /** The id of the entry at `seq`; null when that entry is missing. */
  id: string | null;
  /** `seq_gap` and `cut`: the sequence numbers missing, both ends included. */
  missing?: { fromSeq: number; toSeq: number };
  /** `cut` and `checkpoint_mismatch`: the checkpoint the journal disagrees with. */
  checkpoint?: JournalCheckpoint;
  /** `keying_mismatch`: the first keyed seq as the database and as the record outside it say (null: not there). */
  keyedFrom?: { database: number | null; outside: number | null };
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first place the chain does not hold, if any. */
  broken: ChainBreak | null;
  /** Entries 1 to this were recorded before the journal was keyed: checked with the older, unkeyed chain. 0: none. */
  unkeyedThrough: number;
  /** The newest checkpoint outside the database the journal was compared with; null before the first. */
  checkpoint: JournalCheckpoint | null;
}

export const journalContract = {
  'journal.list': query<JournalEntry[]>()(
    z.object({
      entityType: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      /** Entries whose type starts with this (`incident.` for every incident step). */
      typePrefix: z.string().max(64).optional(),
      operator: z.string().max(100).optional(),
      /** from ≤ at < to, epoch milliseconds. */
      from: z.number().int().min(0).optional(),
      to: z.number().int().min(0).optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'journal.verify': query<ChainCheck>()(z.object({})),
};
