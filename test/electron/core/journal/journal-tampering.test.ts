import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { keyedEntryHash } from '../../../../electron/core/journal/hash-chain';
import { openJournalKey } from '../../../../electron/core/journal/journal-key';
import { startTempCore, type TempCore, tempDir } from '../../../support/temp-core';
import { rewriteFrom, tamper } from '../../../support/tamper-database';

/** A console that recorded `count` devices (one journal entry each) and was then stopped cleanly. */
async function stoppedConsole(count: number): Promise<string> {
  const dataDir = tempDir();
  const t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
  for (let i = 1; i <= count; i += 1) await t.call('assets.create', { name: `摄像机 ${i}`, systemId: 'cctv' });
  await t.core.close();
  return dataDir;
}

describe('tampering with a stopped console’s journal', () => {
  let t: TempCore | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('reports the last entry deleted as missing, at start-up and in the check', async () => {
    const dataDir = await stoppedConsole(5);
    await tamper(dataDir, 'drop trigger journal_no_delete; delete from journal where seq = 5;');
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'cut', seq: 5, id: null, missing: { fromSeq: 5, toSeq: 5 } });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, checked: 4, broken: { reason: 'seq_gap', seq: 5, id: null, missing: { fromSeq: 5, toSeq: 5 } } });
  });

  it('reports the last entry deleted where no checkpoint covers it: SQLite’s counter remembers it', async () => {
    const dataDir = await stoppedConsole(5);
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    await first.call('assets.create', { name: '摄像机 6', systemId: 'cctv' });
    await first.core.close();
    // As if the console had crashed before its shutdown checkpoint.
    await rewindCheckpointsTo(dataDir, 5);
    await tamper(dataDir, 'drop trigger journal_no_delete; delete from journal where seq = 6;');
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'seq_gap', seq: 6, missing: { fromSeq: 6, toSeq: 6 } });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, checked: 5, broken: { reason: 'seq_gap', seq: 6, missing: { fromSeq: 6, toSeq: 6 } } });
  });

  it('shows a journal cut behind its checkpoint at start-up, with the entries missing, and keeps the console running', async () => {
    const dataDir = await stoppedConsole(60);
    // The last 50 entries cut and SQLite's counter set back: nothing inside the file shows it.
    await tamper(dataDir, "drop trigger journal_no_delete; delete from journal where seq > 10; update sqlite_sequence set seq = 10 where name = 'journal';");
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    const info = await t.call('system.info', {});
    expect(info.startupError).toBeNull();
    expect(info.journalAlarm).toMatchObject({ reason: 'cut', seq: 11, missing: { fromSeq: 11, toSeq: 60 }, checkpoint: { seq: 60, reason: 'shutdown' } });
    // The finding is journaled (once) and the entries to come skip the missing seqs, so the cut stays a gap in the file.
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, checked: 10, broken: { reason: 'seq_gap', seq: 11, missing: { fromSeq: 11, toSeq: 60 } } });
    const found = await t.call('journal.list', { typePrefix: 'journal.break_found' });
    expect(found).toHaveLength(1);
    expect(found[0]!.payload).toMatchObject({ reason: 'cut', missing: { fromSeq: 11, toSeq: 60 } });
    expect(found[0]!.seq).toBe(61);
    await t.call('duty.add', { kind: 'note', text: '报警照常处理' });
  });

  it('shows the cut again at the next start, after the console went on working', async () => {
    const dataDir = await stoppedConsole(20);
    await tamper(dataDir, "drop trigger journal_no_delete; delete from journal where seq > 10; update sqlite_sequence set seq = 10 where name = 'journal';");
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    for (let i = 1; i <= 15; i += 1) await first.call('duty.add', { kind: 'patrol', text: `巡查 ${i}` });
    await first.core.close();
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'seq_gap', seq: 11, missing: { fromSeq: 11, toSeq: 20 }, checkpoint: { seq: 20 } });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, broken: { reason: 'seq_gap', missing: { fromSeq: 11, toSeq: 20 } } });
  });

  it('keeps new entries off the missing numbers when the whole journal was cut and its counter deleted', async () => {
    const dataDir = await stoppedConsole(6);
    await tamper(dataDir, "drop trigger journal_no_delete; delete from journal; delete from sqlite_sequence where name = 'journal';");
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'cut', missing: { fromSeq: 1, toSeq: 6 } });
    await t.call('duty.add', { kind: 'patrol', text: '巡查' });
    const seqs = (await t.call('journal.list', { limit: 10 })).map((e) => e.seq);
    expect(Math.min(...seqs)).toBeGreaterThan(6);
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, broken: { reason: 'seq_gap', missing: { fromSeq: 1, toSeq: 6 } } });
  });

  it('finds an entry edited and every later hash recomputed: without the key the chain does not verify', async () => {
    const dataDir = await stoppedConsole(8);
    await rewriteFrom(dataDir, 3, (row) => ({ payload: row.payload.replace('摄像机 3', '摄像机 X') }));
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    // Start-up checks the head's keyed hash: the rewrite shows at once.
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'hash_mismatch', seq: 8 });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, checked: 2, broken: { reason: 'hash_mismatch', seq: 3 } });
  });

  it('finds a chain recomputed under a guessed key', async () => {
    const dataDir = await stoppedConsole(4);
    await rewriteFrom(dataDir, 2, (row) => ({ operator: `${row.operator}!` }), keyedEntryHash(Buffer.alloc(32)));
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, broken: { reason: 'hash_mismatch', seq: 2 } });
  });

  it('does not let the database move the keyed chain’s start to make every entry unkeyed', async () => {
    const dataDir = await stoppedConsole(4);
    await rewriteFrom(dataDir, 2, (row) => ({ operator: `${row.operator}!` }));
    await tamper(dataDir, 'update journal_keying set keyed_from_seq = 1000;');
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    const mismatch = { reason: 'keying_mismatch', seq: 1, keyedFrom: { database: 1000, outside: 1 } };
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject(mismatch);
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, broken: mismatch });
  });

  it('reports the key file replaced: the newest entry no longer verifies', async () => {
    const dataDir = await stoppedConsole(3);
    rmSync(`${dataDir}/journal.key`);
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'hash_mismatch', seq: 3 });
  });

  it('finds history rewritten by someone holding the key, where a checkpoint covers it', async () => {
    const dataDir = await stoppedConsole(6);
    await rewriteFrom(dataDir, 4, (row) => ({ operator: `${row.operator}!` }), keyedEntryHash(openJournalKey(dataDir).key));
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: false, broken: { reason: 'checkpoint_mismatch', seq: 6, checkpoint: { reason: 'shutdown' } } });
  });

  it('cannot tell a cut made after the last checkpoint by someone holding the key (the limit the docs state)', async () => {
    const dataDir = await stoppedConsole(3);
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    await first.call('assets.create', { name: '摄像机 4', systemId: 'cctv' });
    await first.call('assets.create', { name: '摄像机 5', systemId: 'cctv' });
    await first.core.close();
    // As if the console had crashed before its shutdown checkpoint: the file holds the head at seq 3.
    await tamper(dataDir, "drop trigger journal_no_delete; delete from journal where seq > 3; update sqlite_sequence set seq = 3 where name = 'journal';");
    await rewindCheckpointsTo(dataDir, 3);
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toBeNull();
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: true });
  });
});

/** Drops the checkpoints after `seq`, as if the console had stopped without writing them (a crash). */
async function rewindCheckpointsTo(dataDir: string, seq: number): Promise<void> {
  const { readCheckpointFile, writeCheckpointFile } = await import('../../../../electron/core/journal/checkpoint-file');
  const record = readCheckpointFile(dataDir)!;
  writeCheckpointFile(dataDir, { ...record, checkpoints: record.checkpoints.filter((c) => c.seq <= seq) });
}
