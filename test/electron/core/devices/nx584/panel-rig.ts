// An NX-584 session and a simulated panel on the two ends of a socat pty pair, with everything the session reported.

import type { DeviceAlarm, DeviceReading, DriverSession } from '../../../../../electron/core/devices/driver-session';
import type { Nx584Framing } from '../../../../../electron/core/devices/nx584/framing';
import { createNx584Session, type Nx584SessionOptions } from '../../../../../electron/core/devices/nx584/session';
import { createNx584PanelSimulator, type Nx584PanelSimulator, type Nx584PanelSimulatorOptions } from '../../../../../electron/core/devices/nx584/simulator';
import { countReplies, eventually as eventuallyWithin, openSessionRig, type SessionReport } from '../session-rig';

/** The panel's default interface speed; a pty ignores it. */
const panelSerial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

export interface PanelRig extends SessionReport {
  session: DriverSession;
  panel: Nx584PanelSimulator;
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
  const { framing } = options;
  const rig = await openSessionRig({
    serial: panelSerial,
    commitAlarm: options.commitAlarm,
    simulator: (port) => createNx584PanelSimulator({ port, framing, zones: 4, partitions: 1, pin: '1234', ackTimeoutMs: 300, ...options.panel }),
    session: (port, handlers) =>
      createNx584Session({
        port,
        framing,
        now: () => Date.now(),
        zoneCount: 4,
        pollIntervalMs: 100,
        replyTimeoutMs: 400,
        linkLostAfterMs: 800,
        ...options.session,
        handlers,
      }),
  });
  const { session, simulator, alarms, readings, traffic, close } = rig;
  const latest = (key: string): DeviceReading['value'] | undefined => readings.filter((r) => r.key === key).at(-1)?.value;
  return { session, panel: simulator, alarms, readings, traffic, latest, close };
}

/** Resolves once `condition` holds; fails with `what` after `timeoutMs` (the panel's polls are slower than a UPS's). */
export async function eventually(what: string, condition: () => boolean, timeoutMs = 6000): Promise<void> {
  await eventuallyWithin(what, condition, timeoutMs);
}

/** Resolves after `count` more system status replies: proof that the session went on polling. */
export async function afterMorePolls(rig: PanelRig, count: number): Promise<void> {
  const target = countReplies(rig.traffic, '08h') + count;
  await eventually(`${count} more system status replies`, () => countReplies(rig.traffic, '08h') >= target);
}

/** Resolves once the start-up reads reached the last zone's status. */
export async function started(rig: PanelRig, zoneCount = 4): Promise<void> {
  await eventually('the start-up reads', () => countReplies(rig.traffic, `04h zone ${zoneCount} status`) > 0);
}
