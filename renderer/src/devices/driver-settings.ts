// Per-driver defaults and protocol-setting fields, as data the device form renders; conversions to and from the form.
import type { DriverKind, SerialPortSettings } from '../../../shared/contract/devices';

/** What the core sends back in place of a stored secret; written back unchanged, it keeps the stored value. */
export const secretPlaceholder = '••••';

/** Serial settings each kind of device ships with (reference notes in shared/reference/). */
export const driverSerialDefaults: Record<DriverKind, SerialPortSettings> = {
  // Sur-Gard receivers' computer port; the receiver's own setting wins.
  'contact-id': { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
  // NX-584: 2400 baud is the panel's factory setting (4800–38400 programmable).
  nx584: { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 },
  // OSDP: 9600 8N1 is the default for every PD.
  osdp: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
  // Modbus RTU sensors: 9600 8N1 typical.
  modbus: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
  // Megatec/Q1: 2400 8N1.
  megatec: { baudRate: 2400, dataBits: 8, parity: 'none', stopBits: 1 },
};

export const baudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

/** One typed protocol setting. Durations are stored in ms (`…Ms`) and edited in seconds. */
export type ProtocolField =
  | { key: string; kind: 'seconds'; min: number; max: number; defaultMs: number }
  | { key: string; kind: 'integer'; min: number; max: number; defaultValue: number }
  | { key: string; kind: 'choice'; choices: readonly string[]; defaultValue: string }
  | { key: string; kind: 'text'; defaultValue: string; suggestions?: readonly string[] }
  | { key: string; kind: 'secret'; pattern: RegExp }
  | { key: 'pds'; kind: 'osdpPds' };

/** The Modbus register maps the core ships; an engineer may name another one added without code. */
export const shippedModbusModelIds = ['th-rs485-generic', 'leak-rs485-generic', 'precision-ac-generic'] as const;

export const protocolFields: Record<DriverKind, readonly ProtocolField[]> = {
  // The receiver's heartbeat comes about every 30 s: 75 s allows for a missed beat and a half.
  'contact-id': [{ key: 'heartbeatTimeoutMs', kind: 'seconds', min: 10, max: 3600, defaultMs: 75_000 }],
  nx584: [
    { key: 'framing', kind: 'choice', choices: ['binary', 'ascii'], defaultValue: 'binary' },
    { key: 'pin', kind: 'secret', pattern: /^(\d{4}|\d{6})$/ },
  ],
  osdp: [{ key: 'pds', kind: 'osdpPds' }],
  modbus: [
    { key: 'slaveAddress', kind: 'integer', min: 1, max: 247, defaultValue: 1 },
    { key: 'modelId', kind: 'text', defaultValue: shippedModbusModelIds[0], suggestions: shippedModbusModelIds },
    { key: 'pollIntervalMs', kind: 'seconds', min: 0.5, max: 3600, defaultMs: 2000 },
  ],
  // The protocol note says poll about every 2 s.
  megatec: [{ key: 'pollIntervalMs', kind: 'seconds', min: 0.5, max: 3600, defaultMs: 2000 }],
};

/** One OSDP PD on the bus: its address and, for Secure Channel, its 16-byte base key as 32 hex digits. */
export interface OsdpPdRow {
  address: number;
  key: string;
}

/** The secure-channel key field: empty (no Secure Channel), the stored-key placeholder, or 32 hex digits. */
export const osdpKeyPattern = /^([0-9a-fA-F]{32})?$/;

export type ProtocolFormValues = Record<string, string | number | OsdpPdRow[] | null>;

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function asPdRows(value: unknown): OsdpPdRow[] {
  if (!Array.isArray(value)) return [{ address: 0, key: '' }];
  return value.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const { address, key } = row as { address?: unknown; key?: unknown };
    return [{ address: asNumber(address) ?? 0, key: typeof key === 'string' ? key : '' }];
  });
}

/** The stored settings as form values, each field's default where the device has none yet. */
export function protocolToForm(driver: DriverKind, stored: Record<string, unknown>): ProtocolFormValues {
  const values: ProtocolFormValues = {};
  for (const field of protocolFields[driver]) {
    const raw = stored[field.key];
    switch (field.kind) {
      case 'seconds':
        values[field.key] = (asNumber(raw) ?? field.defaultMs) / 1000;
        break;
      case 'integer':
        values[field.key] = asNumber(raw) ?? field.defaultValue;
        break;
      case 'choice':
      case 'text':
        values[field.key] = typeof raw === 'string' ? raw : field.defaultValue;
        break;
      case 'secret':
        values[field.key] = typeof raw === 'string' ? raw : '';
        break;
      case 'osdpPds':
        values[field.key] = asPdRows(raw);
        break;
    }
  }
  return values;
}

/** Form values as the settings the core stores: seconds back to ms, empty secrets left out. */
export function formToProtocol(driver: DriverKind, values: ProtocolFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of protocolFields[driver]) {
    const raw = values[field.key];
    switch (field.kind) {
      case 'seconds': {
        const seconds = asNumber(raw);
        out[field.key] = Math.round((seconds ?? field.defaultMs / 1000) * 1000);
        break;
      }
      case 'integer':
        out[field.key] = asNumber(raw) ?? field.defaultValue;
        break;
      case 'choice':
      case 'text':
        out[field.key] = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : field.defaultValue;
        break;
      case 'secret':
        if (typeof raw === 'string' && raw !== '') out[field.key] = raw;
        break;
      case 'osdpPds':
        out[field.key] = asPdRows(raw).map((pd) => (pd.key === '' ? { address: pd.address } : { address: pd.address, key: pd.key }));
        break;
    }
  }
  return out;
}
