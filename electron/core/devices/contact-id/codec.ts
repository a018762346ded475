// Bytes → frames for a SurGard MLR2 serial output: DC4-ended ASCII messages (Contact ID, heartbeat, others).

import { charCodeString } from '../char-codes';

// Control bytes. Source: Sur-Gard MLR2 manual, "Automation protocols": every message ends with DC4; the
// computer answers ACK within 4 s, a NAK (or silence) makes the receiver send it again, up to three times.
export const DC4 = 0x14;
export const ACK = 0x06;
export const NAK = 0x15;

/** SurGard messages are a few dozen characters; anything this long without a DC4 is noise. */
export const defaultMaxMessageBytes = 256;

/** SurGard's letter for the Contact ID qualifier: E = 1 new event/opening, R = 3 restore/closing, P = 6 status. */
export type ContactIdQualifier = 'E' | 'R' | 'P';

export interface ContactIdEvent {
  /** Four characters, digits 0–9 and B–F. */
  account: string;
  qualifier: ContactIdQualifier;
  /** Three digits, e.g. `110`. */
  code: string;
  /** Two characters, `00` when no group applies. */
  group: string;
  /** Three characters: zone for alarms and troubles, user for openings and closings. */
  zone: string;
}

export type ReceiverFrame =
  | { kind: 'event'; receiver: string; line: string; event: ContactIdEvent; text: string; bytes: Uint8Array }
  | { kind: 'heartbeat'; receiver: string; line: string; text: string; bytes: Uint8Array }
  | { kind: 'other'; text: string; bytes: Uint8Array };

export type ReceiverCodecErrorReason = 'empty' | 'notText' | 'badLength' | 'badField' | 'overlong';

/** A message the codec rejected; `bytes` are what it skipped (with the DC4 when there was one). */
export interface ReceiverCodecError {
  kind: 'error';
  reason: ReceiverCodecErrorReason;
  message: string;
  bytes: Uint8Array;
}

export type ReceiverDecoded = ReceiverFrame | ReceiverCodecError;

// Contact ID line `5RRLs18AAAAQXYZGGCCC`. Source: Sur-Gard MLR2 manual, "Contact-ID Protocol".
export const contactIdLineLength = 20;
const contactIdLayout: readonly { field: string; start: number; end: number; pattern: RegExp; expected: string }[] = [
  { field: 'receiver', start: 1, end: 3, pattern: /^[0-9A-F]{2}$/, expected: 'two hex digits' },
  { field: 'line', start: 3, end: 4, pattern: /^[0-9A-Z]$/, expected: 'one digit or letter' },
  { field: 'separator', start: 4, end: 5, pattern: /^ $/, expected: 'a space' },
  // The receiver writes 18; 98 is the other DC-05 message type a pass-through could carry.
  { field: 'format', start: 5, end: 7, pattern: /^(18|98)$/, expected: '18' },
  { field: 'account', start: 7, end: 11, pattern: /^[0-9B-F]{4}$/, expected: 'four digits 0-9 or B-F' },
  { field: 'qualifier', start: 11, end: 12, pattern: /^[ERP]$/, expected: 'E, R or P' },
  { field: 'code', start: 12, end: 15, pattern: /^[0-9]{3}$/, expected: 'three digits' },
  { field: 'group', start: 15, end: 17, pattern: /^[0-9A-F]{2}$/, expected: 'two digits' },
  { field: 'zone', start: 17, end: 20, pattern: /^[0-9A-F]{3}$/, expected: 'three digits' },
];

// Heartbeat `1011` + 11 spaces + `@` + 4 spaces, newer receivers `1RR000` + spaces + `@` + spaces.
// Spaces are matched loosely: the `@` after a receiver/line prefix is what marks the supervisory signal.
const heartbeatPattern = /^1([0-9A-F]{2})([0-9A-Z]|000) +@ *$/;

const isPrintable = (byte: number): boolean => byte >= 0x20 && byte <= 0x7e;
const isLineEnd = (byte: number): boolean => byte === 0x0d || byte === 0x0a;

const codecError = (reason: ReceiverCodecErrorReason, message: string, bytes: Uint8Array): ReceiverCodecError => ({
  kind: 'error',
  reason,
  message,
  bytes,
});

/** Parses one message: `bytes` is the message with its DC4 (kept in the frame for the traffic view). */
export function parseReceiverMessage(bytes: Uint8Array): ReceiverDecoded {
  let start = 0;
  let end = bytes.length > 0 && bytes[bytes.length - 1] === DC4 ? bytes.length - 1 : bytes.length;
  // Some receivers and serial interface modules can be set to add CR LF around messages; they carry nothing.
  while (start < end && isLineEnd(bytes[start] ?? 0)) start += 1;
  while (end > start && isLineEnd(bytes[end - 1] ?? 0)) end -= 1;
  const body = bytes.subarray(start, end);
  if (body.length === 0) return codecError('empty', 'empty message', bytes);
  const badIndex = body.findIndex((byte) => !isPrintable(byte));
  if (badIndex >= 0) {
    const hex = (body[badIndex] ?? 0).toString(16).padStart(2, '0');
    return codecError('notText', `byte 0x${hex} at ${badIndex} is not printable ASCII`, bytes);
  }
  const text = charCodeString(body);
  if (text.startsWith('5')) return parseContactIdLine(text, bytes);
  const heartbeat = heartbeatPattern.exec(text);
  if (heartbeat) return { kind: 'heartbeat', receiver: heartbeat[1] ?? '', line: heartbeat[2] ?? '', text, bytes };
  return { kind: 'other', text, bytes };
}

