// A UPS session and a simulated UPS on the two ends of a socat pty pair, with everything the session reported.

import type { DeviceAlarm, DeviceReading, DriverSession, TrafficRecord } from '../../../../../electron/core/devices/driver-session';
import { createMegatecSession, type MegatecSessionOptions } from '../../../../../electron/core/devices/megatec/session';
import { createUpsSimulator, type UpsSimulator, type UpsSimulatorOptions } from '../../../../../electron/core/devices/megatec/simulator';
import type { BytePort } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../../../../support/virtual-serial-pair';

/** The protocol's 2400 baud; a pty ignores it. */
const upsSerial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

export interface UpsRig {
  session: DriverSession;
  ups: UpsSimulator;
  consolePort: BytePort;
  alarms: DeviceAlarm[];
  readings: DeviceReading[];
  traffic: TrafficRecord[];
  close(): Promise<void>;
}

export interface UpsRigOptions {
  simulator?: Omit<UpsSimulatorOptions, 'port'>;
  session?: Partial<Omit<MegatecSessionOptions, 'port' | 'handlers'>>;
  /** Stands in for the journal commit; resolves by default. */
  commitAlarm?: (alarm: DeviceAlarm) => Promise<void>;
}

export async function openUpsRig(options: UpsRigOptions = {}): Promise<UpsRig> {
  const pair = await openVirtualSerialPair();
  const consolePort = await openSerialBytePort(pair.a, upsSerial);
  const devicePort = await openSerialBytePort(pair.b, upsSerial);
  const ups = createUpsSimulator({ port: devicePort, ...options.simulator });
  const alarms: DeviceAlarm[] = [];
  const readings: DeviceReading[] = [];
  const traffic: TrafficRecord[] = [];
  const session = createMegatecSession({
    port: consolePort,
    now: () => Date.now(),
    pollIntervalMs: 50,
    replyTimeoutMs: 250,
    linkLostAfterMs: 600,
    ...options.session,
    handlers: {
      alarm: async (alarm) => {
        await (options.commitAlarm ?? (async () => undefined))(alarm);
        alarms.push(alarm);
      },
      reading: (reading) => readings.push(reading),
      traffic: (record) => traffic.push(record),
    },
  });
  return {
    session,
    ups,
    consolePort,
    alarms,
    readings,
    traffic,
    async close() {
      session.stop();
      ups.stop();
      await consolePort.close();
      await devicePort.close();
      await pair.unplug();
    },
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

/** Resolves after `count` more status replies have arrived: proof that polling went on. */
export async function afterMorePolls(rig: UpsRig, count: number): Promise<void> {
  const statusReplies = (): number => rig.traffic.filter((record) => record.direction === 'rx' && record.summary.startsWith('status:')).length;
  const target = statusReplies() + count;
  await eventually(`${count} more status replies`, () => statusReplies() >= target);
}
