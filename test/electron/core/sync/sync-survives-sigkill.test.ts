// kill -9 the console at random moments while it pushes a backlog to a real Redmine, again and again: afterwards
// every item is upstream exactly once, in order per incident, and the database is sound.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { type RedmineServer, startRedmine } from '../../../support/redmine-server';
import { configureSync, expectUpstreamOnce, fastSync, waitFor } from '../../../support/sync-setup';
import { startTempCore, tempDir } from '../../../support/temp-core';

const child = fileURLToPath(new URL('./sync-then-wait.ts', import.meta.url));
let redmine: RedmineServer;
const dirs: string[] = [];

beforeAll(async () => {
  redmine = await startRedmine();
}, 180_000);
afterAll(async () => {
  await redmine?.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the child, and SIGKILLs it `killAfterMs` after it is up and pushing. */
function runAndKill(dataDir: string, incidentId: string, run: number, killAfterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, incidentId, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let ready = false;
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (line.trim() !== 'ready') return;
      ready = true;
      setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' && ready ? resolve() : reject(new Error(`child ended unkilled (${signal}): ${stderr}`))));
  });
}

/** Items by state, read straight from the file the killed child left. */
async function itemStates(dataDir: string): Promise<Record<string, number>> {
  const db = new sqlite3.Database(join(dataDir, databaseFileName), sqlite3.OPEN_READONLY);
  const rows = await new Promise<{ state: string; n: number }[]>((resolve, reject) =>
    db.all('select state, count(*) as n from sync_item group by state', (err, r: { state: string; n: number }[]) => (err ? reject(err) : resolve(r))),
  );
  await new Promise((resolve) => db.close(resolve));
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

describe('a push killed with SIGKILL', () => {
  it('leaves every item upstream exactly once, in order per incident, after 20 kills at random moments', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    // The backlog: made while the engine is off, then the console is pointed at Redmine.
    const setup = await startTempCore({ dataDir, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: false });
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { incident } = await setup.call('incidents.report', { systemId: 'cctv', description: `第 ${i} 号故障`, reporter: '王保安', level: 'III' });
      ids.push(incident.id);
      for (let n = 0; n < 2; n += 1) await setup.call('incidents.act', { id: incident.id, action: 'add_note', text: `第 ${i} 号故障 备注 ${n}` });
      await setup.call('incidents.attach', { id: incident.id, fileName: `photo-${i}.txt`, mime: 'text/plain', contentBase64: Buffer.from(`现场 ${i}`).toString('base64') });
    }
    await configureSync(setup, redmine.url, redmine);
    await setup.core.close();

    const history: string[] = [];
    let killedWhileChecking = 0;
    for (let run = 0; run < 20; run += 1) {
      const killAfterMs = Math.floor(Math.random() * 1_500);
      await runAndKill(dataDir, ids[run % ids.length] ?? '', run, killAfterMs);
      const states = await itemStates(dataDir);
      if ((states.checking ?? 0) > 0) killedWhileChecking += 1;
      history.push(`run ${run} killed after ${killAfterMs} ms: ${JSON.stringify(states)}`);
    }
    console.log(history.join('\n'));
    // The kills landed mid-push: some left an item sent with its outcome unknown.
    expect(killedWhileChecking).toBeGreaterThan(0);

    const after = await startTempCore({ dataDir, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: fastSync });
    await waitFor('the backlog drained', async () => {
      const s = await after.call('sync.status', {});
      return s.waiting === 0 && s.parked === 0 && s.state === 'connected';
    }, 120_000);
    for (const id of ids) await expectUpstreamOnce(redmine, after, id);
    expect((await after.call('journal.verify', {})).ok).toBe(true);
    await after.core.close();
    const db = await openDatabase(join(dataDir, databaseFileName));
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    await db.destroy();
    expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
  }, 600_000);
});
