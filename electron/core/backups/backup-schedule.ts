// The daily backup while the console runs: due from the set hour, made once per day, tried again hourly after a
// failure; a failure or a backup overdue raises the console's backup alarm, the next good one restores it.
import type { BackupSettings } from '../../../shared/contract/backups';
import type { CoreContext } from '../context';
import { type PeriodicJob, startPeriodicJob } from '../periodic-job';
import { toErrorData } from '../to-error-data';
import { type BackupAlarmState, backupConditionKey, consoleAlarmSource } from './backup-alarm';
import { readBackupSettings } from './backup-settings';
import { makeBackup } from './make-backup';

/** No good backup for this long (a day and a half) while scheduled: overdue, whatever the reason. */
export const backupOverdueMs = 36 * 3_600_000;
/** A failed scheduled backup is tried again after this long (not every check: a missing USB stick stays missing). */
export const backupRetryMs = 3_600_000;
export const systemOperator = 'system';

/** The latest time the daily backup fell due at or before `now` (local time): today's hour, or yesterday's. */
export function lastSlot(now: number, hour: number): number {
  const d = new Date(now);
  d.setHours(hour, 0, 0, 0);
  if (d.getTime() > now) d.setDate(d.getDate() - 1);
  return d.getTime();
}

/** The next time the daily backup falls due after `now`. */
export function nextSlot(now: number, hour: number): number {
  const d = new Date(lastSlot(now, hour));
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

export interface BackupScheduleDeps {
  consoleVersion: string;
  raiseAlarm(state: BackupAlarmState, at: number): Promise<void>;
}

export interface BackupCheckOutcome {
  ran: boolean;
  ok: boolean | null;
}

/** One look: runs the scheduled backup if due, and sets the alarm from the outcome. */
export async function checkBackupSchedule(ctx: CoreContext, deps: BackupScheduleDeps): Promise<BackupCheckOutcome> {
  const settings: BackupSettings = readBackupSettings(ctx.dataDir);
  if (!settings.enabled || !settings.folder) return { ran: false, ok: null };
  const now = ctx.clock.now();
  const lastGood = await ctx.db.selectFrom('backup_run').select('started_at').where('ok', '=', 1).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  const lastRun = await ctx.db.selectFrom('backup_run').select(['started_at', 'ok']).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  // No good backup for a day and a half (the console was off at the hour, or every try failed): raised once, before
  // a catch-up backup that may then restore it.
  const firstRun = await ctx.db.selectFrom('backup_run').select('started_at').orderBy('started_at').limit(1).executeTakeFirst();
  const reference = lastGood?.started_at ?? firstRun?.started_at ?? null;
  if (reference !== null && now - reference > backupOverdueMs && !(await backupAlarmActive(ctx))) {
    await deps.raiseAlarm({ kind: 'missed', lastGoodAt: lastGood?.started_at ?? null, folder: settings.folder }, now);
  }
  const due = !lastGood || lastGood.started_at < lastSlot(now, settings.hour);
  const retryWait = lastRun && lastRun.ok === 0 && now - lastRun.started_at < backupRetryMs;
  if (!due || retryWait) return { ran: false, ok: null };
  try {
    await makeBackup(ctx, settings, { trigger: 'scheduled', operator: systemOperator, consoleVersion: deps.consoleVersion });
    await deps.raiseAlarm({ kind: 'good' }, ctx.clock.now());
    return { ran: true, ok: true };
  } catch (err) {
    await deps.raiseAlarm({ kind: 'failed', error: toErrorData(err).code, folder: settings.folder }, ctx.clock.now());
    return { ran: true, ok: false };
  }
}

/** Raised and not yet restored: an overdue backup is raised once, not at every look. */
async function backupAlarmActive(ctx: CoreContext): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('alarm')
    .select('id')
    .where('device_id', '=', consoleAlarmSource.deviceId)
    .where('condition_key', '=', backupConditionKey)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** Looks every `intervalMs` (a minute by default). */
export function startBackupSchedule(ctx: CoreContext, deps: BackupScheduleDeps, intervalMs: number): PeriodicJob {
  return startPeriodicJob('backup schedule', intervalMs, () => checkBackupSchedule(ctx, deps));
}
