// Two linked virtual serial ports made by socat: what a device on a cable looks like, without hardware.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface VirtualSerialPair {
  /** The console's end. */
  a: string;
  /** The device's end (simulator). */
  b: string;
  /** Kills socat: both ends vanish, as when a USB adapter is pulled. */
  unplug(): Promise<void>;
}

export async function openVirtualSerialPair(dir = mkdtempSync(join(tmpdir(), 'duty-pty-'))): Promise<VirtualSerialPair> {
  const a = join(dir, 'console');
  const b = join(dir, 'device');
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 5000;
  while (!(existsSync(a) && existsSync(b) && stderr.includes('starting data transfer loop'))) {
    if (child.exitCode !== null) throw new Error(`socat exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`socat did not make the pty pair in time: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    a,
    b,
    unplug: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
