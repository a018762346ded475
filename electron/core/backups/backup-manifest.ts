// manifest.json: what one backup holds (every file with its size and SHA-256), when it was made, the journal's head.
import { createHmac } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/app-error';
import type { BackupFileEntry, BackupManifest } from '../../../shared/contract/backups';
import { sha256OfFile } from './file-digest';

export const manifestFileName = 'manifest.json';
export const backupDatabaseFile = 'duty-console.sqlite';
export const backupCheckpointFile = 'journal-checkpoints.json';
export const backupAttachmentsFolder = 'attachments';

const manifestSchema = z.object({
  format: z.literal('duty-console-backup'),
  formatVersion: z.literal(1),
  name: z.string(),
  createdAt: z.number().int(),
  consoleVersion: z.string(),
  journalHead: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  journalKeyId: z.string(),
  files: z.array(z.object({ path: z.string().min(1), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

/** Names a key without giving it away: an HMAC of a fixed label under it. */
export function keyId(key: Buffer): string {
  return createHmac('sha256', key).update('duty-console key id').digest('hex').slice(0, 32);
}

/** Every file under `dir` (recursively) but the manifest, with size and SHA-256. */
export async function describeFiles(dir: string): Promise<BackupFileEntry[]> {
  const entries: BackupFileEntry[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const item of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, item.name);
      if (item.isDirectory()) await walk(full);
      else if (item.isFile() && full !== join(dir, manifestFileName)) {
        entries.push({ path: relative(dir, full).split(sep).join('/'), size: (await stat(full)).size, sha256: await sha256OfFile(full) });
      }
    }
  };
  await walk(dir);
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

/** The manifest of the backup in `dir`; AppError `backup_manifest_invalid` when it is missing or not one. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, manifestFileName), 'utf8'));
  } catch (err) {
    throw new AppError('backup_manifest_invalid', 'backup_manifest_invalid', { dir, detail: (err as Error).message });
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new AppError('backup_manifest_invalid', 'backup_manifest_invalid', { dir, detail: result.error.issues[0]?.message ?? '' });
  return result.data;
}

/**
 * Every file the manifest names is there with its size and SHA-256, and nothing names a path outside the backup.
 * AppError `backup_file_mismatch` naming the first file that is not.
 */
export async function checkManifestFiles(dir: string, manifest: BackupManifest): Promise<void> {
  if (!manifest.files.some((f) => f.path === backupDatabaseFile)) {
    throw new AppError('backup_file_mismatch', 'backup_file_mismatch', { dir, file: backupDatabaseFile, detail: 'missing' });
  }
  for (const file of manifest.files) {
    const full = join(dir, file.path);
    if (file.path.includes('..') || relative(dir, full).startsWith('..')) {
      throw new AppError('backup_file_mismatch', 'backup_file_mismatch', { dir, file: file.path, detail: 'outside' });
    }
    let size: number;
    try {
      size = (await stat(full)).size;
    } catch {
      throw new AppError('backup_file_mismatch', 'backup_file_mismatch', { dir, file: file.path, detail: 'missing' });
    }
    if (size !== file.size || (await sha256OfFile(full)) !== file.sha256) {
      throw new AppError('backup_file_mismatch', 'backup_file_mismatch', { dir, file: file.path, detail: 'changed' });
    }
  }
}
