import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../../electron/core/context';
import { databaseFileName } from '../../../../electron/core/core';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { checkpointFileName, checkpointsKept, readCheckpointFile } from '../../../../electron/core/journal/checkpoint-file';
import { writeJournalCheckpoint } from '../../../../electron/core/journal/journal-checkpoints';
import { openJournalKey } from '../../../../electron/core/journal/journal-key';
import { startTempCore, type TempCore, tempDir } from '../../../support/temp-core';

describe('checkpoints of the journal outside the database', () => {
  let t: TempCore | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('writes the head at every clean shutdown, readable by the console’s user only', async () => {
    const dataDir = tempDir();
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    await first.call('duty.add', { kind: 'patrol', text: '巡查机房' });
    const [head] = await first.call('journal.list', { limit: 1 });
    await first.core.close();
    expect(statSync(join(dataDir, checkpointFileName)).mode & 0o777).toBe(0o600);
    expect(readCheckpointFile(dataDir)?.checkpoints.at(-1)).toMatchObject({ seq: head!.seq, hash: head!.hash, reason: 'shutdown' });
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: true, checkpoint: { seq: head!.seq, reason: 'shutdown' } });
  });

  it('puts the head on each handover, for the printed sheet, and into the file at submit and confirm', async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
    await t.call('duty.add', { kind: 'patrol', text: '巡查机房' });
    const [before] = await t.call('journal.list', { limit: 1 });
    const submitted = await t.call('duty.handoverSubmit', { summary: '一切正常' });
    expect(submitted.journalHead).toEqual({ seq: before!.seq, hash: before!.hash });
    expect((await t.call('duty.handover', { id: submitted.id })).journalHead).toEqual({ seq: before!.seq, hash: before!.hash });
    const [afterSubmit] = await t.call('journal.list', { limit: 1 });
    expect(readCheckpointFile(t.dataDir)?.checkpoints.at(-1)).toMatchObject({ seq: afterSubmit!.seq, reason: 'handover' });
    await t.call('duty.handoverConfirm', { id: submitted.id });
    const [afterConfirm] = await t.call('journal.list', { limit: 1 });
    expect(readCheckpointFile(t.dataDir)?.checkpoints.at(-1)).toMatchObject({ seq: afterConfirm!.seq, hash: afterConfirm!.hash, reason: 'handover' });
  });

  it('lets a backup (or the sync, once they exist) write a checkpoint, keeping only the latest few', async () => {
    const dataDir = tempDir();
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    await first.call('duty.add', { kind: 'note', text: '备份前' });
    await first.core.close();
    const db = await openDatabase(join(dataDir, databaseFileName));
    const ctx: CoreContext = { db, dataDir, clock: { now: () => 42 }, journalKey: openJournalKey(dataDir).key, newId: () => 'unused', emit: () => undefined };
    try {
      for (let i = 0; i < checkpointsKept + 5; i += 1) await writeJournalCheckpoint(ctx, i % 2 === 0 ? 'backup' : 'upstream');
    } finally {
      await db.destroy();
    }
    const record = readCheckpointFile(dataDir)!;
    expect(record.checkpoints).toHaveLength(checkpointsKept);
    expect(record.checkpoints.at(-1)).toMatchObject({ seq: 1, at: 42, reason: 'backup' });
    expect(JSON.parse(readFileSync(join(dataDir, checkpointFileName), 'utf8'))).toEqual(record);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports the file gone at start-up, then writes it again', async () => {
    const dataDir = tempDir();
    const first = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    await first.call('duty.add', { kind: 'patrol', text: '巡查机房' });
    await first.core.close();
    rmSync(join(dataDir, checkpointFileName));
    t = await startTempCore({ dataDir, slaWatchIntervalMs: 0 });
    expect((await t.call('system.info', {})).journalAlarm).toMatchObject({ reason: 'checkpoints_missing' });
    expect(readCheckpointFile(dataDir)).toMatchObject({ keyedFrom: 1 });
    expect((await t.call('journal.list', { typePrefix: 'journal.' })).map((e) => e.type)).toEqual(['journal.break_found']);
  });
});
