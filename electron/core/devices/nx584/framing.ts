// NX-584 framing, binary and ASCII: the Fletcher checksum, frame encoding and the streaming frame decoder.

import { AppError } from '../../../../shared/contract/app-error';

/** Set per installation in the panel's programming: both carry the same bytes. */
export type Nx584Framing = 'binary' | 'ascii';

/** One message: its number (low 6 bits on the wire), the acknowledge-request bit (bit 7) and its data. */
export interface Nx584Frame {
  number: number;
  ackRequested: boolean;
  data: Uint8Array;
}

export interface Nx584FrameError {
  code: 'badChecksum' | 'badLength' | 'badEscape' | 'badHex' | 'truncated' | 'tooLong' | 'noise';
  detail: string;
}

export type Nx584FrameEvent = { type: 'frame'; frame: Nx584Frame; bytes: Uint8Array } | { type: 'error'; error: Nx584FrameError; bytes: Uint8Array };

export interface Nx584FrameDecoder {
  /** Takes a chunk cut anywhere; returns the frames and bad frames it completes. */
  push(chunk: Uint8Array): Nx584FrameEvent[];
}

const binaryStart = 0x7e;
const binaryEscape = 0x7d;
const asciiStart = 0x0a;
const asciiEnd = 0x0d;
/** nxgipd nx-584.h, NX_MSG_MASK / NX_MSG_ACK_FLAG. */
const numberMask = 0x3f;
const ackFlag = 0x80;
/** The length byte counts the message number and the data, so data holds at most 254 bytes. */
export const maxDataLength = 254;
/** Bytes outside any frame are reported in runs of at most this many. */
const maxNoiseRun = 256;

/**
 * Fletcher sums modulo 255 over length, message number and data; sent sum1 then sum2
 * (nxgipd nx-584.c fletcher_checksum, pynx584 controller.py fletcher with k=16).
 */
export function fletcherChecksum(bytes: ArrayLike<number>): [number, number] {
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    sum1 = (sum1 + (bytes[i] ?? 0)) % 255;
    sum2 = (sum2 + sum1) % 255;
  }
  return [sum1, sum2];
}

/** Length, number byte, data and the two checksum bytes, before any escaping or hex. */
function plainFrame(frame: Nx584Frame): number[] {
  if (frame.data.length > maxDataLength) {
    throw new AppError('devices.nx584.frameTooLong', 'devices.nx584.frameTooLong', { length: frame.data.length });
  }
  const body = [frame.data.length + 1, (frame.number & numberMask) | (frame.ackRequested ? ackFlag : 0), ...frame.data];
  return [...body, ...fletcherChecksum(body)];
}

const hexDigits = '0123456789ABCDEF';

export function encodeFrame(frame: Nx584Frame, framing: Nx584Framing): Uint8Array {
  const plain = plainFrame(frame);
  if (framing === 'ascii') {
    // LF, each byte as two upper-case hex characters, CR.
    const out = [asciiStart];
    for (const byte of plain) out.push(hexDigits.charCodeAt(byte >> 4), hexDigits.charCodeAt(byte & 0x0f));
    out.push(asciiEnd);
    return Uint8Array.from(out);
  }
  // Inside a binary frame 0x7E and 0x7D go as 0x7D followed by the byte XOR 0x20 (nxgipd byte_stuff).
  const out = [binaryStart];
  for (const byte of plain) {
    if (byte === binaryStart || byte === binaryEscape) out.push(binaryEscape, byte ^ 0x20);
    else out.push(byte);
  }
  return Uint8Array.from(out);
}

/** Checks a complete plain frame (length … sum2) and turns it into a frame or an error. */
function finishFrame(plain: number[], raw: number[]): Nx584FrameEvent {
  const bytes = Uint8Array.from(raw);
  const length = plain[0] ?? 0;
  const [sum1, sum2] = fletcherChecksum(plain.slice(0, length + 1));
  if (plain[length + 1] !== sum1 || plain[length + 2] !== sum2) {
    const got = `${hex(plain[length + 1])} ${hex(plain[length + 2])}`;
    return { type: 'error', error: { code: 'badChecksum', detail: `checksum ${got}, expected ${hex(sum1)} ${hex(sum2)}` }, bytes };
  }
  const numberByte = plain[1] ?? 0;
  return {
    type: 'frame',
    frame: { number: numberByte & numberMask, ackRequested: (numberByte & ackFlag) !== 0, data: Uint8Array.from(plain.slice(2, length + 1)) },
    bytes,
  };
}

