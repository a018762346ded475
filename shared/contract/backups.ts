// Backups of the console's own data: settings, runs, the copies in the chosen folder, the recovery kit, restore.
import { z } from 'zod';
import { command, query } from './define';

/** A folder on this machine (a USB stick, a mounted network share): an absolute path. */
const folderPath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'backup_folder_not_absolute');
/** A backup's folder name inside the backup folder, as the console names them. */
const backupName = z.string().regex(/^duty-console-\d{8}-\d{6}$/, 'backup_name_invalid');
const passphrase = z.string().min(12, 'recovery_passphrase_too_short').max(200);

export const backupSettingsSchema = z.object({
  /** Scheduled backups on or off; a backup on demand works either way once a folder is set. */
  enabled: z.boolean(),
  /** '' = not chosen yet. */
  folder: z.union([z.literal(''), folderPath]),
  /** Hour of the day (local time, 0–23) the daily backup is due from. */
  hour: z.number().int().min(0).max(23),
  /** Rotation: the newest backup of each of the last N days, ISO weeks and months is kept. */
  keepDaily: z.number().int().min(1).max(60),
  keepWeekly: z.number().int().min(0).max(52),
  keepMonthly: z.number().int().min(0).max(120),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = { enabled: true, folder: '', hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };

export interface BackupFileEntry {
  /** Relative to the backup's folder, with forward slashes. */
  path: string;
  size: number;
  sha256: string;
}

/** manifest.json of one backup. */
export interface BackupManifest {
  format: 'duty-console-backup';
  formatVersion: 1;
  name: string;
  createdAt: number;
  consoleVersion: string;
  /** The journal's newest entry in the copy. */
  journalHead: { seq: number; hash: string };
  /** Which journal key the copy's chain is keyed with (a fingerprint, never the key): another one needs the recovery kit. */
  journalKeyId: string;
  files: BackupFileEntry[];
}

export interface BackupSummary {
  name: string;
  createdAt: number;
  totalBytes: number;
  fileCount: number;
  journalSeq: number;
  /** False when this console's journal key is not the one the backup was made under: restoring needs the recovery kit. */
  sameKey: boolean;
}

export interface BackupRun {
  id: string;
  trigger: 'scheduled' | 'manual';
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  name: string | null;
  folder: string;
  totalBytes: number;
  /** The error's code and its first words when it failed. */
  error: string | null;
}

export interface BackupOverview {
  settings: BackupSettings;
  /** Newest first; empty when no folder is set or it cannot be read now (see folderError). */
  backups: BackupSummary[];
  folderError: string | null;
  /** The latest runs, newest first. */
  runs: BackupRun[];
  /** When the next scheduled backup is due (null: schedule off or no folder). */
  nextDueAt: number | null;
}

export interface RestoreStaged {
  name: string;
  /** True: the console restarts on the restored data right after answering; false: at its next start. */
  restarting: boolean;
}

export interface RecoveryBackupList {
  folder: string;
  backups: BackupSummary[];
  folderError: string | null;
}

const restoreKit = {
  /** The recovery kit's file, needed when the backup was made under other keys (a new PC). */
  kitPath: z.string().trim().max(1000).optional(),
  passphrase: z.string().max(200).optional(),
};

export const backupsContract = {
  'backups.overview': query<BackupOverview>()(z.object({})),
  'backups.saveSettings': command<BackupSettings>()(backupSettingsSchema),
  /** A backup now, to the configured folder: copied, verified on the copy, rotated. */
  'backups.run': command<BackupSummary>()(z.object({})),
  /** Writes the keys, sealed with the passphrase, to a file in `folder`; returns its path. */
  'backups.exportRecoveryKit': command<{ path: string }>()(z.object({ folder: folderPath, passphrase })),
  /** From Settings (an administrator signed in): verifies the backup, keeps the current file aside, restarts on it. */
  'backups.restore': command<RestoreStaged>()(z.object({ folder: folderPath.optional(), name: backupName, ...restoreKit })),
  /**
   * The damaged-database screen (nobody can sign in): answered only while the core could not open its data. The
   * backup folder is the configured one unless given.
   */
  'recovery.backups': query<RecoveryBackupList>()(z.object({ folder: folderPath.optional() })),
  /** Ditto; the login and password of an administrator are checked against the backup being restored. */
  'recovery.restore': command<RestoreStaged>()(
    z.object({ folder: folderPath.optional(), name: backupName, login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200), ...restoreKit }),
  ),
};
