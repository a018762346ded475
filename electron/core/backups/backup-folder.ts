// The backup folder an administrator picked: its finished backups (folders with a manifest), newest first.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/app-error';
import type { BackupManifest, BackupSummary } from '../../../shared/contract/backups';
import { keyId, readManifest } from './backup-manifest';

export const backupNamePattern = /^duty-console-\d{8}-\d{6}$/;

/** `duty-console-YYYYMMDD-HHMMSS`, in UTC so names sort by time whatever the machine's zone. */
export function backupNameAt(at: number): string {
  const iso = new Date(at).toISOString();
  return `duty-console-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** AppError `backup_folder_missing` when the folder is not there (a USB stick not plugged in, a share not mounted). */
export async function requireFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('backup_folder_missing', 'backup_folder_missing', { folder });
}

export function summaryOf(manifest: BackupManifest, journalKey: Buffer | null): BackupSummary {
  return {
    name: manifest.name,
    createdAt: manifest.createdAt,
    totalBytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    fileCount: manifest.files.length,
    journalSeq: manifest.journalHead.seq,
    sameKey: journalKey !== null && keyId(journalKey) === manifest.journalKeyId,
  };
}

/** The finished backups in `folder`, newest first; folders with no readable manifest are passed over. */
export async function listBackups(folder: string, journalKey: Buffer | null): Promise<BackupSummary[]> {
  await requireFolder(folder);
  const found: BackupSummary[] = [];
  for (const item of await readdir(folder, { withFileTypes: true })) {
    if (!item.isDirectory() || !backupNamePattern.test(item.name)) continue;
    const manifest = await readManifest(join(folder, item.name)).catch(() => null);
    if (manifest && manifest.name === item.name) found.push(summaryOf(manifest, journalKey));
  }
  return found.sort((a, b) => b.createdAt - a.createdAt);
}
