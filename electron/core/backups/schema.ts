// The backups' table as Kysely sees it (created by migration 0090): one row per backup run, good or failed.
export interface BackupRunTable {
  id: string;
  trigger: 'scheduled' | 'manual';
  started_at: number;
  finished_at: number;
  ok: 0 | 1;
  name: string | null;
  folder: string;
  total_bytes: number;
  error: string | null;
}

export interface BackupTables {
  backup_run: BackupRunTable;
}
