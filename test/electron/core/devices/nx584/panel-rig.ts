// An NX-584 session and a simulated panel on the two ends of a socat pty pair, with everything the session reported.

import type { DeviceAlarm, DeviceReading, DriverSession, TrafficRecord } from '../../../../../electron/core/devices/driver-session';
import type { Nx584Framing } from '../../../../../electron/core/devices/nx584/framing';
import { createNx584Session, type Nx584SessionOptions } from '../../../../../electron/core/devices/nx584/session';
import { createNx584PanelSimulator, type Nx584PanelSimulator, type Nx584PanelSimulatorOptions } from '../../../../../electron/core/devices/nx584/simulator';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../../../../support/virtual-serial-pair';

/** The panel's default interface speed; a pty ignores it. */
const panelSerial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

export interface PanelRig {
  session: DriverSession;
  panel: Nx584PanelSimulator;
  alarms: DeviceAlarm[];
  readings: DeviceReading[];
  traffic: TrafficRecord[];
  /** The latest value of a reading. */
  latest(key: string): DeviceReading['value'] | undefined;
  close(): Promise<void>;
}

export interface PanelRigOptions {
  framing: Nx584Framing;
  panel?: Partial<Omit<Nx584PanelSimulatorOptions, 'port' | 'framing'>>;
  session?: Partial<Omit<Nx584SessionOptions, 'port' | 'handlers' | 'framing'>>;
  /** Stands in for the journal commit; resolves by default. */
  commitAlarm?: (alarm: DeviceAlarm) => Promise<void>;
}

export async function openPanelRig(options: PanelRigOptions): Promise<PanelRig> {
  const pair = await openVirtualSerialPair();
  const consolePort = await openSerialBytePort(pair.a, panelSerial);
  const devicePort = await openSerialBytePort(pair.b, panelSerial);
  const panel = createNx584PanelSimulator({ port: devicePort, framing: options.framing, zones: 4, partitions: 1, pin: '1234', ackTimeoutMs: 300, ...options.panel });
  const alarms: DeviceAlarm[] = [];
  const readings: DeviceReading[] = [];
  const traffic: TrafficRecord[] = [];
  const session = createNx584Session({
    port: consolePort,
    framing: options.framing,
    now: () => Date.now(),
    zoneCount: 4,
    pollIntervalMs: 100,
    replyTimeoutMs: 400,
    linkLostAfterMs: 800,
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
    panel,
    alarms,
    readings,
    traffic,
    latest: (key) => readings.filter((r) => r.key === key).at(-1)?.value,
    async close() {
      session.stop();
      panel.stop();
      await consolePort.close();
      await devicePort.close();
      await pair.unplug();
    },
  };
}

/** Resolves once `condition` holds; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => boolean, timeoutMs = 6000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves after `count` more system status replies: proof that the session went on polling. */
export async function afterMorePolls(rig: PanelRig, count: number): Promise<void> {
  const polls = (): number => rig.traffic.filter((r) => r.direction === 'rx' && r.summary.startsWith('08h')).length;
  const target = polls() + count;
  await eventually(`${count} more system status replies`, () => polls() >= target);
}

/** Resolves once the start-up reads reached the last zone's status. */
export async function started(rig: PanelRig, zoneCount = 4): Promise<void> {
  await eventually('the start-up reads', () => rig.traffic.some((r) => r.direction === 'rx' && r.summary.startsWith(`04h zone ${zoneCount} status`)));
}
