// Megatec/Q1 replies: the typed status, rating and identity, read from a line given the request it answers, and written back.

import { commandText, encodeLine, type MegatecCodecError, type MegatecCommand } from './codec';

/** The eight Q1 status bits, b7 first on the wire (reference/megatec-q1.md). */
export interface UpsStatusBits {
  /** b7: utility fail, the UPS runs on battery. */
  utilityFail: boolean;
  /** b6 */
  batteryLow: boolean;
  /** b5: bypass, boost or buck active. */
  bypassActive: boolean;
  /** b4 */
  upsFailed: boolean;
  /** b3: 1 standby (line-interactive), 0 online. */
  standbyType: boolean;
  /** b2 */
  testInProgress: boolean;
  /** b1 */
  shutdownActive: boolean;
  /** b0 */
  beeperOn: boolean;
}

export const statusBitOrder: readonly (keyof UpsStatusBits)[] = [
  'utilityFail',
  'batteryLow',
  'bypassActive',
  'upsFailed',
  'standbyType',
  'testInProgress',
  'shutdownActive',
  'beeperOn',
];

/** A Q1 reply. A field the UPS fills with dashes (not measured) is null. */
export interface UpsStatus {
  inputVoltage: number | null;
  inputFaultVoltage: number | null;
  outputVoltage: number | null;
  loadPercent: number | null;
  inputFrequency: number | null;
  /** Per cell on some models, the whole string on others. */
  batteryVoltage: number | null;
  temperature: number | null;
  bits: UpsStatusBits;
}

/** An F reply: `#MMM.M QQQ SS.SS RR.R`. */
export interface UpsRating {
  ratedVoltage: number | null;
  ratedCurrent: number | null;
  ratedBatteryVoltage: number | null;
  ratedFrequency: number | null;
}

/** An I reply: `#` company (15) space model (10) space version (10), space padded (NUT blazer.c, blazer_vendor). */
export interface UpsIdentity {
  company: string;
  model: string;
  version: string;
}

export type MegatecReply =
  | { kind: 'status'; status: UpsStatus }
  | { kind: 'rating'; rating: UpsRating }
  | { kind: 'identity'; identity: UpsIdentity }
  /** `ACK` or `(ACK`: some models confirm a command (NUT blazer.c, instcmd). */
  | { kind: 'accepted' }
  /** `NAK` or `(NAK`: the model knows the command and refuses it. */
  | { kind: 'refused' }
  /** The UPS echoed the command back: it does not know it. Never data. */
  | { kind: 'notSupported'; echoed: string }
  | { kind: 'error'; error: MegatecCodecError };

const statusFieldNames = ['inputVoltage', 'inputFaultVoltage', 'outputVoltage', 'loadPercent', 'inputFrequency', 'batteryVoltage', 'temperature'] as const;
const ratingFieldNames = ['ratedVoltage', 'ratedCurrent', 'ratedBatteryVoltage', 'ratedFrequency'] as const;
const identityWidths = { company: 15, model: 10, version: 10 } as const;
/** `#` + 15 + space + 10 + space + 10. */
const identityLength = 38;

/** Reads one line (without its CR) as the answer to `request`; the `#` lines mean rating or identity only by their request. */
export function decodeReply(text: string, request: MegatecCommand): MegatecReply {
  if (text === commandText(request)) return { kind: 'notSupported', echoed: text };
  if (text === 'ACK' || text === '(ACK') return { kind: 'accepted' };
  if (text === 'NAK' || text === '(NAK') return { kind: 'refused' };
  switch (request.kind) {
    case 'status':
      return decodeStatus(text);
    case 'rating':
      return decodeRating(text);
    case 'identity':
      return decodeIdentity(text);
    default:
      return { kind: 'error', error: { code: 'unexpectedReply', detail: `${commandText(request)} is not answered with data` } };
  }
}

/** A numeric field, or null for one the UPS leaves as dashes; undefined when it is neither. */
function readNumber(field: string): number | null | undefined {
  if (/^-+(\.-+)?$/.test(field)) return null;
  if (!/^-?\d+(\.\d+)?$/.test(field)) return undefined;
  return Number(field);
}

function readNumbers<const K extends string>(fields: string[], names: readonly K[]): Record<K, number | null> | string {
  const values: Partial<Record<K, number | null>> = {};
  for (const [index, name] of names.entries()) {
    const value = readNumber(fields[index] ?? '');
    if (value === undefined) return `${name} is not a number: "${fields[index] ?? ''}"`;
    values[name] = value;
  }
  return values as Record<K, number | null>;
}

