import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../../../support/eventually';
import { databaseFileName, startCore } from '../../../../electron/core/core';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { ACK } from '../../../../electron/core/devices/contact-id/codec';
import { encodeContactIdEvent } from '../../../../electron/core/devices/contact-id/encoder';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { tempDir } from '../../../support/temp-core';
import { openVirtualSerialPair } from '../../../support/virtual-serial-pair';

const script = fileURLToPath(new URL('./receive-then-wait.ts', import.meta.url));
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const zoneOf = (i: number) => String((i % 999) + 1).padStart(3, '0');
const accountOf = (i: number) => String(1000 + Math.floor(i / 999)).padStart(4, '0');

describe('alarms ACKed to a receiver', () => {
  it.each([1, 300])('survive a SIGKILL during a burst (killed after %i ACKs): each recorded once at the next start', async (killAfter) => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const pair = await openVirtualSerialPair();
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, pair.a], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => line.trim() === 'ready' && resolve());
      child.on('exit', () => reject(new Error(`the console did not start: ${stderr}`)));
    });

    // A receiver emptying 2,000 buffered events at once; the console is killed once `killAfter` ACKs are back (ACKs come
    // in groups, one per inbox commit: the kill lands while later events are still being taken in, or recorded).
    const receiver = await openSerialBytePort(pair.b, { baudRate: 115_200, dataBits: 8, parity: 'none', stopBits: 1 });
    let acks = 0;
    receiver.onData((chunk) => {
      for (const byte of chunk) if (byte === ACK) acks += 1;
      if (acks >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    const count = 2_000;
    const events = Array.from({ length: count }, (_, i) => encodeContactIdEvent({ receiver: 1, line: 1 }, { account: accountOf(i), qualifier: 'E', code: 130, group: 1, zone: Number(zoneOf(i)) }));
    await receiver.write(Buffer.concat(events));
    expect(await exited).toBe('SIGKILL');
    // ACKs the console wrote just before it died may still be on their way through the pty.
    await sleep(200);
    await receiver.close();
    await pair.unplug();
    expect(acks).toBeGreaterThanOrEqual(killAfter);

    // The next start records what was committed but not yet recorded, before any device is heard.
    const core = await startCore({ dataDir, transport: 'web', version: 'test', slaWatchIntervalMs: 0, devices: { autoStart: false } });
    expect(core.info.startupError).toBeNull();
    await core.close();
    const db = await openDatabase(join(dataDir, databaseFileName));
    try {
      const rows = await db.selectFrom('alarm').select(['condition_key']).orderBy('seq').execute();
      const keys = rows.map((r) => r.condition_key);
      // Every ACKed event is recorded exactly once and in the order sent (ACKs go out in order, so they are the first).
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.slice(0, acks)).toEqual(Array.from({ length: acks }, (_, i) => `cid:${accountOf(i)}:130:01:${zoneOf(i)}`));
      expect(await db.selectFrom('alarm_inbox').select('seq').execute()).toEqual([]);
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await db.destroy();
    }
    const again = await startCore({ dataDir, transport: 'web', version: 'test', slaWatchIntervalMs: 0, devices: { autoStart: false } });
    expect(await again.call('journal.verify', {}, { operator: 'x' })).toMatchObject({ ok: true, value: { ok: true } });
    await again.close();
  }, 120_000);
});