const hex = (byte: number | undefined): string => (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');

/**
 * A decoder that hunts for the start byte, reports bytes outside frames as `noise`, a frame cut short by
 * the next start byte as `truncated`, and resynchronises at the next start byte after any error.
 */
export function createFrameDecoder(framing: Nx584Framing): Nx584FrameDecoder {
  return framing === 'ascii' ? createAsciiDecoder() : createBinaryDecoder();
}

interface DecoderCore {
  events: Nx584FrameEvent[];
  noise: number[];
  raw: number[] | undefined;
}

function noteNoise(core: DecoderCore, byte: number): void {
  core.noise.push(byte);
  if (core.noise.length >= maxNoiseRun) flushNoise(core);
}

function flushNoise(core: DecoderCore): void {
  if (core.noise.length === 0) return;
  core.events.push({ type: 'error', error: { code: 'noise', detail: `${core.noise.length} bytes outside a frame` }, bytes: Uint8Array.from(core.noise) });
  core.noise = [];
}

function fail(core: DecoderCore, code: Nx584FrameError['code'], detail: string): void {
  core.events.push({ type: 'error', error: { code, detail }, bytes: Uint8Array.from(core.raw ?? []) });
  core.raw = undefined;
}

function createBinaryDecoder(): Nx584FrameDecoder {
  const core: DecoderCore = { events: [], noise: [], raw: undefined };
  let plain: number[] = [];
  let escaped = false;
  const begin = (): void => {
    flushNoise(core);
    core.raw = [binaryStart];
    plain = [];
    escaped = false;
  };
  return {
    push(chunk) {
      core.events = [];
      for (const byte of chunk) {
        if (!core.raw) {
          if (byte === binaryStart) begin();
          else noteNoise(core, byte);
          continue;
        }
        if (byte === binaryStart) {
          // 0x7E never occurs inside a frame: it always starts a new one (nxgipd nx_read_packet).
          fail(core, 'truncated', `frame cut short after ${plain.length} bytes`);
          begin();
          continue;
        }
        core.raw.push(byte);
        if (escaped) {
          escaped = false;
          if (byte !== 0x5e && byte !== 0x5d) {
            fail(core, 'badEscape', `0x7D followed by 0x${hex(byte)}`);
            continue;
          }
          plain.push(byte ^ 0x20);
        } else if (byte === binaryEscape) {
          escaped = true;
          continue;
        } else {
          plain.push(byte);
        }
        const length = plain[0] ?? 0;
        if (length === 0) fail(core, 'badLength', 'length 0: a frame holds at least its message number');
        else if (plain.length === length + 3) {
          core.events.push(finishFrame(plain, core.raw));
          core.raw = undefined;
        }
      }
      return core.events;
    },
  };
}

function hexValue(char: number): number | undefined {
  if (char >= 0x30 && char <= 0x39) return char - 0x30;
  if (char >= 0x41 && char <= 0x46) return char - 0x37;
  if (char >= 0x61 && char <= 0x66) return char - 0x57;
  return undefined;
}

function createAsciiDecoder(): Nx584FrameDecoder {
  const core: DecoderCore = { events: [], noise: [], raw: undefined };
  /** LF, up to 258 hex pairs, CR. */
  const maxRawLength = 1 + 2 * (maxDataLength + 4) + 1;
  const begin = (): void => {
    flushNoise(core);
    core.raw = [asciiStart];
  };
  const complete = (raw: number[]): void => {
    const text = raw.slice(1, -1);
    const values = text.map(hexValue);
    if (values.some((value) => value === undefined) || text.length % 2 !== 0) {
      fail(core, 'badHex', 'an ASCII frame holds pairs of hex characters only');
      return;
    }
    const plain: number[] = [];
    for (let i = 0; i < values.length; i += 2) plain.push(((values[i] ?? 0) << 4) | (values[i + 1] ?? 0));
    const length = plain[0] ?? 0;
    if (length === 0 || plain.length !== length + 3) {
      fail(core, 'badLength', `length byte ${length} but ${Math.max(plain.length - 3, 0)} bytes of number and data`);
      return;
    }
    core.events.push(finishFrame(plain, raw));
    core.raw = undefined;
  };
  return {
    push(chunk) {
      core.events = [];
      for (const byte of chunk) {
        if (!core.raw) {
          if (byte === asciiStart) begin();
          else noteNoise(core, byte);
          continue;
        }
        if (byte === asciiStart) {
          fail(core, 'truncated', 'a new frame began before CR');
          begin();
          continue;
        }
        core.raw.push(byte);
        if (byte === asciiEnd) complete(core.raw);
        else if (core.raw.length >= maxRawLength) fail(core, 'tooLong', `no CR within ${maxRawLength} bytes`);
      }
      return core.events;
    },
  };
}
