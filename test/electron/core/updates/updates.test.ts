// Updates decided under Node against real files: the feed from a folder (a USB stick) and over HTTP on loopback,
// the installer's SHA-512 checked before it is offered, downgrades refused, the install held while a level-I
// incident is open or an alarm unacknowledged, every step journaled.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../electron/core/updates/update-feed';
import { compareVersions } from '../../../../electron/core/updates/version-order';
import { serveFolderFeed } from '../../../../electron/node/folder-feed-server';
import { eventually } from '../../../support/eventually';
import { startTempCore, type TempCore, tempDir } from '../../../support/temp-core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const caller = { operator: 'tester' };

/** A folder as electron-builder leaves it: the installer and latest-linux.yml naming it with its SHA-512. */
function releaseFolder(version: string, options: { tamper?: boolean } = {}): { folder: string; installer: Buffer } {
  const folder = tempDir('duty-console-release-');
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const installer = randomBytes(200_000);
  const name = `Duty-Console-${version}.AppImage`;
  writeFileSync(join(folder, name), options.tamper ? Buffer.concat([installer.subarray(0, -1), Buffer.from([installer.at(-1)! ^ 1])]) : installer);
  const sha512 = createHash('sha512').update(installer).digest('base64');
  writeFileSync(
    join(folder, 'latest-linux.yml'),
    `version: ${version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${installer.length}\n    blockMapSize: 1234\npath: ${name}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T08:00:00.000Z'\n`,
  );
  return { folder, installer };
}

async function console120(installed: string[] = []): Promise<TempCore> {
  const t = await startTempCore({
    version: '1.2.0',
    backupCheckIntervalMs: 0,
    installUpdate: async (u) => void installed.push(`${u.version} ${readFileSync(u.installerPath).length}`),
  });
  cleanups.push(() => t.close());
  return t;
}

describe('the update feed', () => {
  it('reads what electron-builder writes, and refuses anything else clearly', () => {
    const sha = 'a'.repeat(86) + '==';
    expect(parseFeed(`version: 1.3.0\nfiles:\n  - url: Setup.exe\n    sha512: ${sha}\n    size: 10\npath: Setup.exe\nsha512: ${sha}\n`)).toEqual({
      version: '1.3.0',
      installer: { url: 'Setup.exe', sha512: sha, size: 10 },
      releaseDate: null,
    });
    expect(() => parseFeed('version: [1.3')).toThrow(expect.objectContaining({ code: 'update_feed_invalid' }));
    expect(() => parseFeed(`version: 1.3.0\nfiles:\n  - url: Setup.exe\n`)).toThrow(expect.objectContaining({ code: 'update_feed_invalid' }));
    expect(() => parseFeed(`version: latest\nfiles:\n  - url: Setup.exe\n    sha512: ${sha}\n`)).toThrow(expect.objectContaining({ code: 'update_feed_invalid' }));
    expect(() => parseFeed(`version: 1.3.0\nfiles:\n  - url: ../../etc/passwd\n    sha512: ${sha}\n`)).toThrow(expect.objectContaining({ code: 'update_feed_invalid' }));
    expect(() => parseFeed(`version: 1.3.0\nfiles:\n  - url: file:///etc/passwd\n    sha512: ${sha}\n`)).toThrow(expect.objectContaining({ code: 'update_feed_invalid' }));
  });

  it('orders versions as semver does', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('v2.0.0', '2.0.0')).toBe(0);
  });
});

