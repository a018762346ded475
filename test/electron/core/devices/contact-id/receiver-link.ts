// Test rig: a console session and a receiver simulator on the two ends of a socat pty pair.

import type { DeviceAlarm, DriverSession, TrafficRecord } from '../../../../../electron/core/devices/driver-session';
import { createContactIdSession } from '../../../../../electron/core/devices/contact-id/session';
import { createReceiverSimulator, type ReceiverSimulator } from '../../../../../electron/core/devices/contact-id/simulator';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../../../../support/virtual-serial-pair';

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
  const pair = await openVirtualSerialPair();
  const consolePort = await openSerialBytePort(pair.a, defaultSerialSettings);
  const receiverPort = await openSerialBytePort(pair.b, defaultSerialSettings);
  const committed: DeviceAlarm[] = [];
  const offered: DeviceAlarm[] = [];
  const traffic: TrafficRecord[] = [];
  const session = createContactIdSession({
    port: consolePort,
    now: Date.now,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 60_000,
    maxMessageBytes: options.maxMessageBytes,
    handlers: {
      alarm: async (alarm) => {
        offered.push(alarm);
        await options.commit?.(alarm);
        committed.push(alarm);
      },
      reading: () => undefined,
      traffic: (record) => traffic.push(record),
    },
  });
  session.start();
  const simulator = createReceiverSimulator({ port: receiverPort, ackTimeoutMs: options.ackTimeoutMs ?? 4000 });
  return {
    session,
    simulator,
    committed,
    offered,
    traffic,
    async close() {
      simulator.close();
      session.stop();
      await consolePort.close();
      await receiverPort.close();
      await pair.unplug();
    },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
