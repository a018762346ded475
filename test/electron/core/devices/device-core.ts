// Test rig: a real core whose device layer reports made-up USB identities for ptys, and records every pushed event;
// and the bed a describe block of device tests stands on: its core and its simulated devices, closed after each test.
import { afterEach } from 'vitest';
import type { EventMap, EventName } from '../../../../shared/contract';
import type { PortInfo } from '../../../../shared/contract/links';
import type { CoreOptions } from '../../../../electron/core/core';
import type { BytePort, SerialSettings } from '../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { startTempCore, type TempCore } from '../../../support/temp-core';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../support/virtual-serial-pair';

export interface DeviceCore extends TempCore {
  /** What the injected port lister reports; change it to plug an adapter in under another path. */
  ports: PortInfo[];
  events: { name: EventName; payload: EventMap[EventName]; at: number }[];
  eventsNamed<E extends EventName>(name: E): EventMap[E][];
}

export async function startDeviceCore(options: Partial<CoreOptions> = {}): Promise<DeviceCore> {
  const ports: PortInfo[] = [];
  const t = await startTempCore({
    slaWatchIntervalMs: 0,
    ...options,
    devices: { listPorts: async () => ports.map((p) => ({ ...p })), backoff: { initialMs: 50, maxMs: 200 }, ...options.devices },
  });
  const events: DeviceCore['events'] = [];
  t.core.onEvent((name, payload) => events.push({ name, payload, at: Date.now() }));
  return {
    ...t,
    ports,
    events,
    eventsNamed: <E extends EventName>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as EventMap[E]),
  };
}

export function usbPort(path: string, serialNumber: string | null, vendorId = '0403', productId = '6001'): PortInfo {
  return { path, byIdPath: null, manufacturer: 'FTDI', serialNumber, vendorId, productId };
}

export const eightNone = (baudRate: number) => ({ baudRate, dataBits: 8, parity: 'none', stopBits: 1 }) as const;

export interface DeviceTestBed {
  /** Starts the test's core; closed after the test. A test that restarts the console starts the first one itself. */
  start(options?: Partial<CoreOptions>): Promise<DeviceCore>;
  /** A simulated device on the device end of a new pty pair; `pair.a` is the console's end, for `links.create`. */
  simulate<S extends { stop(): void } | { close(): void }>(serial: SerialSettings, make: (port: BytePort) => S): Promise<{ pair: VirtualSerialPair; device: S }>;
}

/** Call once in a describe block: what its tests start and simulate is closed after each one. */
export function deviceTestBed(): DeviceTestBed {
  let core: DeviceCore | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    await core?.close();
    core = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    start: async (options) => (core = await startDeviceCore(options)),
    async simulate(serial, make) {
      const pair = await openVirtualSerialPair();
      const port = await openSerialBytePort(pair.b, serial);
      const device = make(port);
      cleanups.push(
        () => pair.unplug(),
        () => port.close(),
        () => ('stop' in device ? device.stop() : device.close()),
      );
      return { pair, device };
    },
  };
}
