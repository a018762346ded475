// Backups while the console runs: a verified copy with its manifest in the chosen folder, the run journaled and
// checkpointed, rotation, the alarm for a failed or missed backup, the schedule.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackupSchedule } from '../../../../electron/core/backups/backup-schedule';
import { backupsToDelete } from '../../../../electron/core/backups/backup-rotation';
import { sha256OfFile } from '../../../../electron/core/backups/file-digest';
import type { Clock, CoreContext } from '../../../../electron/core/context';
import { databaseFileName } from '../../../../electron/core/core';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { readCheckpointFile } from '../../../../electron/core/journal/checkpoint-file';
import { openJournalKey } from '../../../../electron/core/journal/journal-key';
import type { BackupManifest } from '../../../../shared/contract/backups';
import { eventually } from '../../../support/eventually';
import { startTempCore, type TempCore, tempDir } from '../../../support/temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function coreWithBackupFolder(): Promise<{ t: TempCore; folder: string }> {
  const t = await startTempCore({ backupCheckIntervalMs: 0 });
  const folder = tempDir('duty-console-backups-');
  cleanups.push(() => t.close(), () => rmSync(folder, { recursive: true, force: true }));
  await t.call('backups.saveSettings', { enabled: true, folder, hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
  return { t, folder };
}

describe('a backup on demand', () => {
  it('copies the database while the console runs, verified and described by a manifest with every file’s SHA-256', async () => {
    const { t, folder } = await coreWithBackupFolder();
    for (const name of ['摄像机 1', '摄像机 2']) await t.call('assets.create', { name, systemId: 'cctv' });
    const made = await t.call('backups.run', {});
    const dir = join(folder, made.name);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.files.map((f) => f.path)).toContain('duty-console.sqlite');
    for (const f of manifest.files) expect(await sha256OfFile(join(dir, f.path))).toBe(f.sha256);
    // Keys are never in an ordinary backup.
    expect(existsSync(join(dir, 'journal.key'))).toBe(false);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    expect(manifest.journalHead.seq).toBeGreaterThan(0);
    // The copy is a database of its own, with the devices in it, and no WAL beside it.
    expect(existsSync(join(dir, 'duty-console.sqlite-wal'))).toBe(false);
    const overview = await t.call('backups.overview', {});
    expect(overview.backups).toEqual([expect.objectContaining({ name: made.name, sameKey: true })]);
    expect(overview.runs[0]).toMatchObject({ ok: true, trigger: 'manual', name: made.name });
    const journal = await t.call('journal.list', { typePrefix: 'backup.made' });
    expect(journal).toHaveLength(1);
    expect(readCheckpointFile(t.dataDir)?.checkpoints.at(-1)?.reason).toBe('backup');
  });

  it('fails with a clear code when the folder is not there, leaves nothing behind and raises the backup alarm; the next good one restores it', async () => {
    const { t, folder } = await coreWithBackupFolder();
    rmSync(folder, { recursive: true, force: true });
    const failed = await t.core.call('backups.run', {}, { operator: 'tester' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'backup_folder_missing' } });
    // Not made on the system disk instead of the stick.
    expect(existsSync(folder)).toBe(false);
    const raised = await eventually('the backup alarm', async () => (await t.call('alarms.list', { scope: 'active' })).items[0]);
    expect(raised).toMatchObject({ deviceId: 'console', eventCode: 'backup.failed', state: 'active' });
    expect((await t.call('backups.overview', {})).runs[0]).toMatchObject({ ok: false, error: 'backup_folder_missing' });
    mkdirSync(folder);
    await t.call('backups.run', {});
    // Restored; it stays in the list until someone acknowledges it.
    await eventually('the backup alarm restored', async () => (await t.call('alarms.list', { scope: 'all' })).items.find((a) => a.id === raised.id && a.state === 'restored'));
  });

  it('refuses settings with a relative folder, changing nothing', async () => {
    const { t, folder } = await coreWithBackupFolder();
    const refused = await t.core.call('backups.saveSettings', { enabled: true, folder: 'backups', hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }, { operator: 'tester' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await t.call('backups.overview', {})).settings.folder).toBe(folder);
  });
});

describe('the schedule', () => {
  it('makes the daily backup once it is due, once a day; a day and a half without one raises the overdue alarm', async () => {
    let now = new Date(2026, 11, 7, 1, 0).getTime();
    const t = await startTempCore({ backupCheckIntervalMs: 0, clock: { now: () => now } });
    const folder = tempDir('duty-console-backups-');
    cleanups.push(() => t.close(), () => rmSync(folder, { recursive: true, force: true }));
    await t.call('backups.saveSettings', { enabled: true, folder, hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    const alarms: string[] = [];
    const deps = { consoleVersion: 'test', raiseAlarm: async (s: { kind: string }) => void alarms.push(s.kind) };
    const ctxOf = await contextOf(t, { now: () => now });
    // 01:00: yesterday's 02:00 slot has no backup yet, so one is made now; then nothing until today's 02:00.
    expect(await checkBackupSchedule(ctxOf(), deps)).toEqual({ ran: true, ok: true });
    now += 1_000;
    expect(await checkBackupSchedule(ctxOf(), deps)).toEqual({ ran: false, ok: null });
    now = new Date(2026, 11, 7, 2, 0, 5).getTime();
    expect(await checkBackupSchedule(ctxOf(), deps)).toEqual({ ran: true, ok: true });
    // The stick is pulled: the next day's backup fails, and is not tried again every minute.
    rmSync(folder, { recursive: true, force: true });
    now = new Date(2026, 11, 8, 2, 0, 5).getTime();
    expect(await checkBackupSchedule(ctxOf(), deps)).toEqual({ ran: true, ok: false });
    now += 60_000;
    expect(await checkBackupSchedule(ctxOf(), deps)).toEqual({ ran: false, ok: null });
    // 38 hours after the last good one: overdue, and the hourly retry fails again.
    now = new Date(2026, 11, 8, 16, 0).getTime();
    expect(await checkBackupSchedule(ctxOf(), deps)).toEqual({ ran: true, ok: false });
    expect(alarms).toEqual(['good', 'good', 'failed', 'missed', 'failed']);
  });
});

describe('rotation', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    const day = 86_400_000;
    const start = new Date(2026, 0, 1, 3, 0).getTime();
    // Two backups a day for a year.
    const backups = Array.from({ length: 730 }, (_, i) => ({ name: `b${i}`, createdAt: start + Math.floor(i / 2) * day + (i % 2) * 3_600_000 }));
    const doomed = new Set(backupsToDelete(backups, { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }));
    const kept = backups.filter((b) => !doomed.has(b.name));
    // 7 days, plus weeks and months not already covered by a kept one.
    expect(kept.length).toBeGreaterThanOrEqual(7 + 3 + 11 - 2);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.map((b) => b.name)).toContain('b729');
    expect(kept.map((b) => b.name)).not.toContain('b728');
    const months = new Set(kept.map((b) => new Date(b.createdAt).getMonth()));
    expect(months.size).toBe(12);
  });
});

/** A context on the core's file (a second connection, as WAL allows) with the test's clock, for the schedule's one look. */
async function contextOf(t: TempCore, clock: Clock): Promise<() => CoreContext> {
  const db = await openDatabase(join(t.dataDir, databaseFileName), { integrityCheck: false });
  cleanups.unshift(() => db.destroy());
  const journalKey = openJournalKey(t.dataDir).key;
  return () => ({ db, dataDir: t.dataDir, clock, journalKey, newId: () => randomUUID(), emit: () => undefined });
}
