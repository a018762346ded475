// Test rig: a console session and a receiver simulator on the two ends of a socat pty pair.

import { afterEach } from 'vitest';
import type { DeviceAlarm, DriverSession, TrafficRecord } from '../../../../../electron/core/devices/driver-session';
import { createContactIdSession } from '../../../../../electron/core/devices/contact-id/session';
import { createReceiverSimulator, type ReceiverSimulator } from '../../../../../electron/core/devices/contact-id/simulator';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { openSessionRig } from '../../../../support/session-rig';

export interface ReceiverLinkOptions {
  /** Stands in for the journal write: the alarm counts as committed once this resolves. */
  commit?: (alarm: DeviceAlarm) => Promise<void>;
  heartbeatTimeoutMs?: number;
  ackTimeoutMs?: number;
  maxMessageBytes?: number;
}

export interface ReceiverLink {
  session: DriverSession;
  simulator: ReceiverSimulator;
  /** Alarms whose commit resolved, in commit order. */
  committed: DeviceAlarm[];
  /** Every alarm handed to the session's handler, committed or not. */
  offered: DeviceAlarm[];
  traffic: TrafficRecord[];
  close(): Promise<void>;
}

export async function openReceiverLink(options: ReceiverLinkOptions = {}): Promise<ReceiverLink> {
  const { session, simulator, recorder, close } = await openSessionRig({
    serial: defaultSerialSettings,
    commit: options.commit,
    start: true,
    simulator: (port) => createReceiverSimulator({ port, ackTimeoutMs: options.ackTimeoutMs ?? 4000 }),
    session: async (end, handlers) =>
      createContactIdSession({
        port: await end.open(),
        now: Date.now,
        heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 60_000,
        maxMessageBytes: options.maxMessageBytes,
        handlers,
      }),
  });
  return { session, simulator, committed: recorder.alarms, offered: recorder.offered, traffic: recorder.traffic, close };
}

/** For a test file: opens a receiver link for the test (the last one opened) and closes it after the test. */
export function receiverLinkPerTest(): (options?: ReceiverLinkOptions) => Promise<ReceiverLink> {
  let link: ReceiverLink | undefined;
  afterEach(async () => {
    await link?.close();
    link = undefined;
  });
  return async (options) => (link = await openReceiverLink(options));
}
