// Binds the backups contract's methods to the backup services (the core running on sound data).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupOverview, BackupRun, backupsContract } from '../../../shared/contract/backups';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { toErrorData } from '../to-error-data';
import type { BackupAlarmState } from './backup-alarm';
import { backupNameAt, listBackups, requireFolder } from './backup-folder';
import { nextSlot } from './backup-schedule';
import { readBackupSettings, writeBackupSettings } from './backup-settings';
import { makeBackup } from './make-backup';
import { readKeys, sealRecoveryKit } from './recovery-kit';
import { scheduleRestart } from './recovery-api';
import { checkRestoreChoice, stageCheckedRestore } from './restore-request';

export interface BackupsApiDeps {
  consoleVersion: string;
  raiseAlarm(state: BackupAlarmState, at: number): Promise<void>;
  restart: (() => void) | null;
}

type BackupMethods = Exclude<keyof typeof backupsContract, `recovery.${string}`>;

export function backupsApi(ctx: CoreContext, deps: BackupsApiDeps): Handlers<BackupMethods> {
  return {
    'backups.overview': async (): Promise<BackupOverview> => {
      const settings = readBackupSettings(ctx.dataDir);
      let backups: BackupOverview['backups'] = [];
      let folderError: string | null = null;
      if (settings.folder) {
        try {
          backups = await listBackups(settings.folder, ctx.journalKey);
        } catch (err) {
          folderError = toErrorData(err).code;
        }
      }
      const rows = await ctx.db.selectFrom('backup_run').selectAll().orderBy('started_at', 'desc').limit(20).execute();
      const runs: BackupRun[] = rows.map((r) => ({
        id: r.id,
        trigger: r.trigger,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        ok: r.ok === 1,
        name: r.name,
        folder: r.folder,
        totalBytes: r.total_bytes,
        error: r.error,
      }));
      const nextDueAt = settings.enabled && settings.folder ? nextSlot(ctx.clock.now(), settings.hour) : null;
      return { settings, backups, folderError, runs, nextDueAt };
    },
    'backups.saveSettings': async (args, call) => {
      const before = readBackupSettings(ctx.dataDir);
      await inTransaction(ctx, async (_trx, journal) => {
        await journal({ type: 'backup.settings_changed', entityType: 'backup', entityId: 'settings', payload: { before, after: args }, operator: call.operator });
      });
      writeBackupSettings(ctx.dataDir, args);
      return args;
    },
    'backups.run': async (_args, call) => {
      const settings = readBackupSettings(ctx.dataDir);
      try {
        const made = await makeBackup(ctx, settings, { trigger: 'manual', operator: call.operator, consoleVersion: deps.consoleVersion });
        await deps.raiseAlarm({ kind: 'good' }, ctx.clock.now());
        return made;
      } catch (err) {
        if (settings.folder) await deps.raiseAlarm({ kind: 'failed', error: toErrorData(err).code, folder: settings.folder }, ctx.clock.now());
        throw err;
      }
    },
    'backups.exportRecoveryKit': async (args, call) => {
      await requireFolder(args.folder);
      const now = ctx.clock.now();
      const path = join(args.folder, `duty-console-recovery-kit-${backupNameAt(now).slice('duty-console-'.length)}.json`);
      await writeFile(path, sealRecoveryKit(readKeys(ctx.dataDir), args.passphrase, now), { flag: 'wx', mode: 0o600 });
      await inTransaction(ctx, async (_trx, journal) => {
        await journal({ type: 'backup.recovery_kit_exported', entityType: 'backup', entityId: 'recovery-kit', payload: { path }, operator: call.operator });
      });
      return { path };
    },
    'backups.restore': async (args, call) => {
      const checked = await checkRestoreChoice(ctx.dataDir, args);
      await inTransaction(ctx, async (_trx, journal) => {
        await journal({
          type: 'backup.restore_requested',
          entityType: 'backup',
          entityId: checked.manifest.name,
          payload: { backupDir: checked.backupDir, withKit: checked.kitKeys !== null, journalSeq: checked.manifest.journalHead.seq },
          operator: call.operator,
        });
      });
      stageCheckedRestore(ctx.dataDir, checked, call.operator, ctx.clock.now());
      return scheduleRestart(deps.restart, checked.manifest.name);
    },
  };
}
