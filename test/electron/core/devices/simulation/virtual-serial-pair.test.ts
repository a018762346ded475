import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVirtualSerialPair } from '../../../../../electron/core/devices/simulation/virtual-serial-pair';
import { startSimulatedDevice } from '../../../../../electron/core/devices/simulation/simulated-device';
import { socatProcessesMentioning } from './socat-processes';
import { eventually } from '../../../../support/eventually';

describe('virtual serial pairs', () => {
  it('makes <dir>/console and <dir>/device, and unplugging removes both with their socat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-pair-test-'));
    const pair = await openVirtualSerialPair(dir);
    expect(pair).toMatchObject({ a: join(dir, 'console'), b: join(dir, 'device') });
    expect(existsSync(pair.a) && existsSync(pair.b)).toBe(true);
    expect(socatProcessesMentioning(dir)).toHaveLength(1);
    await pair.unplug();
    expect(existsSync(pair.a) || existsSync(pair.b)).toBe(false);
    expect(socatProcessesMentioning(dir)).toEqual([]);
  });

  it('makes the pair again in the same folder after a killed socat left its links behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-pair-test-'));
    const first = await openVirtualSerialPair(dir);
    const [pid] = socatProcessesMentioning(dir);
    process.kill(pid ?? 0, 'SIGKILL');
    await first.unplug();
    expect(lstatSync(first.a).isSymbolicLink()).toBe(true);
    const again = await openVirtualSerialPair(dir);
    expect(existsSync(again.a) && existsSync(again.b)).toBe(true);
    await again.unplug();
  });

  it('takes its socat down when the Node process exits without unplugging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-pair-test-'));
    const program = `import { openVirtualSerialPair } from './electron/core/devices/simulation/virtual-serial-pair'; await openVirtualSerialPair(${JSON.stringify(dir)}); process.exit(0);`;
    const code = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { cwd: resolve(__dirname, '../../../../..'), stdio: 'ignore' });
      child.on('exit', done);
    });
    expect(code).toBe(0);
    await eventually('socat gone', () => socatProcessesMentioning(dir).length === 0);
    expect(existsSync(join(dir, 'console'))).toBe(false);
  });

  it('says to install socat when it is missing, instead of crashing', async () => {
    const socatCommand = join(tmpdir(), 'no-such-dir', 'socat');
    const refusal = expect.objectContaining({ code: 'devices.socatMissing', params: { reason: expect.stringContaining('apt-get install socat') } });
    await expect(openVirtualSerialPair(undefined, { socatCommand })).rejects.toEqual(refusal);
    await expect(startSimulatedDevice({ kind: 'contact-id', socat: { socatCommand } })).rejects.toEqual(refusal);
  });
});
