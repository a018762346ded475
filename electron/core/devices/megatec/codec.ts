// Megatec/Q1 UPS protocol: the commands, their CR-terminated text, and the streaming line decoder.

import { AppError } from '../../../../shared/contract/app-error';

/** Every command is ASCII ended by CR (0x0D), and so is every reply (reference/megatec-q1.md). */
export const carriageReturn = 0x0d;
const lineFeed = 0x0a;

/** A command to the UPS. Only status, rating and identity are answered with data. */
export type MegatecCommand =
  | { kind: 'status' }
  | { kind: 'rating' }
  | { kind: 'identity' }
  | { kind: 'batteryTest' }
  | { kind: 'batteryTestUntilLow' }
  | { kind: 'cancelTest' }
  | { kind: 'toggleBeeper' }
  /** `minutes` 0.2–0.9 in tenths or 1–10 whole; `restoreMinutes` 0–9999 (NUT blazer.c, instcmd). */
  | { kind: 'shutdown'; minutes: number; restoreMinutes?: number }
  | { kind: 'cancelShutdown' };

/** What is wrong with a line: a value, never a throw. */
export interface MegatecCodecError {
  code: 'lineTooLong' | 'badCharacter' | 'unexpectedReply' | 'badStatus' | 'badRating' | 'badIdentity';
  detail: string;
}

const fixedCommandText = {
  status: 'Q1',
  rating: 'F',
  identity: 'I',
  batteryTest: 'T',
  batteryTestUntilLow: 'TL',
  cancelTest: 'CT',
  toggleBeeper: 'Q',
  cancelShutdown: 'C',
} as const;

/** Why a shutdown delay cannot be sent, or undefined when it can. */
export function shutdownDelayProblem(minutes: number, restoreMinutes?: number): string | undefined {
  const tenths = Math.round(minutes * 10);
  const validDelay =
    Number.isFinite(minutes) && Math.abs(minutes * 10 - tenths) < 1e-9 && ((tenths >= 2 && tenths <= 9) || (tenths % 10 === 0 && tenths >= 10 && tenths <= 100));
  if (!validDelay) return 'minutes must be 0.2–0.9 or a whole number 1–10';
  if (restoreMinutes !== undefined && !(Number.isInteger(restoreMinutes) && restoreMinutes >= 0 && restoreMinutes <= 9999)) {
    return 'restoreMinutes must be a whole number 0–9999';
  }
  return undefined;
}

/** The command's text without its CR, e.g. `Q1`, `S.5`, `S03R0010`. */
export function commandText(command: MegatecCommand): string {
  if (command.kind !== 'shutdown') return fixedCommandText[command.kind];
  const problem = shutdownDelayProblem(command.minutes, command.restoreMinutes);
  if (problem) throw new AppError('devices.megatec.badShutdownDelay', 'devices.megatec.badShutdownDelay', { reason: problem });
  const tenths = Math.round(command.minutes * 10);
  const delay = tenths < 10 ? `.${tenths}` : String(tenths / 10).padStart(2, '0');
  const restore = command.restoreMinutes === undefined ? '' : `R${String(command.restoreMinutes).padStart(4, '0')}`;
  return `S${delay}${restore}`;
}

export function encodeCommand(command: MegatecCommand): Uint8Array {
  return encodeLine(commandText(command));
}

/** Reads a command line as the UPS would (the simulator's side); undefined for one a UPS does not know. */
export function decodeCommandText(text: string): MegatecCommand | undefined {
  for (const [kind, fixed] of Object.entries(fixedCommandText)) {
    if (text === fixed) return { kind } as MegatecCommand;
  }
  const shutdown = /^S(\.[2-9]|0[1-9]|10)(?:R(\d{4}))?$/.exec(text);
  if (!shutdown?.[1]) return undefined;
  const minutes = shutdown[1].startsWith('.') ? Number(`0${shutdown[1]}`) : Number(shutdown[1]);
  return shutdown[2] === undefined ? { kind: 'shutdown', minutes } : { kind: 'shutdown', minutes, restoreMinutes: Number(shutdown[2]) };
}

/** ASCII text plus CR. */
export function encodeLine(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
  bytes[text.length] = carriageReturn;
  return bytes;
}

export type MegatecLineEvent =
  | { type: 'line'; text: string; bytes: Uint8Array }
  | { type: 'error'; error: MegatecCodecError; bytes: Uint8Array };

export interface MegatecLineDecoder {
  /** Takes a chunk cut anywhere; returns the lines (and bad lines) it completes. */
  push(chunk: Uint8Array): MegatecLineEvent[];
}

/** The longest Megatec line is the 46-character Q1 reply; anything far longer is noise. */
export const defaultMaxLineLength = 128;

/**
 * Splits a byte stream into CR-terminated lines. A line with a byte outside printable ASCII is reported
 * as `badCharacter`; one that runs past `maxLineLength` as `lineTooLong` and is skipped up to its CR.
 * Empty lines are dropped and an LF starting a line is ignored (the tail of a CR LF ending).
 */
export function createLineDecoder(maxLineLength = defaultMaxLineLength): MegatecLineDecoder {
  let buffer: number[] = [];
  let badByte: number | undefined;
  let skippingLongLine = false;
  return {
    push(chunk) {
      const events: MegatecLineEvent[] = [];
      for (const byte of chunk) {
        if (byte === carriageReturn) {
          if (!skippingLongLine && buffer.length > 0) events.push(finishLine(buffer, badByte));
          buffer = [];
          badByte = undefined;
          skippingLongLine = false;
          continue;
        }
        if (skippingLongLine) continue;
        if (byte === lineFeed && buffer.length === 0) continue;
        if ((byte < 0x20 || byte > 0x7e) && badByte === undefined) badByte = byte;
        buffer.push(byte);
        if (buffer.length > maxLineLength) {
          events.push({
            type: 'error',
            error: { code: 'lineTooLong', detail: `no CR within ${maxLineLength} bytes` },
            bytes: Uint8Array.from(buffer),
          });
          buffer = [];
          badByte = undefined;
          skippingLongLine = true;
        }
      }
      return events;
    },
  };
}

function finishLine(buffer: number[], badByte: number | undefined): MegatecLineEvent {
  const bytes = Uint8Array.from([...buffer, carriageReturn]);
  if (badByte !== undefined) {
    return { type: 'error', error: { code: 'badCharacter', detail: `byte 0x${badByte.toString(16).padStart(2, '0')} in a text line` }, bytes };
  }
  return { type: 'line', text: String.fromCharCode(...buffer), bytes };
}
