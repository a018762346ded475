// Each driver's protocol settings as the core checks them (zod, with defaults), its secret fields and serial defaults.
import { z } from 'zod';
import { modbusDeviceModelSchema } from '../domain/devices/modbus-register-map';
import type { DriverKind, SerialPortSettings } from './links';

/** What a read returns in place of a stored secret; writing it back keeps the stored value. */
export const secretPlaceholder = '••••';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

export const contactIdSettingsSchema = z.strictObject({
  /** The receiver's heartbeat comes about every 30 s (Sur-Gard MLR2): one missed beat and a half by default. */
  heartbeatTimeoutMs: ms(5_000, 3_600_000).default(75_000),
  maxMessageBytes: z.number().int().min(32).max(4096).optional(),
});

export const nx584SettingsSchema = z.strictObject({
  /** As programmed in the panel's interface settings. */
  framing: z.enum(['binary', 'ascii']).default('binary'),
  /** The user code for arm/disarm (4 or 6 digits): a secret, stored sealed. */
  pin: z.string().regex(/^(\d{4}|\d{6})$/, 'pin_format').nullable().default(null),
  zoneCount: z.number().int().min(1).max(192).default(8),
  pollIntervalMs: ms(500, 600_000).default(10_000),
  linkLostAfterMs: ms(1_000, 3_600_000).default(30_000),
  replyTimeoutMs: ms(100, 30_000).default(2_000),
});

export const osdpPdSettingsSchema = z.strictObject({
  /** 0x00–0x7E (0x7F is the broadcast address). */
  address: z.number().int().min(0).max(0x7e),
  /** The PD's Secure Channel base key, 16 bytes as hex: a secret, stored sealed. */
  scbk: z.string().regex(/^[0-9A-Fa-f]{32}$/, 'scbk_format').nullable().default(null),
  secure: z.boolean().optional(),
});

export const osdpSettingsSchema = z.strictObject({
  pds: z
    .array(osdpPdSettingsSchema)
    .min(1)
    .max(126)
    .superRefine((pds, ctx) => {
      const seen = new Set<number>();
      pds.forEach((pd, index) => {
        if (seen.has(pd.address)) ctx.addIssue({ code: 'custom', message: 'address_duplicate', path: [index, 'address'] });
        seen.add(pd.address);
      });
    }),
  useCrc: z.boolean().default(true),
  /** SIA OSDP 2.2 §5.7: a PD starts its reply within 200 ms, and is offline after 8 s without one. */
  replyTimeoutMs: ms(50, 5_000).default(200),
  offlineAfterMs: ms(1_000, 600_000).default(8_000),
  pollIntervalMs: ms(0, 10_000).default(50),
  secureRetryMs: ms(1_000, 3_600_000).default(60_000),
});

export const modbusSettingsSchema = z.strictObject({
  /** A shipped register map; ignored when `model` (an engineer's own map) is given. */
  modelId: z.string().min(1).max(64).default('th-rs485-generic'),
  model: modbusDeviceModelSchema.optional(),
  /** Unset: the model's default. */
  slaveAddress: z.number().int().min(1).max(247).optional(),
  pollIntervalMs: ms(200, 3_600_000).optional(),
  timeoutMs: ms(50, 10_000).optional(),
  linkLostAfterFailures: z.number().int().min(1).max(100).default(3),
});

export const megatecSettingsSchema = z.strictObject({
  /** The protocol note says poll about every 2 s. */
  pollIntervalMs: ms(100, 600_000).default(2_000),
  linkLostAfterMs: ms(300, 3_600_000).default(10_000),
  replyTimeoutMs: ms(50, 30_000).default(1_000),
});

const eightNone = (baudRate: number): SerialPortSettings => ({ baudRate, dataBits: 8, parity: 'none', stopBits: 1 });

export interface DriverProtocol {
  settings: z.ZodType<Record<string, unknown>>;
  /** Paths of secret fields: `pin`, or `pds[].scbk` for a field of every element of an array. */
  secretFields: readonly string[];
  serial: SerialPortSettings;
}

export const driverProtocols: Record<DriverKind, DriverProtocol> = {
  // Sur-Gard MLR2000 manual §12.1: 9600 8N1 by default (the older MLR2E: 19200 7E1; both programmable).
  'contact-id': { settings: contactIdSettingsSchema, secretFields: [], serial: eightNone(9600) },
  // NX-584 interface: 2400 baud by default, programmable up to 38400.
  nx584: { settings: nx584SettingsSchema, secretFields: ['pin'], serial: eightNone(2400) },
  osdp: { settings: osdpSettingsSchema, secretFields: ['pds[].scbk'], serial: eightNone(9600) },
  modbus: { settings: modbusSettingsSchema, secretFields: [], serial: eightNone(9600) },
  megatec: { settings: megatecSettingsSchema, secretFields: [], serial: eightNone(2400) },
};
