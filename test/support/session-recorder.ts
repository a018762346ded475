// Test support: session handlers that keep what a driver reported, standing in for the device layer's commit.

import type { DeviceAlarm, DeviceReading, SessionHandlers, TrafficRecord } from '../../electron/core/devices/driver-session';

export interface SessionRecorderOptions {
  /** Stands in for the journal commit: an alarm counts as committed once this resolves. Resolves by default. */
  commit?: (alarm: DeviceAlarm) => Promise<void>;
}

export interface SessionRecorder {
  handlers: SessionHandlers;
  /** Alarms whose commit resolved, in commit order. */
  alarms: DeviceAlarm[];
  /** Every alarm handed to the handlers, committed or not. */
  offered: DeviceAlarm[];
  readings: DeviceReading[];
  traffic: TrafficRecord[];
  /** The latest value reported for a reading key. */
  latest(key: string): DeviceReading['value'] | undefined;
  /** Makes the next `count` alarm commits fail, as a full disk would. */
  failNextCommits(count: number): void;
}

export function recordSession(options: SessionRecorderOptions = {}): SessionRecorder {
  let failing = 0;
  const recorder: SessionRecorder = {
    alarms: [],
    offered: [],
    readings: [],
    traffic: [],
    handlers: {
      alarm: async (alarm) => {
        recorder.offered.push(alarm);
        if (failing > 0) {
          failing -= 1;
          throw new Error('disk full');
        }
        await options.commit?.(alarm);
        recorder.alarms.push(alarm);
      },
      reading: (reading) => void recorder.readings.push(reading),
      traffic: (record) => void recorder.traffic.push(record),
    },
    latest: (key) => recorder.readings.filter((r) => r.key === key).at(-1)?.value,
    failNextCommits(count) {
      failing += count;
    },
  };
  return recorder;
}

/** How many received records' summaries start with `prefix`. */
export function countReplies(traffic: TrafficRecord[], prefix: string): number {
  return traffic.filter((record) => record.direction === 'rx' && record.summary.startsWith(prefix)).length;
}
