// One simulated device on a serial line: on a given device-side path, or on a fresh socat pty pair whose other end the console uses.

import { AppError } from '../../../../shared/contract/app-error';
import { driverProtocols } from '../../../../shared/contract/device-protocols';
import type { DriverKind } from '../../../../shared/contract/links';
import type { BytePort, SerialSettings } from '../port/byte-port';
import { openSerialBytePort } from '../port/serial-byte-port';
import { parseSimulatorScript, runSimulatorCommand, simulatorHelp, type CommandContext } from './simulator-commands';
import {
  sensorModel,
  startOsdpBus,
  startPanel,
  startReceiver,
  startSensor,
  startUps,
  type KindSimulator,
  type SimulatedDeviceOptions,
} from './simulator-kinds';
import { openVirtualSerialPair, type VirtualSerialPair, type VirtualSerialPairOptions } from './virtual-serial-pair';

export type { SimulatedDeviceOptions } from './simulator-kinds';

export type SimulatedDeviceSpec = { [K in DriverKind]: { kind: K; options?: SimulatedDeviceOptions[K] } }[DriverKind];

export type StartSimulatedDeviceInput = SimulatedDeviceSpec & {
  /** The device end of a real cable or adapter, or of an existing pty; without it a socat pty pair is made. */
  path?: string;
  /** Where the pty pair's links go (`<dir>/console`, `<dir>/device`); a fresh temp folder by default. */
  dir?: string;
  /** Default: the driver's usual settings (a pty ignores them; a real adapter does not). */
  serial?: SerialSettings;
  /** How `wait` waits; a real timer by default. */
  wait?: CommandContext['wait'];
  socat?: VirtualSerialPairOptions;
};

export interface SimulatedDevice {
  kind: DriverKind;
  /** The path to configure in the console; null when the device was started on a given path (the console is across the cable). */
  consolePath: string | null;
  devicePath: string;
  serial: SerialSettings;
  /** Runs one line of the command language (`;` separates commands); rejects with an AppError, never throws synchronously. */
  run(commandLine: string): Promise<string>;
  help(): string;
  /** The device port closed by itself (adapter pulled, pty pair gone); not called for stop(). */
  onClose(listener: (error?: Error) => void): () => void;
  /** Stops the simulator, closes its port and kills socat if it made the pair. Safe to call twice. */
  stop(): Promise<void>;
}

const realWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function startKind(spec: SimulatedDeviceSpec, port: BytePort): KindSimulator<DriverKind> {
  switch (spec.kind) {
    case 'contact-id':
      return startReceiver(port, spec.options ?? {});
    case 'osdp':
      return startOsdpBus(port, spec.options ?? {});
    case 'nx584':
      return startPanel(port, spec.options ?? {});
    case 'megatec':
      return startUps(port, spec.options ?? {});
    case 'modbus':
      return startSensor(port, spec.options ?? {});
  }
}

/** The serial settings a device of this kind uses by default; a Modbus sensor takes its model's. */
export function simulatedSerialSettings(spec: SimulatedDeviceSpec): SerialSettings {
  if (spec.kind !== 'modbus') return driverProtocols[spec.kind].serial;
  const { baudRate, parity, stopBits } = sensorModel(spec.options ?? {}).defaults;
  return { baudRate, dataBits: 8, parity, stopBits };
}

export async function startSimulatedDevice(input: StartSimulatedDeviceInput): Promise<SimulatedDevice> {
  const serial = input.serial ?? simulatedSerialSettings(input);
  const pair: VirtualSerialPair | undefined = input.path === undefined ? await openVirtualSerialPair(input.dir, input.socat) : undefined;
  const devicePath = input.path ?? pair?.b ?? '';
  let port: BytePort | undefined;
  let started: KindSimulator<DriverKind>;
  try {
    port = await openSerialBytePort(devicePath, serial);
    started = startKind(input, port);
  } catch (error) {
    await port?.close();
    await pair?.unplug();
    throw error;
  }
  const devicePort = port;
  const context: CommandContext = { wait: input.wait ?? realWait };
  const closeListeners = new Set<(error?: Error) => void>();
  let stopping: Promise<void> | undefined;
  devicePort.onClose((error) => {
    if (stopping) return;
    for (const listener of closeListeners) listener(error);
  });

  const run = async (commandLine: string): Promise<string> => {
    if (stopping) throw new AppError('devices.sim.stopped', 'devices.sim.stopped', { kind: input.kind });
    const commands = parseSimulatorScript(started.commanded.kind, commandLine);
    const results: string[] = [];
    for (const command of commands) results.push(await runSimulatorCommand(started.commanded, command, context));
    return results.join('\n');
  };

  return {
    kind: input.kind,
    consolePath: pair?.a ?? null,
    devicePath,
    serial,
    run,
    help: () => simulatorHelp(input.kind),
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    stop() {
      stopping ??= (async () => {
        started.stop();
        await devicePort.close();
        await pair?.unplug();
      })();
      return stopping;
    },
  };
}
