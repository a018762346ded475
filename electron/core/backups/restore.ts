// Restore in two steps. Staging (the console running, or on its damaged-database screen): the backup is verified
// and a note left in the data folder. Applying (the next start, before the database is opened): verified again,
// the current files moved aside, the backup's copied in. The restart in between is the transport's (core.ts).
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/app-error';
import type { BackupManifest } from '../../../shared/contract/backups';
import { databaseFileName } from '../db/database-file';
import { secretKeyFileName } from '../devices/secret-box';
import { attachmentsFolder } from '../incidents/incident-attachments';
import { checkpointFileName, readCheckpointFile, writeCheckpointFile } from '../journal/checkpoint-file';
import { journalKeyFileName } from '../journal/journal-key';
import { toErrorData } from '../to-error-data';
import { checkCopy } from './backup-copy';
import { backupAttachmentsFolder, backupDatabaseFile, checkManifestFiles, keyId, readManifest } from './backup-manifest';
import { backupNameAt } from './backup-folder';
import type { RecoveryKeys } from './recovery-kit';

const pendingFileName = 'restore-pending.json';
const noteFileName = 'restore-done.json';
const stagedKeySuffix = '.restore';
export const setAsideFolder = 'set-aside';

const pendingSchema = z.object({ backupDir: z.string(), name: z.string(), operator: z.string(), stagedAt: z.number(), withKit: z.boolean() });
type PendingRestore = z.infer<typeof pendingSchema>;

/** What the start that applied a restore journals once the database is open. */
export interface RestoreNote {
  ok: boolean;
  name: string;
  backupDir: string;
  operator: string;
  /** Where the files replaced were moved (null when the restore was not applied). */
  setAsideDir: string | null;
  journalSeq: number | null;
  withKit: boolean;
  error: string | null;
}

/**
 * The backup in `backupDir` is whole (every file's SHA-256 as its manifest says), its database passes the integrity
 * check and its journal verifies under `journalKey`. AppError `backup_needs_recovery_kit` when it was made under
 * another journal key (restoring on a new PC without the kit).
 */
export async function verifyBackup(backupDir: string, journalKey: Buffer): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir);
  if (manifest.journalKeyId !== keyId(journalKey)) throw new AppError('backup_needs_recovery_kit', 'backup_needs_recovery_kit', { name: manifest.name });
  await checkManifestFiles(backupDir, manifest);
  await checkCopy(join(backupDir, backupDatabaseFile), journalKey, readCheckpointFile(backupDir));
  return manifest;
}

function writeSynced(path: string, content: string | Buffer, mode = 0o600): void {
  const fd = openSync(path, 'w', mode);
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Leaves the note the next start applies; with the kit's keys, they wait beside the current ones until then. */
export function stageRestore(dataDir: string, pending: Omit<PendingRestore, 'withKit'>, kitKeys: RecoveryKeys | null): void {
  if (kitKeys) {
    writeSynced(join(dataDir, journalKeyFileName + stagedKeySuffix), kitKeys.journalKey);
    if (kitKeys.secretKey) writeSynced(join(dataDir, secretKeyFileName + stagedKeySuffix), kitKeys.secretKey);
  }
  writeSynced(join(dataDir, pendingFileName), JSON.stringify({ ...pending, withKit: kitKeys !== null }));
}

function readPending(dataDir: string): PendingRestore | null {
  const path = join(dataDir, pendingFileName);
  if (!existsSync(path)) return null;
  try {
    return pendingSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

function clearPending(dataDir: string): void {
  for (const f of [pendingFileName, journalKeyFileName + stagedKeySuffix, secretKeyFileName + stagedKeySuffix]) rmSync(join(dataDir, f), { force: true });
}

/**
 * Applies a staged restore (call before the database is opened). The backup is verified again (it may have changed
 * since it was picked); if it fails, nothing in the data folder is touched. Returns the note to journal, or null
 * when no restore was staged.
 */
export async function applyPendingRestore(dataDir: string, now: number): Promise<RestoreNote | null> {
  const pending = readPending(dataDir);
  if (!pending) {
    clearPending(dataDir);
    return null;
  }
  const stagedJournalKey = join(dataDir, journalKeyFileName + stagedKeySuffix);
  const note: RestoreNote = { ok: false, name: pending.name, backupDir: pending.backupDir, operator: pending.operator, setAsideDir: null, journalSeq: null, withKit: pending.withKit, error: null };
  try {
    const journalKey = readFileSync(pending.withKit ? stagedJournalKey : join(dataDir, journalKeyFileName));
    const manifest = await verifyBackup(pending.backupDir, journalKey);
    const aside = join(dataDir, setAsideFolder, `before-restore-${backupNameAt(now).slice('duty-console-'.length)}`);
    mkdirSync(aside, { recursive: true });
    // The current files go aside, never deleted: whatever the damaged file still holds can be looked at later.
    const moved = [databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`, checkpointFileName, 'clean-shutdown.json'];
    if (pending.withKit) moved.push(journalKeyFileName, secretKeyFileName);
    for (const f of moved) if (existsSync(join(dataDir, f))) renameSync(join(dataDir, f), join(aside, f));
    if (pending.withKit) {
      for (const f of [journalKeyFileName, secretKeyFileName]) {
        const staged = join(dataDir, f + stagedKeySuffix);
        if (existsSync(staged)) {
          renameSync(staged, join(dataDir, f));
          chmodSync(join(dataDir, f), 0o600);
        }
      }
    }
    const temporary = join(dataDir, `${databaseFileName}.restoring`);
    copyFileSync(join(pending.backupDir, backupDatabaseFile), temporary);
    const fd = openSync(temporary, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, join(dataDir, databaseFileName));
    copyMissingAttachments(join(pending.backupDir, backupAttachmentsFolder), join(dataDir, attachmentsFolder));
    // The checkpoints saved with the backup, and its head: the journal now ends there, which is no cut.
    const record = readCheckpointFile(pending.backupDir);
    if (record) {
      writeCheckpointFile(dataDir, {
        keyedFrom: record.keyedFrom,
        checkpoints: [...record.checkpoints, { ...manifest.journalHead, at: now, reason: 'backup' as const }].slice(-20),
      });
    }
    note.ok = true;
    note.setAsideDir = aside;
    note.journalSeq = manifest.journalHead.seq;
  } catch (err) {
    const error = toErrorData(err);
    note.error = `${error.code}${error.params.detail ? `: ${String(error.params.detail).slice(0, 200)}` : ''}`;
  }
  clearPending(dataDir);
  writeSynced(join(dataDir, noteFileName), JSON.stringify(note));
  return note;
}

/** Attachments are stored by their SHA-256: a file of the same name is the same file. */
function copyMissingAttachments(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const item of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, item.name);
    const target = join(to, item.name);
    if (item.isDirectory()) copyMissingAttachments(source, target);
    else if (item.isFile() && !existsSync(target)) copyFileSync(source, target);
  }
}

/** The note of a restore applied at this start (or an earlier one whose journal entry was not written yet). */
export function readRestoreNote(dataDir: string): RestoreNote | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, noteFileName), 'utf8')) as RestoreNote;
  } catch {
    return null;
  }
}

export function clearRestoreNote(dataDir: string): void {
  rmSync(join(dataDir, noteFileName), { force: true });
}
