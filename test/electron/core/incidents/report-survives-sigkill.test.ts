import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, startCore } from '../../../../electron/core/core';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { tempDir } from '../../../support/temp-core';

const script = fileURLToPath(new URL('./report-then-wait.ts', import.meta.url));
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the child and SIGKILLs it the instant its `killAfter`-th id line arrives, while it is busy reporting the next. */
function reportThenKill(dataDir: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(killAfter + 20)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      ids.push(line.trim());
      if (ids.length === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && ids.length >= killAfter) resolve(ids.slice(0, killAfter));
      else reject(new Error(`child ended without being killed (signal ${signal}): ${stderr}`));
    });
  });
}

describe('a reported incident', () => {
  it.each([1, 2, 3])('survives a SIGKILL the instant its id is on screen (kill after report %i)', async (killAfter) => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const ids = await reportThenKill(dataDir, killAfter);

    const core = await startCore({ dataDir, transport: 'web', version: 'test', slaWatchIntervalMs: 0 });
    expect(core.info.startupError).toBeNull();
    for (const id of ids) {
      expect(await core.call('incidents.get', { id }, { operator: 'x' }), id).toMatchObject({ ok: true, value: { incident: { id, level: 'I', state: 'reported' } } });
    }
    expect(await core.call('journal.verify', {}, { operator: 'x' })).toMatchObject({ ok: true, value: { ok: true } });
    await core.close();

    const db = await openDatabase(join(dataDir, databaseFileName));
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    await db.destroy();
    expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
  }, 120_000);
});
