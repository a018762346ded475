// Per-driver protocol-setting fields, as data the device form renders; conversions between stored settings and the form.
import type { AppError } from '../../../shared/contract/app-error';
import { driverProtocols, secretPlaceholder } from '../../../shared/contract/device-protocols';
import type { DriverKind, SerialPortSettings } from '../../../shared/contract/links';

export { secretPlaceholder };

/** The serial settings each kind of device ships with, as the core defines them. */
export const driverSerialDefaults = Object.fromEntries(
  Object.entries(driverProtocols).map(([kind, protocol]) => [kind, protocol.serial]),
) as Record<DriverKind, SerialPortSettings>;

export const baudRates = [300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200, 230400] as const;

/**
 * One typed protocol setting. Durations are stored in ms (`…Ms`) and edited in seconds. `optional` fields left
 * empty are not sent, so the core's default (or the Modbus model's) applies.
 */
export type ProtocolField =
  | { key: string; kind: 'seconds'; min: number; max: number; defaultMs: number | null }
  | { key: string; kind: 'integer'; min: number; max: number; defaultValue: number | null }
  | { key: string; kind: 'choice'; choices: readonly string[]; defaultValue: string }
  | { key: string; kind: 'text'; defaultValue: string; suggestions?: readonly string[] }
  | { key: string; kind: 'secret'; pattern: RegExp }
  | { key: string; kind: 'json' }
  | { key: 'pds'; kind: 'osdpPds' };

/** The Modbus register maps the core ships; an engineer may paste their own map as JSON instead. */
export const shippedModbusModelIds = ['th-rs485-generic', 'leak-rs485-generic', 'precision-ac-generic'] as const;

export const protocolFields: Record<DriverKind, readonly ProtocolField[]> = {
  // The receiver's heartbeat comes about every 30 s: 75 s allows for a missed beat and a half.
  'contact-id': [{ key: 'heartbeatTimeoutMs', kind: 'seconds', min: 5, max: 3600, defaultMs: 75_000 }],
  nx584: [
    { key: 'framing', kind: 'choice', choices: ['binary', 'ascii'], defaultValue: 'binary' },
    { key: 'pin', kind: 'secret', pattern: /^(\d{4}|\d{6})$/ },
  ],
  osdp: [{ key: 'pds', kind: 'osdpPds' }],
  modbus: [
    { key: 'slaveAddress', kind: 'integer', min: 1, max: 247, defaultValue: null },
    { key: 'modelId', kind: 'text', defaultValue: shippedModbusModelIds[0], suggestions: shippedModbusModelIds },
    { key: 'pollIntervalMs', kind: 'seconds', min: 0.2, max: 3600, defaultMs: null },
    { key: 'model', kind: 'json' },
  ],
  // The protocol note says poll about every 2 s.
  megatec: [{ key: 'pollIntervalMs', kind: 'seconds', min: 0.1, max: 600, defaultMs: 2000 }],
};

/** One OSDP PD on the bus: its address and, for Secure Channel, its 16-byte base key as 32 hex digits. */
export interface OsdpPdRow {
  address: number;
  scbk: string;
  /** Kept as stored (the form does not edit it). */
  secure?: boolean;
}

/** The Secure Channel key field: empty (no Secure Channel) or 32 hex digits; the stored-key placeholder also passes. */
export const osdpKeyPattern = /^([0-9a-fA-F]{32})?$/;

export type ProtocolFormValues = Record<string, string | number | OsdpPdRow[] | null>;

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function asPdRows(value: unknown): OsdpPdRow[] {
  if (!Array.isArray(value)) return [{ address: 0, scbk: '' }];
  return value.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const { address, scbk, secure } = row as { address?: unknown; scbk?: unknown; secure?: unknown };
    return [{ address: asNumber(address) ?? 0, scbk: typeof scbk === 'string' ? scbk : '', ...(typeof secure === 'boolean' ? { secure } : {}) }];
  });
}

/** The stored settings as form values, each field's default where the device has none yet. */
export function protocolToForm(driver: DriverKind, stored: Record<string, unknown>): ProtocolFormValues {
  const values: ProtocolFormValues = {};
  for (const field of protocolFields[driver]) {
    const raw = stored[field.key];
    switch (field.kind) {
      case 'seconds': {
        const ms = asNumber(raw) ?? field.defaultMs;
        values[field.key] = ms === null ? null : ms / 1000;
        break;
      }
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
      case 'json':
        values[field.key] = raw === undefined || raw === null ? '' : JSON.stringify(raw, null, 2);
        break;
      case 'osdpPds':
        values[field.key] = asPdRows(raw);
        break;
    }
  }
  return values;
}

/**
 * Form values as the settings the core stores: seconds back to ms, empty optional fields and secrets left out.
 * `kept` are the device's stored settings for the same driver: fields the form does not show (timeouts, CRC
 * mode) keep their stored values rather than falling back to defaults.
 */
export function formToProtocol(driver: DriverKind, values: ProtocolFormValues, kept: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...kept };
  for (const field of protocolFields[driver]) {
    const raw = values[field.key];
    delete out[field.key];
    switch (field.kind) {
      case 'seconds': {
        const seconds = asNumber(raw);
        const ms = seconds === null ? field.defaultMs : Math.round(seconds * 1000);
        if (ms !== null) out[field.key] = ms;
        break;
      }
      case 'integer': {
        const value = asNumber(raw) ?? field.defaultValue;
        if (value !== null) out[field.key] = value;
        break;
      }
      case 'choice':
      case 'text':
        out[field.key] = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : field.defaultValue;
        break;
      case 'secret':
        if (typeof raw === 'string' && raw !== '') out[field.key] = raw;
        break;
      case 'json':
        // Checked by the form before it gets here (parseModelJson); blank means "use the shipped model".
        if (typeof raw === 'string' && raw.trim() !== '') out[field.key] = JSON.parse(raw) as unknown;
        break;
      case 'osdpPds':
        out[field.key] = asPdRows(raw).map(({ scbk, ...pd }) => (scbk === '' ? pd : { ...pd, scbk }));
        break;
    }
  }
  return out;
}

/** True when a JSON field's text is blank or parses to an object. */
export function isJsonObjectText(text: unknown): boolean {
  if (typeof text !== 'string' || text.trim() === '') return true;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** The form field a core rejection points at (`protocol.pds.0.scbk` → ['protocol', 'pds', 0, 'scbk']), with the issue's code. */
export function protocolIssueFields(error: Pick<AppError, 'code' | 'issues'>): { name: (string | number)[]; code: string }[] {
  if (error.code !== 'device_protocol_invalid' && error.code !== 'invalid_input') return [];
  return (error.issues ?? []).flatMap((issue) => {
    const path = issue.path.replace(/^fields\./, '');
    if (!path.startsWith('protocol.')) return [];
    const steps = path.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    // The form has a field per PD row (protocol.pds.N.address); anything else deeper (a pasted Modbus map) is one field.
    const name = steps[1] === 'pds' && steps.length >= 4 ? steps.slice(0, 4) : steps.slice(0, 2);
    return [{ name, code: issue.message || issue.code }];
  });
}
