// The readings history killed with SIGKILL while batches are written and rollups run: every committed batch is kept,
// every folded minute and hour matches what it folded, and the next start folds the rest.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, startCore } from '../../../../electron/core/core';
import type { Db } from '../../../../electron/core/db/database';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { tempDir } from '../../../support/temp-core';

const script = fileURLToPath(new URL('./record-and-roll-up.ts', import.meta.url));
const dirs: string[] = [];
const rowsPerBatch = 10 * 20 * 6;

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Folded minutes (before done_until) that differ from their raw values, or are missing; hours likewise from minutes. */
async function foldingErrors(db: Db): Promise<{ minutes: number; hours: number; minuteDone: number; hourDone: number }> {
  const done = await db.selectFrom('reading_rollup').selectAll().execute();
  const minuteDone = done.find((d) => d.level === 'minute')?.done_until ?? 0;
  const hourDone = done.find((d) => d.level === 'hour')?.done_until ?? 0;
  const minutes = await sql<{ n: number }>`select count(*) as n from (
      select series_id, at - (at % 60000) as start, count(*) as c, min(value) as mn, max(value) as mx from reading_raw
      where at < ${minuteDone} group by 1, 2) r
    left join reading_minute m on m.series_id = r.series_id and m.start = r.start
    where m.count is null or m.count != r.c or m.min != r.mn or m.max != r.mx`.execute(db);
  const hours = await sql<{ n: number }>`select count(*) as n from (
      select series_id, start - (start % 3600000) as start, sum(count) as c from reading_minute
      where start < ${hourDone} group by 1, 2) r
    left join reading_hour h on h.series_id = r.series_id and h.start = r.start
    where h.count is null or h.count != r.c`.execute(db);
  return { minutes: Number(minutes.rows[0]!.n), hours: Number(hours.rows[0]!.n), minuteDone, hourDone };
}

describe('the readings history killed mid-write and mid-rollup', () => {
  it.each([15, 30])('keeps every committed batch and only whole folds (killed after %i batches)', async (killAfter) => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let acked = 0;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('acked ')) return;
      acked = Number(line.slice(6)) + 1;
      if (acked >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    const signal = await exited;
    expect(signal, stderr).toBe('SIGKILL');

    const db = await openDatabase(join(dataDir, databaseFileName));
    try {
      const raw = Number((await db.selectFrom('reading_raw').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      // Every batch acknowledged is in; one more may have committed before its line went out.
      expect(raw).toBeGreaterThanOrEqual(acked * rowsPerBatch);
      expect(raw % rowsPerBatch).toBe(0);
      const errors = await foldingErrors(db);
      expect(errors).toMatchObject({ minutes: 0, hours: 0 });
      expect(errors.minuteDone).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }

    // The next start: the rollup carries on from where the last committed fold stopped.
    const core = await startCore({ dataDir, transport: 'web', version: 'test', clock: { now: () => Date.UTC(2026, 0, 7) }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: false, devices: { autoStart: false }, readings: { rollupIntervalMs: 0 } });
    await core.readings!.rollUp();
    await core.close();
    const after = await openDatabase(join(dataDir, databaseFileName));
    try {
      const errors = await foldingErrors(after);
      expect(errors).toMatchObject({ minutes: 0, hours: 0 });
      const folded = await sql<{ n: number }>`select sum(count) as n from reading_minute`.execute(after);
      const raw = Number((await after.selectFrom('reading_raw').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(Number(folded.rows[0]!.n)).toBe(raw);
    } finally {
      await after.destroy();
    }
  }, 120_000);
});
