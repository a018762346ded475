// The links' contract: a link is a configured serial endpoint (driver + port + protocol settings) to a device of the
// asset register; serial ports, live status, readings, the diagnostics traffic monitor and test commands.
import { z } from 'zod';
import type { AppErrorData } from './app-error';
import type { DeviceReading, TestCommandSpec } from '../domain/devices/device-signals';
import { command, query } from './define';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

/** The five drivers: SurGard/Contact ID receivers, NX-584 alarm hosts, OSDP readers, Modbus sensors, Megatec UPS. */
export const driverKinds = ['contact-id', 'nx584', 'osdp', 'modbus', 'megatec'] as const;
export type DriverKind = (typeof driverKinds)[number];

export const serialSettingsSchema = z.object({
  baudRate: z.number().int().min(300).max(921_600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]),
});
export type SerialPortSettings = z.infer<typeof serialSettingsSchema>;

/** A serial port the machine offers now (serialport's list, plus the stable /dev/serial/by-id link on Linux). */
export interface PortInfo {
  path: string;
  byIdPath: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
}

export interface PortList {
  ports: PortInfo[];
  /** Set when the list could not be read in full (for example `udevadm` missing): the ports are then a best effort. */
  warning: AppErrorData | null;
}

/**
 * How a link's port is found again after the adapter is unplugged and plugged back under another path: the USB
 * serial number, else vendor + product id. All null: the path alone (a built-in port, a pty).
 */
export const portMatchSchema = z.object({
  serialNumber: text(128).nullable().default(null),
  vendorId: text(16).nullable().default(null),
  productId: text(16).nullable().default(null),
});
export type PortMatch = z.infer<typeof portMatchSchema>;

/**
 * Driver-specific settings, checked by the core against the driver's own schema (e.g. contact-id: heartbeat
 * timeout; osdp: PD addresses and keys; modbus: slave address, register-map model id, poll period; megatec:
 * poll period; nx584: framing and PIN). Secrets in here (OSDP keys, NX-584 PIN) are stored encrypted and never
 * returned: reads give them back as `"••••"` placeholders, and a placeholder written back keeps the stored value.
 */
export const protocolSettingsSchema = z.record(z.string().max(64), z.unknown());

export const linkInputSchema = z.object({
  name: text(100).min(1),
  driver: z.enum(driverKinds),
  portPath: text(300).min(1),
  portMatch: portMatchSchema.default({ serialNumber: null, vendorId: null, productId: null }),
  serial: serialSettingsSchema,
  protocol: protocolSettingsSchema.default({}),
  /** The asset-register device at the other end (the alarm host, the UPS); alarms and incidents link to it. */
  assetId: id.nullable().default(null),
  enabled: z.boolean().default(true),
});
export type LinkInput = z.infer<typeof linkInputSchema>;

export interface Link extends Omit<LinkInput, 'protocol'> {
  id: string;
  protocol: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

/** connected: talking; connecting: first open; reconnecting: lost, retrying with backoff; offline: port absent; disabled. */
export type LinkState = 'connected' | 'connecting' | 'reconnecting' | 'offline' | 'disabled';

export interface LinkHealth {
  framesGood: number;
  framesBad: number;
  lastFrameAt: number | null;
  /** Reply latency of the last reply and the mean over the last 100, ms; null for listen-only drivers. */
  latencyLastMs: number | null;
  latencyMeanMs: number | null;
  reconnects: number;
}

export interface LinkStatus {
  state: LinkState;
  /** Since when in this state (offline since…). */
  since: number;
  /** The path in use now (may differ from the configured one after a replug). */
  currentPath: string | null;
  lastError: AppErrorData | null;
  health: LinkHealth;
}

export interface LinkView extends Link {
  status: LinkStatus;
  /** Alarms raised over this link not yet restored. */
  activeAlarmCount: number;
}

/** One traffic-monitor line. `seq` grows per link; the monitor asks for what came after the last seq it has. */
export interface TrafficLine {
  seq: number;
  at: number;
  direction: 'rx' | 'tx';
  hex: string;
  /** Printable ASCII with other bytes as `.`. */
  ascii: string;
  summary: string;
  ok: boolean;
  latencyMs: number | null;
}

export interface TrafficPage {
  lines: TrafficLine[];
  /** The seq to ask after next time. */
  lastSeq: number;
  /** Lines older than the capture buffer holds were dropped (the buffer keeps the latest 2,000 per link). */
  dropped: boolean;
}

export interface LinksChanged {
  ids: string[];
}

export interface TestCommandResult {
  commandId: string;
  result: string;
  at: number;
}

export const linksContract = {
  'links.ports': query<PortList>()(z.object({})),
  'links.list': query<LinkView[]>()(z.object({})),
  'links.get': query<LinkView>()(z.object({ id })),
  'links.create': command<LinkView>()(linkInputSchema),
  'links.update': command<LinkView>()(z.object({ id, fields: linkInputSchema })),
  'links.remove': command<null>()(z.object({ id })),
  'links.setEnabled': command<LinkView>()(z.object({ id, enabled: z.boolean() })),
  /** The latest value of every reading the device on this link reported (sensor values, UPS voltages, zone states, last card). */
  'links.readings': query<DeviceReading[]>()(z.object({ id })),
  'links.traffic': query<TrafficPage>()(z.object({ id, afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(2000).default(500) })),
  'links.testCommands': query<TestCommandSpec[]>()(z.object({ id })),
  /** Dangerous commands (open a door, disarm) are refused unless `confirmed`; every run is journaled. */
  'links.runTestCommand': command<TestCommandResult>()(
    z.object({
      id,
      commandId: z.string().min(1).max(64),
      params: z.record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).default({}),
      confirmed: z.boolean().default(false),
    }),
  ),
};
