// Test support: session handlers that keep what a driver reported, a wait-until, socat processes by path, manual time.

import { readdirSync, readFileSync } from 'node:fs';
import type { DeviceAlarm, DeviceReading, SessionHandlers } from '../../../../../electron/core/devices/driver-session';

export interface SessionRecorder {
  alarms: DeviceAlarm[];
  readings: DeviceReading[];
  handlers: SessionHandlers;
  latest(key: string): DeviceReading['value'] | undefined;
}

export function recordSession(): SessionRecorder {
  const alarms: DeviceAlarm[] = [];
  const readings: DeviceReading[] = [];
  return {
    alarms,
    readings,
    handlers: {
      alarm: async (alarm) => void alarms.push(alarm),
      reading: (reading) => void readings.push(reading),
      traffic: () => undefined,
    },
    latest: (key) => readings.filter((r) => r.key === key).at(-1)?.value,
  };
}

/** Resolves with the probe's first truthy value; fails naming `what` after the timeout. */
export async function until<T>(what: string, probe: () => T | undefined | false | null, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Pids of running socat processes whose command line mentions `text` (a pty folder), read from /proc. */
export function socatProcessesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('socat') && args.some((a) => a.includes(text))) pids.push(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return pids;
}

/** Time that moves only when the test says so: a schedule for the demo life, and advance(ms) to run what falls due. */
export function manualTime(): { schedule: (delayMs: number, task: () => void) => () => void; advance(ms: number): void; pending(): number } {
  let now = 0;
  const tasks: { at: number; task: () => void }[] = [];
  return {
    schedule(delayMs, task) {
      const entry = { at: now + delayMs, task };
      tasks.push(entry);
      return () => {
        const index = tasks.indexOf(entry);
        if (index >= 0) tasks.splice(index, 1);
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        tasks.splice(tasks.indexOf(due), 1);
        now = due.at;
        due.task();
      }
      now = end;
    },
    pending: () => tasks.length,
  };
}
