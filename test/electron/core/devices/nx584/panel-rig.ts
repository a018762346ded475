// An NX-584 session and a simulated panel on the two ends of a socat pty pair, with everything the session reported.

import type { DeviceAlarm, DriverSession } from '../../../../../electron/core/devices/driver-session';
import type { Nx584Framing } from '../../../../../electron/core/devices/nx584/framing';
import { createNx584Session, type Nx584SessionOptions } from '../../../../../electron/core/devices/nx584/session';
import { createNx584PanelSimulator, type Nx584PanelSimulator, type Nx584PanelSimulatorOptions } from '../../../../../electron/core/devices/nx584/simulator';
import { eventually } from '../../../../support/eventually';
import { countReplies, type SessionRecorder } from '../../../../support/session-recorder';
import { openSessionRig } from '../../../../support/session-rig';

/** The panel's default interface speed; a pty ignores it. */
const panelSerial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

export interface PanelRig extends Pick<SessionRecorder, 'alarms' | 'readings' | 'traffic' | 'latest'> {
  session: DriverSession;
  panel: Nx584PanelSimulator;
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
  const { session, simulator, recorder, close } = await openSessionRig({
    serial: panelSerial,
    commit: options.commitAlarm,
    simulator: (port) => createNx584PanelSimulator({ port, framing, zones: 4, partitions: 1, pin: '1234', ackTimeoutMs: 300, ...options.panel }),
    session: async (end, handlers) =>
      createNx584Session({
        port: await end.open(),
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
  const { alarms, readings, traffic, latest } = recorder;
  return { session, panel: simulator, alarms, readings, traffic, latest, close };
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