/** The layout above in one pattern: the fast path for a well-formed line (the loop below names what is wrong). */
const contactIdLinePattern = /^5([0-9A-F]{2})([0-9A-Z]) (?:18|98)([0-9B-F]{4})([ERP])([0-9]{3})([0-9A-F]{2})([0-9A-F]{3})$/;

/** The event a well-formed Contact ID line holds, or null (the pattern admits printable ASCII only). */
function matchContactIdLine(text: string, bytes: Uint8Array): ReceiverFrame | null {
  const line = contactIdLinePattern.exec(text);
  if (!line) return null;
  return {
    kind: 'event',
    receiver: line[1]!,
    line: line[2]!,
    event: { account: line[3]!, qualifier: line[4] as ContactIdQualifier, code: line[5]!, group: line[6]!, zone: line[7]! },
    text,
    bytes,
  };
}

function parseContactIdLine(text: string, bytes: Uint8Array): ReceiverDecoded {
  const event = matchContactIdLine(text, bytes);
  if (event) return event;
  if (text.length !== contactIdLineLength) {
    return codecError('badLength', `Contact ID line has ${text.length} characters, expected ${contactIdLineLength}`, bytes);
  }
  for (const { field, start, end, pattern, expected } of contactIdLayout) {
    const value = text.slice(start, end);
    if (!pattern.test(value)) return codecError('badField', `${field} "${value}" is not ${expected}`, bytes);
  }
  return {
    kind: 'event',
    receiver: text.slice(1, 3),
    line: text.slice(3, 4),
    event: {
      account: text.slice(7, 11),
      qualifier: text.slice(11, 12) as ContactIdQualifier,
      code: text.slice(12, 15),
      group: text.slice(15, 17),
      zone: text.slice(17, 20),
    },
    text,
    bytes,
  };
}

export interface ReceiverDecoder {
  /** Feeds a chunk cut anywhere; returns the frames and errors completed by it, in stream order. */
  push(chunk: Uint8Array): ReceiverDecoded[];
}

const indexOf = Uint8Array.prototype.indexOf;

/** A copy of `chunk[from, to)`: the frame must not share the port's buffer. */
function copyOf(chunk: Uint8Array, from: number, to: number): Uint8Array {
  const bytes = new Uint8Array(to - from);
  for (let i = from; i < to; i++) bytes[i - from] = chunk[i]!;
  return bytes;
}

/**
 * A streaming decoder with a fixed buffer: a message longer than `maxMessageBytes` is reported once as
 * `overlong` and the rest of it, up to the next DC4, is dropped; the message after that decodes normally.
 * Messages that lie whole in one chunk (all of a burst but the ones cut by a read) are taken from the chunk directly,
 * their text from one decoding of the chunk; a message cut across chunks waits in the buffer for its DC4.
 */
export function createReceiverDecoder(maxMessageBytes = defaultMaxMessageBytes): ReceiverDecoder {
  const buffer = new Uint8Array(maxMessageBytes + 1);
  let length = 0;
  let discarding = false;
  return {
    push(chunk) {
      const out: ReceiverDecoded[] = [];
      const n = chunk.length;
      let chunkText: string | undefined;
      let i = 0;
      while (i < n) {
        const end = indexOf.call(chunk, DC4, i);
        if (discarding) {
          if (end < 0) break;
          discarding = false;
          i = end + 1;
          continue;
        }
        // Bytes i…stop belong to the message being read (with its DC4 when there is one).
        const stop = end < 0 ? n : end + 1;
        const total = length + stop - i;
        if (end >= 0 ? total > maxMessageBytes + 1 : total > maxMessageBytes) {
          // Overlong: the first maxMessageBytes + 1 bytes are reported, the rest up to the next DC4 dropped.
          const kept = maxMessageBytes + 1 - length;
          buffer.set(chunk.subarray(i, i + kept), length);
          out.push(codecError('overlong', `no DC4 within ${maxMessageBytes} bytes`, buffer.slice(0, maxMessageBytes + 1)));
          length = 0;
          if (end < 0) {
            discarding = true;
            break;
          }
          i = end + 1;
          continue;
        }
        if (end < 0) {
          // The message goes on in the next chunk.
          buffer.set(chunk.subarray(i, n), length);
          length = total;
          break;
        }
        if (length > 0) {
          buffer.set(chunk.subarray(i, stop), length);
          out.push(parseReceiverMessage(buffer.slice(0, total)));
          length = 0;
        } else {
          const bytes = copyOf(chunk, i, stop);
          let frame: ReceiverDecoded | null = null;
          if (total === contactIdLineLength + 1 && chunk[i] === 0x35) {
            chunkText ??= charCodeString(chunk);
            frame = matchContactIdLine(chunkText.slice(i, end), bytes);
          }
          out.push(frame ?? parseReceiverMessage(bytes));
        }
        i = stop;
      }
      return out;
    },
  };
}

/** What the console answers each message with. */
export type ConsoleReply = 'ack' | 'nak';

/** Reads the console's replies (the simulator's side); any other byte is line noise and is skipped. */
export function readConsoleReplies(chunk: Uint8Array): ConsoleReply[] {
  const replies: ConsoleReply[] = [];
  for (const byte of chunk) {
    if (byte === ACK) replies.push('ack');
    else if (byte === NAK) replies.push('nak');
  }
  return replies;
}
