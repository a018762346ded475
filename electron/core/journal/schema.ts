// The journal table as Kysely sees it.
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

export interface JournalTables {
  journal: JournalTable;
}
