// Test rig: a real core whose device layer reports made-up USB identities for ptys, and records every pushed event.
import type { EventMap, EventName } from '../../../../shared/contract';
import type { PortInfo } from '../../../../shared/contract/links';
import type { CoreOptions } from '../../../../electron/core/core';
import { startTempCore, type TempCore } from '../../../support/temp-core';

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

/** Resolves with the value once `probe` returns one that is not undefined; fails naming `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const eightNone = (baudRate: number) => ({ baudRate, dataBits: 8, parity: 'none', stopBits: 1 }) as const;
