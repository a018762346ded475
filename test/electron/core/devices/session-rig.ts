// Test rig: a driver session and a device simulator on the two ends of a socat pty pair, with everything the session reported.

import type { DeviceAlarm, DeviceReading, DriverSession, SessionHandlers, TrafficRecord } from '../../../../electron/core/devices/driver-session';
import type { BytePort, SerialSettings } from '../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../support/virtual-serial-pair';

/** What the session handed its handlers, in order. */
export interface SessionReport {
  alarms: DeviceAlarm[];
  readings: DeviceReading[];
  traffic: TrafficRecord[];
}

export interface SessionRig<Simulator> extends SessionReport {
  session: DriverSession;
  simulator: Simulator;
  consolePort: BytePort;
  pair: VirtualSerialPair;
  /** Stops session and simulator, closes both ports and unplugs the pair. */
  close(): Promise<void>;
}

export interface SessionRigOptions<Simulator extends { stop(): void }> {
  serial: SerialSettings;
  /** Builds the simulator on the device's end. */
  simulator(port: BytePort): Simulator;
  /** Builds the session on the console's end, reporting to `handlers`. */
  session(port: BytePort, handlers: SessionHandlers): DriverSession;
  /** Stands in for the journal commit; resolves by default. */
  commitAlarm?: (alarm: DeviceAlarm) => Promise<void>;
}

export async function openSessionRig<Simulator extends { stop(): void }>(options: SessionRigOptions<Simulator>): Promise<SessionRig<Simulator>> {
  const pair = await openVirtualSerialPair();
  const consolePort = await openSerialBytePort(pair.a, options.serial);
  const devicePort = await openSerialBytePort(pair.b, options.serial);
  const simulator = options.simulator(devicePort);
  const report: SessionReport = { alarms: [], readings: [], traffic: [] };
  const session = options.session(consolePort, recordingHandlers(report, options.commitAlarm));
  return {
    ...report,
    session,
    simulator,
    consolePort,
    pair,
    close: async () => {
      session.stop();
      simulator.stop();
      await consolePort.close();
      await devicePort.close();
      await pair.unplug();
    },
  };
}

/** Handlers that push into `report`; an alarm only once `commitAlarm` has resolved. */
function recordingHandlers(report: SessionReport, commitAlarm: (alarm: DeviceAlarm) => Promise<void> = async () => undefined): SessionHandlers {
  return {
    alarm: async (alarm) => {
      await commitAlarm(alarm);
      report.alarms.push(alarm);
    },
    reading: (reading) => report.readings.push(reading),
    traffic: (record) => report.traffic.push(record),
  };
}

/** Resolves once `condition` holds; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many received records' summaries start with `prefix`. */
export function countReplies(traffic: TrafficRecord[], prefix: string): number {
  return traffic.filter((record) => record.direction === 'rx' && record.summary.startsWith(prefix)).length;
}
