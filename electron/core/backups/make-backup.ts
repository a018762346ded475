// A backup while the console runs: the database snapshot and the attachments into a folder of its own, checked on
// the copy, described by a manifest, then renamed into place; older backups rotated away.
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/app-error';
import type { BackupManifest, BackupSettings, BackupSummary } from '../../../shared/contract/backups';
import type { CoreContext } from '../context';
import { databaseFileName } from '../db/database-file';
import { attachmentsFolder } from '../incidents/incident-attachments';
import { readCheckpointFile } from '../journal/checkpoint-file';
import { writeJournalCheckpoint } from '../journal/journal-checkpoints';
import { inTransaction } from '../journal/service';
import { toErrorData } from '../to-error-data';
import { checkCopy, snapshotDatabase } from './backup-copy';
import { backupNameAt, listBackups, requireFolder, summaryOf } from './backup-folder';
import {
  backupAttachmentsFolder,
  backupCheckpointFile,
  backupDatabaseFile,
  describeFiles,
  keyId,
  manifestFileName,
} from './backup-manifest';
import { backupsToDelete } from './backup-rotation';

export interface BackupRequest {
  trigger: 'scheduled' | 'manual';
  operator: string;
  consoleVersion: string;
}

/**
 * Makes one backup into `settings.folder` and records the run (good or failed) in backup_run and the journal. A
 * failure leaves no half-made backup behind and is thrown as an AppError for the caller (and the alarm) to show.
 */
export async function makeBackup(ctx: CoreContext, settings: BackupSettings, request: BackupRequest): Promise<BackupSummary> {
  const startedAt = ctx.clock.now();
  const folder = settings.folder;
  let partial: string | null = null;
  try {
    if (!folder) throw new AppError('backup_folder_not_set', 'backup_folder_not_set');
    await requireFolder(folder);
    const name = backupNameAt(startedAt);
    const target = join(folder, name);
    if (existsSync(target)) throw new AppError('backup_exists', 'backup_exists', { name });
    partial = `${target}.partial`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    // The checkpoints are read before the snapshot: every one of them is then at or before the copy's head.
    const record = readCheckpointFile(ctx.dataDir);
    if (record) await writeFile(join(partial, backupCheckpointFile), `${JSON.stringify(record, null, 1)}\n`);
    await snapshotDatabase(join(ctx.dataDir, databaseFileName), join(partial, backupDatabaseFile));
    const attachments = join(ctx.dataDir, attachmentsFolder);
    if (existsSync(attachments)) await cp(attachments, join(partial, backupAttachmentsFolder), { recursive: true, filter: (src) => !src.endsWith('.partial') });
    const checked = await checkCopy(join(partial, backupDatabaseFile), ctx.journalKey, record);
    const manifest: BackupManifest = {
      format: 'duty-console-backup',
      formatVersion: 1,
      name,
      createdAt: startedAt,
      consoleVersion: request.consoleVersion,
      journalHead: checked.journalHead,
      journalKeyId: keyId(ctx.journalKey),
      files: await describeFiles(partial),
    };
    await writeFile(join(partial, manifestFileName), `${JSON.stringify(manifest, null, 1)}\n`);
    await rename(partial, target);
    partial = null;
    const summary = summaryOf(manifest, ctx.journalKey);
    await recordRun(ctx, request, { startedAt, ok: true, name, folder, totalBytes: summary.totalBytes, error: null });
    await writeJournalCheckpoint(ctx, 'backup');
    await rotate(ctx, settings, request.operator);
    return summary;
  } catch (err) {
    if (partial) await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    const error = toErrorData(err);
    const detail = `${error.code}${error.params.detail ? `: ${String(error.params.detail).slice(0, 200)}` : ''}`;
    await recordRun(ctx, request, { startedAt, ok: false, name: null, folder, totalBytes: 0, error: detail }).catch(() => undefined);
    throw err;
  }
}

interface RunOutcome {
  startedAt: number;
  ok: boolean;
  name: string | null;
  folder: string;
  totalBytes: number;
  error: string | null;
}

async function recordRun(ctx: CoreContext, request: BackupRequest, outcome: RunOutcome): Promise<void> {
  const id = ctx.newId();
  await inTransaction(ctx, async (trx, journal) => {
    await trx
      .insertInto('backup_run')
      .values({
        id,
        trigger: request.trigger,
        started_at: outcome.startedAt,
        finished_at: ctx.clock.now(),
        ok: outcome.ok ? 1 : 0,
        name: outcome.name,
        folder: outcome.folder,
        total_bytes: outcome.totalBytes,
        error: outcome.error,
      })
      .execute();
    await journal({
      type: outcome.ok ? 'backup.made' : 'backup.failed',
      entityType: 'backup',
      entityId: id,
      payload: { trigger: request.trigger, name: outcome.name, folder: outcome.folder, totalBytes: outcome.totalBytes, error: outcome.error },
      operator: request.operator,
    });
  });
}

/** Deletes what the rotation does not keep; journaled. Only folders this console named and finished are touched. */
async function rotate(ctx: CoreContext, settings: BackupSettings, operator: string): Promise<void> {
  const backups = await listBackups(settings.folder, ctx.journalKey);
  const doomed = backupsToDelete(backups, settings);
  if (doomed.length === 0) return;
  for (const name of doomed) await rm(join(settings.folder, name), { recursive: true, force: true });
  await inTransaction(ctx, async (_trx, journal) => {
    await journal({ type: 'backup.rotated', entityType: 'backup', entityId: 'rotation', payload: { folder: settings.folder, deleted: doomed }, operator });
  });
}