function decodeStatus(text: string): MegatecReply {
  const fail = (detail: string): MegatecReply => ({ kind: 'error', error: { code: 'badStatus', detail } });
  if (!text.startsWith('(')) return fail('a Q1 reply starts with "("');
  const fields = text.slice(1).trim().split(/ +/);
  if (fields.length !== 8) return fail(`8 fields expected, got ${fields.length}`);
  const values = readNumbers(fields, statusFieldNames);
  if (typeof values === 'string') return fail(values);
  const bitText = fields[7] ?? '';
  if (!/^[01]{8}$/.test(bitText)) return fail(`status bits must be eight 0/1 characters: "${bitText}"`);
  const bits = Object.fromEntries(statusBitOrder.map((name, index) => [name, bitText[index] === '1'])) as unknown as UpsStatusBits;
  return { kind: 'status', status: { ...values, bits } };
}

function decodeRating(text: string): MegatecReply {
  const fail = (detail: string): MegatecReply => ({ kind: 'error', error: { code: 'badRating', detail } });
  if (!text.startsWith('#')) return fail('an F reply starts with "#"');
  const fields = text.slice(1).trim().split(/ +/);
  if (fields.length !== 4) return fail(`4 fields expected, got ${fields.length}`);
  const values = readNumbers(fields, ratingFieldNames);
  if (typeof values === 'string') return fail(values);
  return { kind: 'rating', rating: values };
}

function decodeIdentity(text: string): MegatecReply {
  const fail = (detail: string): MegatecReply => ({ kind: 'error', error: { code: 'badIdentity', detail } });
  if (!text.startsWith('#')) return fail('an I reply starts with "#"');
  if (text.length < identityLength) return fail(`${identityLength} characters expected, got ${text.length}`);
  const company = text.slice(1, 1 + identityWidths.company);
  const model = text.slice(17, 17 + identityWidths.model);
  const version = text.slice(28, 28 + identityWidths.version);
  return { kind: 'identity', identity: { company: company.trim(), model: model.trim(), version: version.trim() } };
}

function formatNumber(value: number | null, decimals: number, width: number): string {
  if (value === null) return decimals === 0 ? '-'.repeat(width) : `${'-'.repeat(width - decimals - 1)}.${'-'.repeat(decimals)}`;
  if (value < 0) return `-${Math.abs(value).toFixed(decimals).padStart(width - 1, '0')}`;
  return value.toFixed(decimals).padStart(width, '0');
}

/** The battery field is `S.SS` per cell or `SS.S` for the string: four characters either way. */
function formatBattery(value: number | null): string {
  if (value !== null && value < 10) return value.toFixed(2);
  return formatNumber(value, 1, 4);
}

/** `(MMM.M NNN.N PPP.P QQQ RR.R S.SS TT.T b7…b0` CR, as a UPS sends it. */
export function encodeStatusReply(status: UpsStatus): Uint8Array {
  const bits = statusBitOrder.map((name) => (status.bits[name] ? '1' : '0')).join('');
  const fields = [
    formatNumber(status.inputVoltage, 1, 5),
    formatNumber(status.inputFaultVoltage, 1, 5),
    formatNumber(status.outputVoltage, 1, 5),
    formatNumber(status.loadPercent, 0, 3),
    formatNumber(status.inputFrequency, 1, 4),
    formatBattery(status.batteryVoltage),
    formatNumber(status.temperature, 1, 4),
    bits,
  ];
  return encodeLine(`(${fields.join(' ')}`);
}

/** `#MMM.M QQQ SS.SS RR.R` CR. */
export function encodeRatingReply(rating: UpsRating): Uint8Array {
  const fields = [
    formatNumber(rating.ratedVoltage, 1, 5),
    formatNumber(rating.ratedCurrent, 0, 3),
    formatNumber(rating.ratedBatteryVoltage, 2, 5),
    formatNumber(rating.ratedFrequency, 1, 4),
  ];
  return encodeLine(`#${fields.join(' ')}`);
}

/** `#` company model version, each cut or space-padded to its width. */
export function encodeIdentityReply(identity: UpsIdentity): Uint8Array {
  const field = (value: string, width: number): string => value.slice(0, width).padEnd(width, ' ');
  return encodeLine(
    `#${field(identity.company, identityWidths.company)} ${field(identity.model, identityWidths.model)} ${field(identity.version, identityWidths.version)}`,
  );
}
