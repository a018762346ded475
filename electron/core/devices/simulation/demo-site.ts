// The "demo site" (演示现场): one simulated device of each kind on its own pty pair, configured endpoints, and a gentle life.

import { join } from 'node:path';
import { AppError } from '../../../../shared/contract/app-error';
import type { DeviceFieldsInput } from '../../../../shared/contract/assets';
import type { LinkInput, DriverKind } from '../../../../shared/contract/links';
import { machineRoomSystemId } from '../../../../shared/domain/assets/catalog';
import { defaultDemoLifeTiming, startDemoLife, type DemoLifeTiming, type DemoSchedule } from './demo-life';
import { startSimulatedDevice, type SimulatedDevice, type SimulatedDeviceSpec } from './simulated-device';
import { defaultPanelPin } from './simulator-kinds';
import type { VirtualSerialPairOptions } from './virtual-serial-pair';

export interface StartDemoSiteInput {
  /** Each device's pty links go in `<dir>/<kind>/console`, stable across restarts so the configured paths keep working. */
  dir: string;
  /** Default: real timers that do not keep the process alive. */
  schedule?: DemoSchedule;
  /** Default Math.random. */
  random?: () => number;
  /** False: the devices only answer, nothing happens by itself. */
  life?: boolean;
  timing?: Partial<DemoLifeTiming>;
  /** What the life script does, one line each (the CLI prints it). */
  log?: (line: string) => void;
  socat?: VirtualSerialPairOptions;
}

export interface DemoSite {
  /** Ready for `links.create`, in start order. */
  endpoints: LinkInput[];
  devices: Record<DriverKind, SimulatedDevice>;
  /** Runs a command line on the device of that kind. */
  run(kind: DriverKind, commandLine: string): Promise<string>;
  /** Stops the life script and every device; kills every socat. */
  stop(): Promise<void>;
}

/** The receiver reports for this alarm account (the building's alarm host). */
export const demoAccount = '1234';

interface DemoDevice {
  spec: SimulatedDeviceSpec;
  name: string;
  protocol: Record<string, unknown>;
}

// The console polls as fast as a real site would; the devices answer as the real ones do.
const demoDevices: readonly DemoDevice[] = [
  { spec: { kind: 'contact-id', options: { heartbeatMs: 30_000 } }, name: '1号楼 报警接收机', protocol: { heartbeatTimeoutMs: 75_000 } },
  {
    spec: { kind: 'osdp', options: {} },
    name: '1号楼 门禁读卡器（正门、机房门）',
    protocol: { pds: [{ address: 1, scbk: null }, { address: 2, scbk: null }] },
  },
  { spec: { kind: 'nx584', options: { zones: 8, framing: 'binary' } }, name: '1号楼 防盗报警主机', protocol: { framing: 'binary', pin: defaultPanelPin, zoneCount: 8 } },
  { spec: { kind: 'megatec', options: {} }, name: '1号楼 机房UPS', protocol: { pollIntervalMs: 2_000 } },
  {
    spec: { kind: 'modbus', options: { modelId: 'th-rs485-generic', slaveAddress: 1 } },
    name: '1号楼 机房温湿度传感器',
    protocol: { modelId: 'th-rs485-generic', slaveAddress: 1 },
  },
];

const machineRoom = { building: '1号楼', floor: '1F', room: '中心机房' };

/**
 * The machine room's own UPS and sensor, filed in the asset register under 机房动力环境 and linked to their
 * endpoints, so their alarms and incidents lead to a device a guard can find. Keyed by driver: one of each.
 */
export const demoRegisterEntries: Partial<Record<DriverKind, DeviceFieldsInput>> = {
  megatec: { name: '1号楼 机房UPS', systemId: machineRoomSystemId, typeId: 'ups', ...machineRoom },
  modbus: { name: '1号楼 机房温湿度传感器', systemId: machineRoomSystemId, typeId: 'temperature-humidity', ...machineRoom },
};

const realSchedule: DemoSchedule = (delayMs, task) => {
  const timer = setTimeout(task, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

export async function startDemoSite(input: StartDemoSiteInput): Promise<DemoSite> {
  const random = input.random ?? Math.random;
  const started: { demo: DemoDevice; device: SimulatedDevice }[] = [];
  let endpoints: LinkInput[];
  try {
    for (const demo of demoDevices) {
      const spec: SimulatedDeviceSpec = demo.spec.kind === 'megatec' ? { kind: 'megatec', options: { ...demo.spec.options, random } } : demo.spec;
      started.push({ demo, device: await startSimulatedDevice({ ...spec, dir: join(input.dir, demo.spec.kind), socat: input.socat }) });
    }
    endpoints = started.map(({ demo, device }) => {
      if (device.consolePath === null) throw new AppError('devices.sim.badOptions', 'devices.sim.badOptions', { reason: 'demo device without a pty pair' });
      return {
        name: demo.name,
        driver: demo.spec.kind,
        portPath: device.consolePath,
        portMatch: { serialNumber: null, vendorId: null, productId: null },
        serial: device.serial,
        protocol: structuredClone(demo.protocol),
        assetId: null,
        enabled: true,
      };
    });
  } catch (error) {
    await Promise.allSettled(started.map(({ device }) => device.stop()));
    throw error;
  }

  const devices = Object.fromEntries(started.map(({ demo, device }) => [demo.spec.kind, device])) as Record<DriverKind, SimulatedDevice>;
  const run = (kind: DriverKind, commandLine: string): Promise<string> => devices[kind].run(commandLine);
  const life =
    input.life === false
      ? undefined
      : startDemoLife({
          run,
          schedule: input.schedule ?? realSchedule,
          random,
          timing: { ...defaultDemoLifeTiming, ...input.timing },
          account: demoAccount,
          log: input.log ?? (() => undefined),
        });

  let stopping: Promise<void> | undefined;
  return {
    endpoints,
    devices,
    run,
    stop() {
      stopping ??= (async () => {
        life?.stop();
        await Promise.allSettled(started.map(({ device }) => device.stop()));
      })();
      return stopping;
    },
  };
}
