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

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not hold, if any. */
  broken: { seq: number; id: string; reason: 'hash_mismatch' | 'link_mismatch' } | null;
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
