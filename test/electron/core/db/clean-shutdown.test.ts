import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { databaseFileName, startCore } from '../../../../electron/core/core';
import { writeCleanShutdownMark } from '../../../../electron/core/db/clean-shutdown';
import { startTempCore } from '../../../support/temp-core';

const markPath = (dataDir: string): string => join(dataDir, 'clean-shutdown.json');

/**
 * A register closed cleanly, then pages of its device table scribbled over, as a failing disk would. The device
 * table's own pages, not the middle of the file: start-up reads the schema (which grows with every migration and may
 * sit anywhere) but not the register, so only the full check can find this damage.
 */
async function damagedAfterCleanShutdown() {
  const t = await startTempCore();
  for (let i = 0; i < 200; i += 1) await t.call('assets.create', { name: `摄像机 ${i}`, systemId: 'cctv', notes: '走廊'.repeat(40) });
  const path = join(t.dataDir, databaseFileName);
  // Asked while the core has the file open: a connection of our own after the close would leave a WAL file behind.
  const pages = await devicePages(path);
  await t.core.close();
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(pages.size, 0x5a);
  for (const page of pages.numbers.slice(Math.floor(pages.numbers.length / 2), Math.floor(pages.numbers.length / 2) + 4)) {
    writeSync(fd, garbage, 0, garbage.length, (page - 1) * pages.size);
  }
  closeSync(fd);
  return { t, path };
}

async function devicePages(path: string): Promise<{ size: number; numbers: number[] }> {
  const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY);
  const all = <T>(query: string) => new Promise<T[]>((resolve, reject) => db.all(query, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  try {
    const [{ page_size: size }] = (await all<{ page_size: number }>('pragma page_size')) as [{ page_size: number }];
    const numbers = (await all<{ pageno: number }>("select pageno from dbstat where name = 'device' and pagetype = 'leaf' order by pageno")).map((r) => r.pageno);
    return { size, numbers };
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
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
