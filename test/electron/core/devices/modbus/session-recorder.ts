// Test support: records what a session reports, and waits for it.

import type { DeviceAlarm, DeviceReading, SessionHandlers, TrafficRecord } from '../../../../../electron/core/devices/driver-session';

export interface SessionRecorder {
  handlers: SessionHandlers;
  alarms: DeviceAlarm[];
  readings: DeviceReading[];
  traffic: TrafficRecord[];
  /** The latest value reported for a reading key. */
  latest(key: string): DeviceReading['value'] | undefined;
  /** Makes the next `count` alarm commits fail, as a full disk would. */
  failNextCommits(count: number): void;
}

export function recordSession(): SessionRecorder {
  let failing = 0;
  const recorder: SessionRecorder = {
    alarms: [],
    readings: [],
    traffic: [],
    handlers: {
      alarm: async (alarm) => {
        if (failing > 0) {
          failing--;
          throw new Error('commit failed');
        }
        recorder.alarms.push(alarm);
      },
      reading: (reading) => recorder.readings.push(reading),
      traffic: (record) => recorder.traffic.push(record),
    },
    latest: (key) => recorder.readings.filter((r) => r.key === key).at(-1)?.value,
    failNextCommits(count) {
      failing = count;
    },
  };
  return recorder;
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
