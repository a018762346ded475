// Two linked virtual serial ports made by socat: what a device on a cable looks like, without hardware.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../../shared/contract/app-error';

export interface VirtualSerialPair {
  /** The console's end. */
  a: string;
  /** The device's end (simulator). */
  b: string;
  /** Kills socat: both ends vanish, as when a USB adapter is pulled. */
  unplug(): Promise<void>;
}

export interface VirtualSerialPairOptions {
  /** The socat executable; found on PATH by default. */
  socatCommand?: string;
  startTimeoutMs?: number;
}

const socatHint = 'socat is not installed or not on PATH: install it (Debian/Ubuntu: sudo apt-get install socat)';

// socat outlives a Node process that exits without unplugging (an uncaught error, process.exit): kill what is
// still running on the way out, so no pty pair is left behind.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const survivor of running) survivor.kill('SIGTERM');
  });
}

/** Makes the pair as `<dir>/console` and `<dir>/device` (links replaced if left over); AppError `devices.socatMissing` without socat. */
export async function openVirtualSerialPair(
  dir = mkdtempSync(join(tmpdir(), 'duty-pty-')),
  options: VirtualSerialPairOptions = {},
): Promise<VirtualSerialPair> {
  mkdirSync(dir, { recursive: true });
  const a = join(dir, 'console');
  const b = join(dir, 'device');
  const child: ChildProcess = spawn(options.socatCommand ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let spawnError: NodeJS.ErrnoException | undefined;
  // Without this listener a missing executable is an uncaught 'error' event that ends the process.
  child.once('error', (error: NodeJS.ErrnoException) => (spawnError = error));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  track(child);
  const deadline = Date.now() + (options.startTimeoutMs ?? 5000);
  while (!(existsSync(a) && existsSync(b) && stderr.includes('starting data transfer loop'))) {
    if (spawnError) {
      if (spawnError.code === 'ENOENT') throw new AppError('devices.socatMissing', 'devices.socatMissing', { reason: socatHint });
      throw new AppError('devices.socatFailed', 'devices.socatFailed', { reason: spawnError.message });
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new AppError('devices.socatFailed', 'devices.socatFailed', { reason: `socat exited: ${stderr.trim()}` });
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new AppError('devices.socatFailed', 'devices.socatFailed', { reason: `socat did not make the pty pair in time: ${stderr.trim()}` });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    a,
    b,
    unplug: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
