// Frames → bytes for the receiver's side (used by the simulator): Contact ID lines, heartbeats, raw messages.

import { AppError } from '../../../../shared/contract/app-error';
import { ACK, DC4, NAK, type ContactIdEvent, type ContactIdQualifier } from './codec';

export const ackBytes = Uint8Array.of(ACK);
export const nakBytes = Uint8Array.of(NAK);

/** Which receiver and line card the message comes from, as the receiver numbers them. */
export interface ReceiverAddress {
  /** 0–255, written as two hex digits. */
  receiver: number;
  /** 0–9, or a line card letter. */
  line: number | string;
}

/** An event as a script gives it: numbers are zero-padded to the field width. */
export interface ContactIdEventInput {
  account: string | number;
  qualifier: ContactIdQualifier;
  code: string | number;
  group: string | number;
  zone: string | number;
}

const badField = (field: string, value: string | number, expected: string): AppError =>
  new AppError('devices.contactId.badEventField', 'devices.contactId.badEventField', { field, value: String(value), expected });

function field(name: string, value: string | number, width: number, pattern: RegExp, expected: string): string {
  const text = typeof value === 'number' ? (Number.isInteger(value) && value >= 0 ? String(value).padStart(width, '0') : '') : value;
  if (text.length !== width || !pattern.test(text)) throw badField(name, value, expected);
  return text;
}

/** Checks and pads an event; throws an AppError naming the field that cannot go on the wire. */
export function normalizeContactIdEvent(input: ContactIdEventInput): ContactIdEvent {
  if (input.qualifier !== 'E' && input.qualifier !== 'R' && input.qualifier !== 'P') {
    throw badField('qualifier', String(input.qualifier), 'E, R or P');
  }
  return {
    account: field('account', input.account, 4, /^[0-9B-F]{4}$/, 'four digits 0-9 or B-F'),
    qualifier: input.qualifier,
    code: field('code', input.code, 3, /^[0-9]{3}$/, 'three digits'),
    group: field('group', input.group, 2, /^[0-9A-F]{2}$/, 'two digits'),
    zone: field('zone', input.zone, 3, /^[0-9A-F]{3}$/, 'three digits'),
  };
}

function addressText({ receiver, line }: ReceiverAddress): { rr: string; l: string } {
  if (!Number.isInteger(receiver) || receiver < 0 || receiver > 0xff) throw badField('receiver', receiver, '0-255');
  const l = typeof line === 'number' ? (Number.isInteger(line) && line >= 0 && line <= 9 ? String(line) : '') : line;
  if (!/^[0-9A-Z]$/.test(l)) throw badField('line', line, 'one digit or letter');
  return { rr: receiver.toString(16).toUpperCase().padStart(2, '0'), l };
}

/** ASCII text plus the DC4 terminator. */
export function encodeMessage(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length + 1);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  bytes[text.length] = DC4;
  return bytes;
}

/** `5RRLs18AAAAQXYZGGCCC` + DC4. */
export function encodeContactIdEvent(address: ReceiverAddress, input: ContactIdEventInput): Uint8Array {
  const { rr, l } = addressText(address);
  const event = normalizeContactIdEvent(input);
  return encodeMessage(`5${rr}${l} 18${event.account}${event.qualifier}${event.code}${event.group}${event.zone}`);
}

/** `classic`: `1RRL` + 11 spaces + `@` + 4 spaces (`1011…` for receiver 01 line 1); `extended`: `1RR000…`. */
export function encodeHeartbeat(address: ReceiverAddress, form: 'classic' | 'extended' = 'classic'): Uint8Array {
  const { rr, l } = addressText(address);
  const prefix = form === 'classic' ? `1${rr}${l}` : `1${rr}000`;
  return encodeMessage(`${prefix}${' '.repeat(11)}@${' '.repeat(4)}`);
}
