// The journal's tables as Kysely sees them.
import type { Generated } from 'kysely';

export interface JournalTable {
  seq: Generated<number>;
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  /** JSON text; the hash is taken over this exact text. */
  payload: string;
  operator: string;
  at: number;
  prev_hash: string;
  hash: string;
}

/** One row (migration 0032): the first seq whose hash is keyed; entries before it carry the older, unkeyed hash. */
export interface JournalKeyingTable {
  id: number;
  keyed_from_seq: number;
}

export interface JournalTables {
  journal: JournalTable;
  journal_keying: JournalKeyingTable;
}
