// The operators' tables as Kysely sees them (created by migration 0012).
import type { OperatorRole } from '../../../shared/domain/operators/operator-roles';

export interface OperatorTable {
  id: string;
  /** Unique without regard to case (collate nocase). */
  name: string;
  display_name: string;
  role: OperatorRole;
  /** scrypt with its parameters and per-operator salt; see password-hash.ts. Never the password. */
  password_hash: string;
  disabled: number;
  /** Consecutive failed logins since the last success or lock-out. */
  failed_logins: number;
  /** Epoch ms until which logins are refused after too many failures; null when not locked. */
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

/** One console setting per row; the value is JSON. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface OperatorTables {
  operator: OperatorTable;
  setting: SettingTable;
}
