// Test rig: a driver session and a device simulator on the two ends of a socat pty pair, with everything the session reported.

import type { DriverSession } from '../../electron/core/devices/driver-session';
import type { BytePort, SerialSettings } from '../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../electron/core/devices/port/serial-byte-port';
import { recordSession, type SessionRecorder, type SessionRecorderOptions } from './session-recorder';
import { openVirtualSerialPair, type VirtualSerialPair } from './virtual-serial-pair';

/** The console's end of the pair: a driver on a BytePort opens it here (closed by the rig); Modbus opens the path itself. */
export interface ConsoleEnd {
  readonly path: string;
  open(): Promise<BytePort>;
}

type Simulator = { stop(): void } | { close(): void };

export interface SessionRigOptions<S extends Simulator, D extends DriverSession> extends SessionRecorderOptions {
  serial: SerialSettings;
  /** Builds the simulator on the device's end. */
  simulator(port: BytePort): S;
  /** Builds the session on the console's end, reporting to `handlers`. */
  session(console: ConsoleEnd, handlers: SessionRecorder['handlers']): D | Promise<D>;
  /** Starts the session once both ends are up; off by default. */
  start?: boolean;
}

export interface SessionRig<S extends Simulator, D extends DriverSession> {
  session: D;
  simulator: S;
  /** What the session reported. */
  recorder: SessionRecorder;
  pair: VirtualSerialPair;
  /** Stops session and simulator, closes both ports and unplugs the pair. */
  close(): Promise<void>;
}

export async function openSessionRig<S extends Simulator, D extends DriverSession>(options: SessionRigOptions<S, D>): Promise<SessionRig<S, D>> {
  const pair = await openVirtualSerialPair();
  const recorder = recordSession(options);
  let consolePort: BytePort | undefined;
  const consoleEnd: ConsoleEnd = {
    path: pair.a,
    open: async () => (consolePort ??= await openSerialBytePort(pair.a, options.serial)),
  };
  // The console's end is open before the device's, so nothing the simulator says is lost.
  const session = await options.session(consoleEnd, recorder.handlers);
  const devicePort = await openSerialBytePort(pair.b, options.serial);
  const simulator = options.simulator(devicePort);
  if (options.start) session.start();
  return {
    session,
    simulator,
    recorder,
    pair,
    close: async () => {
      session.stop();
      // A session that opened its own port (Modbus) closes it.
      await (session as Partial<{ close(): Promise<void> }>).close?.();
      if ('stop' in simulator) simulator.stop();
      else simulator.close();
      await consolePort?.close();
      await devicePort.close();
      await pair.unplug();
    },
  };
}
