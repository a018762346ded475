// A UPS session and a simulated UPS on the two ends of a socat pty pair, with everything the session reported.

import type { DeviceAlarm, DriverSession } from '../../../../../electron/core/devices/driver-session';
import { createMegatecSession, type MegatecSessionOptions } from '../../../../../electron/core/devices/megatec/session';
import { createUpsSimulator, type UpsSimulator, type UpsSimulatorOptions } from '../../../../../electron/core/devices/megatec/simulator';
import { eventually } from '../../../../support/eventually';
import { countReplies, type SessionRecorder } from '../../../../support/session-recorder';
import { openSessionRig } from '../../../../support/session-rig';

/** The protocol's 2400 baud; a pty ignores it. */
const upsSerial = { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 } as const;

export interface UpsRig extends Pick<SessionRecorder, 'alarms' | 'readings' | 'traffic'> {
  session: DriverSession;
  ups: UpsSimulator;
  close(): Promise<void>;
}

export interface UpsRigOptions {
  simulator?: Omit<UpsSimulatorOptions, 'port'>;
  session?: Partial<Omit<MegatecSessionOptions, 'port' | 'handlers'>>;
  /** Stands in for the journal commit; resolves by default. */
  commitAlarm?: (alarm: DeviceAlarm) => Promise<void>;
}

export async function openUpsRig(options: UpsRigOptions = {}): Promise<UpsRig> {
  const { session, simulator, recorder, close } = await openSessionRig({
    serial: upsSerial,
    commit: options.commitAlarm,
    simulator: (port) => createUpsSimulator({ port, ...options.simulator }),
    session: async (end, handlers) =>
      createMegatecSession({ port: await end.open(), now: () => Date.now(), pollIntervalMs: 50, replyTimeoutMs: 250, linkLostAfterMs: 600, ...options.session, handlers }),
  });
  return { session, ups: simulator, alarms: recorder.alarms, readings: recorder.readings, traffic: recorder.traffic, close };
}

/** Resolves after `count` more status replies have arrived: proof that polling went on. */
export async function afterMorePolls(rig: UpsRig, count: number): Promise<void> {
  const target = countReplies(rig.traffic, 'status:') + count;
  await eventually(`${count} more status replies`, () => countReplies(rig.traffic, 'status:') >= target, 5000);
}
