import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { databaseFileName, startCore } from '../../../../electron/core/core';
import { writeCleanShutdownMark } from '../../../../electron/core/db/clean-shutdown';
import { startTempCore } from '../../../support/temp-core';

const markPath = (dataDir: string): string => join(dataDir, 'clean-shutdown.json');

/**
 * A register closed cleanly, then pages of its device rows scribbled over, as a failing disk would. The pages are
 * looked up (SQLite's dbstat), not guessed from the file's size: a page of the schema hit instead would stop the
 * start itself whenever a migration moved the file's layout.
 */
async function damagedAfterCleanShutdown() {
  const t = await startTempCore();
  for (let i = 0; i < 200; i += 1) await t.call('assets.create', { name: `摄像机 ${i}`, systemId: 'cctv', notes: '走廊'.repeat(40) });
  await t.core.close();
  const path = join(t.dataDir, databaseFileName);
  const pages = await deviceLeafPages(path);
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(4096, 0x5a);
  for (const page of pages.slice(Math.floor(pages.length / 2), Math.floor(pages.length / 2) + 2)) writeSync(fd, garbage, 0, garbage.length, (page - 1) * 4096);
  closeSync(fd);
  return { t, path };
}

/**
 * The leaf pages of the device table. Read-write, so closing the connection removes the WAL file it opened (a
 * read-only one leaves it, and with it no clean-shutdown mark can be written).
 */
async function deviceLeafPages(path: string): Promise<number[]> {
  const db = new sqlite3.Database(path, sqlite3.OPEN_READWRITE);
  const rows = await new Promise<{ pageno: number }[]>((resolve, reject) =>
    db.all<{ pageno: number }>("select pageno from dbstat where name = 'device' and pagetype = 'leaf' order by pageno", (err, found) => (err ? reject(err) : resolve(found))),
  );
  await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  if (rows.length < 4) throw new Error(`the device table has ${rows.length} leaf pages`);
  return rows.map((r) => r.pageno);
}

describe('start-up after a clean shutdown', () => {
  it('checks the database in full before the first start, and in the background after a clean shutdown', async () => {
    const t = await startTempCore();
    expect(t.core.info.integrityCheck).toBe('before-start');
    await t.call('assets.create', { name: '消防主机', systemId: 'intrusion' });
    await t.core.close();
    expect(existsSync(markPath(t.dataDir))).toBe(true);

    const again = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test' });
    expect(again.info.integrityCheck).toBe('background');
    expect(again.info.startupError).toBeNull();
    // The mark is gone while the console runs: a crash from here on leaves none behind.
    expect(existsSync(markPath(t.dataDir))).toBe(false);
    const found = await again.call('assets.search', { query: '消防' }, { operator: 'tester' });
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
    await again.close();
  });

  it('runs the full check before opening when the console did not close cleanly', async () => {
    const t = await startTempCore();
    await t.call('assets.create', { name: '门禁控制器', systemId: 'access-control' });
    // No close: as after a crash or a power cut. A second core on the same directory sees no mark.
    const afterCrash = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test' });
    expect(afterCrash.info.integrityCheck).toBe('before-start');
    await afterCrash.close();
    await t.core.close();
  });

  it('runs the full check before opening when the file changed after the clean shutdown', async () => {
    const { t, path } = await damagedAfterCleanShutdown();

    const core = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test' });
    expect(core.info.integrityCheck).toBe('before-start');
    expect(core.info.startupError).toMatchObject({ code: 'db_corrupt', params: { path } });
    await core.close();
  });

  it('turns to the error screen when the background check finds damage the mark did not reveal', async () => {
    const { t, path } = await damagedAfterCleanShutdown();
    // Damage that leaves the file's identity as recorded (a silent disk error) is stood in for by re-marking it.
    writeCleanShutdownMark(t.dataDir, path);

    const core = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test' });
    expect(core.info.integrityCheck).toBe('background');
    await vi.waitFor(() => expect(core.info.startupError).toMatchObject({ code: 'db_corrupt', params: { path } }), { timeout: 10_000 });
    expect(await core.call('assets.search', { query: '' }, { operator: 'tester' })).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
    await core.close();
    // No proof of a sound file: the next start checks in full again.
    expect(existsSync(markPath(t.dataDir))).toBe(false);
  });
});
