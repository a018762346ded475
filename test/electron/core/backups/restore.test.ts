// Restoring a backup: verified first, the current files kept aside, the console started again on the restored data,
// journaled; a damaged or altered backup is refused and changes nothing; another PC needs the recovery kit.
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, databaseFileName, startCore } from '../../../../electron/core/core';
import type { BackupSummary } from '../../../../shared/contract/backups';
import { startTempCore, type TempCore, tempDir } from '../../../support/temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const caller = { operator: 'tester' };

function folder(prefix: string): string {
  const dir = tempDir(prefix);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function deviceNames(core: Core): Promise<string[]> {
  const result = await core.call('assets.search', {}, caller);
  if (!result.ok) throw new Error(result.error.code);
  return (result.value as { items: { name: string }[] }).items.map((d) => d.name).sort();
}

/** A console with two devices and an attachment, backed up, then a third device added after the backup. */
async function consoleWithBackup(): Promise<{ t: TempCore; backups: string; made: BackupSummary }> {
  const t = await startTempCore({ backupCheckIntervalMs: 0 });
  cleanups.push(() => t.close());
  const backups = folder('duty-console-backups-');
  await t.call('backups.saveSettings', { enabled: true, folder: backups, hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
  expect(await t.core.openSession().call('auth.setup', { name: 'admin', displayName: '管理员', password: 'correct horse battery' })).toMatchObject({ ok: true });
  for (const name of ['摄像机 1', '摄像机 2']) await t.call('assets.create', { name, systemId: 'cctv' });
  mkdirSync(join(t.dataDir, 'attachments'), { recursive: true });
  writeFileSync(join(t.dataDir, 'attachments', 'photo-of-the-panel'), 'JPEG bytes');
  const made = await t.call('backups.run', {});
  await t.call('assets.create', { name: '摄像机 3 (after the backup)', systemId: 'cctv' });
  return { t, backups, made };
}

function scribbleOver(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(4096 * 2, 0x5a);
  writeSync(fd, garbage, 0, garbage.length, Math.max(0, Math.floor(size / 2 / 4096) * 4096));
  closeSync(fd);
}

describe('restore from Settings', () => {
  it('verifies the backup, keeps the current file aside and starts again on the restored data, journaled', async () => {
    const { t, made } = await consoleWithBackup();
    expect(await deviceNames(t.core)).toHaveLength(3);
    // No restart hook: the test starts the core again itself.
    const staged = await t.call('backups.restore', { name: made.name });
    expect(staged).toEqual({ name: made.name, restarting: false });
    await t.core.close();
    rmSync(join(t.dataDir, 'attachments'), { recursive: true, force: true });
    const again = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test', backupCheckIntervalMs: 0 });
    try {
      expect(again.info.startupError).toBeNull();
      expect(again.info.journalAlarm).toBeNull();
      expect(await deviceNames(again)).toEqual(['摄像机 1', '摄像机 2']);
      expect(readFileSync(join(t.dataDir, 'attachments', 'photo-of-the-panel'), 'utf8')).toBe('JPEG bytes');
      // The file replaced is kept aside, with the device added after the backup still in it.
      const aside = readdirSync(join(t.dataDir, 'set-aside'));
      expect(aside).toHaveLength(1);
      expect(existsSync(join(t.dataDir, 'set-aside', aside[0]!, databaseFileName))).toBe(true);
      const entries = await again.call('journal.list', { typePrefix: 'backup.restored' }, caller);
      expect(entries).toMatchObject({ ok: true, value: [{ type: 'backup.restored', operator: 'tester', payload: { name: made.name, ok: true } }] });
      expect(await again.call('journal.verify', {}, caller)).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      await again.close();
    }
  });

  it('refuses a backup whose copy was altered, naming the file, and changes nothing', async () => {
    const { t, backups, made } = await consoleWithBackup();
    writeFileSync(join(backups, made.name, 'attachments', 'photo-of-the-panel'), 'something else');
    const refused = await t.core.call('backups.restore', { name: made.name }, caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup_file_mismatch', params: { file: 'attachments/photo-of-the-panel' } } });
    await t.core.close();
    const again = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test', backupCheckIntervalMs: 0 });
    try {
      expect(await deviceNames(again)).toHaveLength(3);
      expect(existsSync(join(t.dataDir, 'set-aside'))).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('on another PC asks for the recovery kit, refuses a wrong passphrase, and restores with the right one', async () => {
    const { t, backups, made } = await consoleWithBackup();
    const kitFolder = folder('duty-console-kit-');
    const tooShort = await t.core.call('backups.exportRecoveryKit', { folder: kitFolder, passphrase: 'short' }, caller);
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const { path: kitPath } = await t.call('backups.exportRecoveryKit', { folder: kitFolder, passphrase: '值守台 recovery 2026' });
    expect(readFileSync(kitPath, 'utf8')).not.toContain(readFileSync(join(t.dataDir, 'journal.key')).toString('base64'));

    const fresh = await startTempCore({ backupCheckIntervalMs: 0 });
    cleanups.push(() => fresh.close());
    const listed = await fresh.call('backups.overview', {});
    expect(listed.backups).toEqual([]);
    await fresh.call('backups.saveSettings', { enabled: true, folder: backups, hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    expect((await fresh.call('backups.overview', {})).backups).toEqual([expect.objectContaining({ name: made.name, sameKey: false })]);
    expect(await fresh.core.call('backups.restore', { name: made.name }, caller)).toMatchObject({ ok: false, error: { code: 'backup_needs_recovery_kit' } });
    expect(await fresh.core.call('backups.restore', { name: made.name, kitPath, passphrase: 'wrong passphrase!' }, caller)).toMatchObject({
      ok: false,
      error: { code: 'recovery_kit_passphrase' },
    });
    await fresh.call('backups.restore', { name: made.name, kitPath, passphrase: '值守台 recovery 2026' });
    await fresh.core.close();
    const again = await startCore({ dataDir: fresh.dataDir, transport: 'web', version: 'test', backupCheckIntervalMs: 0 });
    try {
      expect(again.info.startupError).toBeNull();
      expect(again.info.journalAlarm).toBeNull();
      expect(await deviceNames(again)).toEqual(['摄像机 1', '摄像机 2']);
      expect(readFileSync(join(fresh.dataDir, 'journal.key'))).toEqual(readFileSync(join(t.dataDir, 'journal.key')));
      expect(await again.call('journal.verify', {}, caller)).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      await again.close();
    }
  });
});

describe('restore from the damaged-database screen', () => {
  it('lists the backups and restores one for an administrator of that backup, and for nobody else', async () => {
    const { t, made } = await consoleWithBackup();
    await t.core.close();
    scribbleOver(join(t.dataDir, databaseFileName));
    const restarted: string[] = [];
    const broken = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test', backupCheckIntervalMs: 0, restart: () => restarted.push('restart') });
    try {
      expect(broken.info.startupError).toMatchObject({ code: 'db_corrupt' });
      // Through a page's session, signed out: nobody can sign in on a damaged file.
      const page = broken.openSession();
      expect(await page.call('recovery.backups', {})).toMatchObject({ ok: true, value: { backups: [expect.objectContaining({ name: made.name, sameKey: true })] } });
      expect(await page.call('recovery.restore', { name: made.name, login: 'admin', password: 'wrong password' })).toMatchObject({
        ok: false,
        error: { code: 'recovery_login_failed' },
      });
      expect(await page.call('recovery.restore', { name: made.name, login: 'nobody', password: 'correct horse battery' })).toMatchObject({
        ok: false,
        error: { code: 'recovery_login_failed' },
      });
      expect(await page.call('recovery.restore', { name: made.name, login: 'admin', password: 'correct horse battery' })).toMatchObject({
        ok: true,
        value: { name: made.name, restarting: true },
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(restarted).toEqual(['restart']);
    } finally {
      await broken.close();
    }
    const again = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test', backupCheckIntervalMs: 0 });
    try {
      expect(again.info.startupError).toBeNull();
      expect(await deviceNames(again)).toEqual(['摄像机 1', '摄像机 2']);
      expect(await again.call('journal.list', { typePrefix: 'backup.restored' }, caller)).toMatchObject({ ok: true, value: [{ operator: 'admin' }] });
    } finally {
      await again.close();
    }
  });

  it('is not answered while the data is sound', async () => {
    const { t, made } = await consoleWithBackup();
    const page = t.core.openSession();
    expect(await page.call('recovery.restore', { name: made.name, login: 'admin', password: 'correct horse battery' })).toMatchObject({
      ok: false,
      error: { code: 'recovery_not_needed' },
    });
  });
});
