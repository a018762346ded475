// The duty log's tables as Kysely sees them (created by migration 0013).
import type { Generated } from 'kysely';
import type { DutyEntryKind } from '../../../shared/contract/duty';

export interface DutyLogEntryTable {
  seq: Generated<number>;
  id: string;
  kind: DutyEntryKind;
  at: number;
  text: string;
  operator: string;
  /** The handover that closed the entry's shift; null while the shift is open. */
  handover_id: string | null;
  created_at: number;
}

export interface ShiftHandoverTable {
  seq: Generated<number>;
  id: string;
  outgoing_operator: string;
  summary: string;
  notes: string;
  /** JSON array of HandoverIncident: the open incidents as they stood when the summary was written. */
  open_incidents: string;
  created_at: number;
  incoming_operator: string | null;
  confirmed_at: number | null;
  /** The journal's head when the summary was submitted (migration 0032); null on handovers from before. */
  journal_seq: number | null;
  journal_hash: string | null;
}

export interface DutyTables {
  duty_log_entry: DutyLogEntryTable;
  shift_handover: ShiftHandoverTable;
}
