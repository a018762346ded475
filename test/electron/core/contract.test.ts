import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileName, startCore } from '../../../electron/core/core';
import { startTempCore, type TempCore, tempDir } from '../../support/temp-core';

describe('the contract at the core boundary', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  const caller = { operator: 'tester' };

  it('rejects a wrong argument before any service runs, naming the field', async () => {
    const result = await t.core.call('assets.create', { name: '', systemId: 'cctv', installDate: '2026-13-45' }, caller);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['installDate', 'name']);
    expect(await t.call('journal.list', { limit: 10 })).toEqual([]);
  });

  it.each([
    ['a number where text belongs', 'assets.search', { q: 42 }],
    ['a negative offset', 'assets.search', { offset: -1 }],
    ['an unknown status', 'assets.search', { status: 'broken' }],
    ['a huge page', 'assets.search', { limit: 100000 }],
    ['no id', 'assets.get', {}],
    ['a non-object input', 'assets.get', 'abc'],
    ['a file that is not csv or xlsx', 'assets.importPreview', { fileName: 'x.exe', contentBase64: 'AA==' }],
  ])('rejects %s as invalid_input', async (_what, method, input) => {
    expect(await t.core.call(method, input, caller)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('rejects an unknown method by name', async () => {
    expect(await t.core.call('assets.drop', {}, caller)).toMatchObject({ ok: false, error: { code: 'unknown_method', params: { method: 'assets.drop' } } });
    expect(await t.core.call('toString', {}, caller)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers a missing device with a clear code', async () => {
    expect(await t.core.call('assets.get', { id: 'nope' }, caller)).toMatchObject({ ok: false, error: { code: 'asset_not_found' } });
  });
});

describe('start-up', () => {
  it('reports a file that is not a database as db_corrupt and answers every call with that error', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, databaseFileName), 'this is not a database, it is a shopping list '.repeat(200));
    const core = await startCore({ dataDir, transport: 'web', version: 'test' });
    expect(core.info.startupError).toMatchObject({ code: 'db_corrupt' });
    expect(await core.call('system.info', {}, { operator: 'x' })).toMatchObject({ ok: true, value: { startupError: { code: 'db_corrupt' } } });
    expect(await core.call('assets.search', {}, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
    await core.close();
  });

  it('opens the database in WAL mode with full synchronous commits and foreign keys on', async () => {
    const t = await startTempCore();
    const { sql } = await import('kysely');
    const { openDatabase } = await import('../../../electron/core/db/open-database');
    await t.core.close();
    const db = await openDatabase(join(t.dataDir, databaseFileName));
    const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    await db.destroy();
  });
});
