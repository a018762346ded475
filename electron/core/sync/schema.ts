// Upstream sync's tables as Kysely sees them (created by migration 0050, keyed by record by 0053): the settings, each
// journal entry's sync state (the outbox is the journal plus these rows), the record ↔ ticket link, the pull's cursor.
import type { SyncItemState, SyncRecordKind } from '../../../shared/contract/sync';

export interface SyncSettingsTable {
  /** Always 1: one upstream per console. */
  id: number;
  enabled: number;
  connector: string;
  url: string;
  project: string;
  site_name: string;
  ca_file_path: string;
  proxy_url: string;
  /** SyncMapping as JSON. */
  mapping: string;
  /** The API key sealed with the data folder's secret key (devices/secret-box.ts); never stored in clear. */
  api_key_sealed: string | null;
  updated_at: number;
}

export interface SyncItemTable {
  /** The journal entry's seq: the outbox order. */
  entry_seq: number;
  entry_id: string;
  /** The record the entry belongs to: its queue and its ticket (an escalation's entry is its incident's). */
  record_kind: SyncRecordKind;
  record_id: string;
  entry_type: string;
  state: SyncItemState;
  attempts: number;
  next_attempt_at: number | null;
  /** AppErrorData JSON. */
  last_error: string | null;
  parked_reason: string | null;
  parked_at: number | null;
  done_at: number | null;
}

export interface SyncTicketTable {
  record_kind: SyncRecordKind;
  record_id: string;
  ticket_id: number;
  created_at: number;
  /** The newest upstream journal (note, change) of this ticket already brought back. */
  last_upstream_journal: number;
}

export interface SyncCursorTable {
  key: string;
  value: string;
}

export interface SyncTables {
  sync_settings: SyncSettingsTable;
  sync_item: SyncItemTable;
  sync_ticket: SyncTicketTable;
  sync_cursor: SyncCursorTable;
}
