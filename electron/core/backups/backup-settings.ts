// The backup settings live in a file beside the database, not in it: the damaged-database screen must still find
// the backup folder when the database cannot be opened.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupSettings, backupSettingsSchema, defaultBackupSettings } from '../../../shared/contract/backups';

export const backupSettingsFileName = 'backup-settings.json';

/** The saved settings; the defaults when none were saved. An unreadable file is reported, never silently replaced. */
export function readBackupSettings(dataDir: string): BackupSettings {
  let text: string;
  try {
    text = readFileSync(join(dataDir, backupSettingsFileName), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return defaultBackupSettings;
    throw err;
  }
  return backupSettingsSchema.parse({ ...defaultBackupSettings, ...(JSON.parse(text) as object) });
}

/** Atomic: temp file, fsync, rename. */
export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  const path = join(dataDir, backupSettingsFileName);
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(settings, null, 1)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