describe('an update from a folder (a USB stick)', () => {
  it('is offered once its installer matches the SHA-512, and installs when nothing waits', async () => {
    const installed: string[] = [];
    const t = await console120(installed);
    const { folder, installer } = releaseFolder('1.3.0');
    await t.call('updates.saveSource', { kind: 'folder', folder });
    const checked = await t.call('updates.check', {});
    expect(checked).toMatchObject({ state: 'ready', available: { version: '1.3.0', releaseDate: '2026-12-01T08:00:00.000Z' }, blockers: { levelOneIncidents: 0, unacknowledgedAlarms: 0 } });
    expect(readFileSync(join(t.dataDir, 'updates', '1.3.0', 'Duty-Console-1.3.0.AppImage'))).toEqual(installer);
    await t.call('updates.install', {});
    expect(installed).toEqual([`1.3.0 ${installer.length}`]);
    const entries = await t.call('journal.list', { typePrefix: 'update.' });
    expect(entries.map((e) => e.type).reverse()).toEqual(['update.source_changed', 'update.offered', 'update.installing']);
  });

  it('is not offered when the installer does not match its SHA-512, and leaves no file', async () => {
    const installed: string[] = [];
    const t = await console120(installed);
    const { folder } = releaseFolder('1.3.0', { tamper: true });
    await t.call('updates.saveSource', { kind: 'folder', folder });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'failed', error: 'update_checksum_mismatch', available: null });
    expect(readdirSync(join(t.dataDir, 'updates', '1.3.0'))).toEqual([]);
    expect(await t.core.call('updates.install', {}, caller)).toMatchObject({ ok: false, error: { code: 'update_not_ready' } });
    expect(installed).toEqual([]);
  });

  it('refuses an older version, journaled, and offers nothing', async () => {
    const t = await console120();
    const { folder } = releaseFolder('1.1.5');
    await t.call('updates.saveSource', { kind: 'folder', folder });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'refused', error: 'update_downgrade', available: null });
    expect(existsSync(join(t.dataDir, 'updates'))).toBe(false);
    expect(await t.call('journal.list', { typePrefix: 'update.refused' })).toEqual([expect.objectContaining({ payload: { version: '1.1.5', currentVersion: '1.2.0', reason: 'downgrade' } })]);
  });

  it('says the stick is not there when the folder is missing', async () => {
    const t = await console120();
    await t.call('updates.saveSource', { kind: 'folder', folder: '/nonexistent/usb/duty-console' });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'failed', error: 'update_source_unreachable' });
  });
});

describe('an update over HTTP', () => {
  it('reads the feed and the installer from a server on loopback', async () => {
    const installed: string[] = [];
    const t = await console120(installed);
    const { folder, installer } = releaseFolder('1.4.0-rc.1');
    const server = await serveFolderFeed(folder);
    cleanups.push(() => server.close());
    await t.call('updates.saveSource', { kind: 'url', url: server.url.replace(/\/$/, '') });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'ready', available: { version: '1.4.0-rc.1' } });
    expect(readFileSync(join(t.dataDir, 'updates', '1.4.0-rc.1', 'Duty-Console-1.4.0-rc.1.AppImage'))).toEqual(installer);
    // The folder server gives out the folder's own files only.
    expect((await fetch(new URL('..%2F..%2Fetc%2Fpasswd', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('reports a server that answers an error', async () => {
    const t = await console120();
    const empty = tempDir('duty-console-empty-feed-');
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const server = await serveFolderFeed(empty);
    cleanups.push(() => server.close());
    await t.call('updates.saveSource', { kind: 'url', url: server.url });
    expect(await t.call('updates.check', {})).toMatchObject({ state: 'failed', error: 'update_source_unreachable' });
  });
});

describe('the install', () => {
  it('waits while a level-I incident is open or an alarm is unacknowledged, and says which', async () => {
    const installed: string[] = [];
    const t = await console120(installed);
    const { folder } = releaseFolder('1.3.0');
    await t.call('updates.saveSource', { kind: 'folder', folder });
    await t.call('updates.check', {});
    const { incident } = await t.call('incidents.report', { systemId: 'intrusion', description: '周界报警主机被破坏', reporter: '保安', level: 'I' });
    // An unacknowledged alarm: the console's own backup alarm (no backup folder there).
    await t.call('backups.saveSettings', { enabled: true, folder: '/nonexistent/backups', hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    await t.core.call('backups.run', {}, caller);
    const alarm = await eventually('an alarm', async () => (await t.call('alarms.list', { scope: 'active' })).items[0]);
    expect(await t.call('updates.status', {})).toMatchObject({ state: 'ready', blockers: { levelOneIncidents: 1, unacknowledgedAlarms: 1 } });
    expect(await t.core.call('updates.install', {}, caller)).toMatchObject({
      ok: false,
      error: { code: 'update_blocked', params: { version: '1.3.0', levelOneIncidents: 1, unacknowledgedAlarms: 1 } },
    });
    await t.call('alarms.acknowledge', { id: alarm.id, comment: '已知：备份盘未接' });
    await t.call('incidents.changeLevel', { id: incident.id, level: 'II', reason: '确认为误报' });
    await t.call('updates.install', {});
    expect(installed).toEqual([expect.stringMatching(/^1\.3\.0 /)]);
    expect((await t.call('journal.list', { typePrefix: 'update.held' })).length).toBe(1);
  });
});
