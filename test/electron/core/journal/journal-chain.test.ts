import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';
import { tamper } from '../../../support/tamper-database';

describe('the journal', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
    for (const name of ['摄像机 1', '摄像机 2', '摄像机 3']) await t.call('assets.create', { name, systemId: 'cctv' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('chains every entry to the one before and verifies clean', async () => {
    const entries = await t.call('journal.list', { limit: 10 });
    expect(entries).toHaveLength(3);
    const [newest, middle] = entries;
    expect(newest!.prevHash).toBe(middle!.hash);
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: true, checked: 3, broken: null, unkeyedThrough: 0 });
  });

  it('refuses to edit or delete an entry from inside the database', async () => {
    await expect(tamper(t.dataDir, "update journal set operator = 'x' where seq = 1")).rejects.toThrow(/append-only/);
    await expect(tamper(t.dataDir, 'delete from journal where seq = 1')).rejects.toThrow(/append-only/);
  });

  it('names the first altered entry when a row is changed outside the app', async () => {
    const entries = await t.call('journal.list', { limit: 10 });
    const second = entries.find((e) => e.seq === 2)!;
    await tamper(
      t.dataDir,
      `drop trigger journal_no_update; update journal set payload = replace(payload, '摄像机 2', '摄像机 X') where seq = 2;`,
    );
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, checked: 1, broken: { seq: 2, id: second.id, reason: 'hash_mismatch' } });
  });

  it('names the missing seq when an entry in the middle is deleted', async () => {
    await tamper(t.dataDir, 'drop trigger journal_no_delete; delete from journal where seq = 2;');
    expect(await t.call('journal.verify', {})).toMatchObject({
      ok: false,
      checked: 1,
      broken: { reason: 'seq_gap', seq: 2, id: null, missing: { fromSeq: 2, toSeq: 2 } },
    });
  });

  it('keeps the change and its entry together: a failed change leaves neither', async () => {
    const before = await t.call('journal.list', { limit: 100 });
    const failed = await t.core.call('assets.create', { name: 'x', systemId: 'cctv', parentId: 'no-such-device' }, { operator: 'x' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'asset_unknown_parent' } });
    expect(await t.call('journal.list', { limit: 100 })).toEqual(before);
    expect((await t.call('assets.search', {})).total).toBe(3);
  });
});
