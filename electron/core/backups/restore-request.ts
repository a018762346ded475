// Picking a backup to restore, from Settings or from the damaged-database screen: the keys it needs (this console's,
// or the recovery kit's), the backup verified under them, the restore staged for the next start.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/app-error';
import type { BackupManifest } from '../../../shared/contract/backups';
import { journalKeyFileName } from '../journal/journal-key';
import { readBackupSettings } from './backup-settings';
import { openRecoveryKit, type RecoveryKeys } from './recovery-kit';
import { stageRestore, verifyBackup } from './restore';

export interface RestoreChoice {
  folder?: string | undefined;
  name: string;
  kitPath?: string | undefined;
  passphrase?: string | undefined;
}

export interface CheckedRestore {
  backupDir: string;
  manifest: BackupManifest;
  kitKeys: RecoveryKeys | null;
}

/** The backup folder asked for, or the configured one; AppError `backup_folder_not_set` when neither. */
export function backupFolderOf(dataDir: string, folder: string | undefined): string {
  const chosen = folder ?? readBackupSettings(dataDir).folder;
  if (!chosen) throw new AppError('backup_folder_not_set', 'backup_folder_not_set');
  return chosen;
}

/** Opens the kit if one is given, and verifies the backup under its keys or this console's journal key. */
export async function checkRestoreChoice(dataDir: string, choice: RestoreChoice): Promise<CheckedRestore> {
  const backupDir = join(backupFolderOf(dataDir, choice.folder), choice.name);
  let kitKeys: RecoveryKeys | null = null;
  if (choice.kitPath) {
    const text = await readFile(choice.kitPath, 'utf8').catch(() => {
      throw new AppError('recovery_kit_invalid', 'recovery_kit_invalid', { path: choice.kitPath ?? '' });
    });
    kitKeys = openRecoveryKit(text, choice.passphrase ?? '');
  }
  const journalKey = kitKeys?.journalKey ?? (await readFile(join(dataDir, journalKeyFileName)).catch(() => Buffer.alloc(0)));
  const manifest = await verifyBackup(backupDir, journalKey);
  return { backupDir, manifest, kitKeys };
}

export function stageCheckedRestore(dataDir: string, checked: CheckedRestore, operator: string, at: number): void {
  stageRestore(dataDir, { backupDir: checked.backupDir, name: checked.manifest.name, operator, stagedAt: at }, checked.kitKeys);
}
