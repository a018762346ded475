// A streaming decoder of Modbus RTU requests: chunks cut anywhere in, requests and framing errors out.

import { crcStep, parseRequest, type ModbusRequest } from './rtu-frame';

export type RequestDecodeOutput =
  | { kind: 'frame'; request: ModbusRequest; bytes: Uint8Array }
  | { kind: 'error'; reason: 'crc' | 'slaveAddress' | 'unframed'; bytes: Uint8Array };

/** Modbus over Serial Line V1.02 §2.5.1: an RTU frame is at most 256 bytes. */
const maxFrameLength = 256;
const fixedLengthFunctions = new Set([1, 2, 3, 4, 5, 6]);

type Decision = { take: number } | { skip: 'crc' | 'slaveAddress' | 'unframed' } | 'wait';

/**
 * RTU delimits frames by 3.5 character times of silence (§2.5.1.1), but a pty (and most USB
 * adapters) hand over chunks with no timing. So a frame is as long as its function code implies
 * (reads and single writes 8 bytes, multiple writes 9 + byte count) and must end in a good CRC;
 * otherwise one byte is dropped and the next position tried, as modbus-serial's RTUBufferedPort does
 * on the master side. A function code this does not know is framed by the shortest CRC match. A
 * start whose frame has not fully arrived is dropped as noise once a complete, valid frame of a known
 * function has arrived after it — without the silence to go by, that is what keeps one stray byte
 * from stalling the line. Decisions rest only on bytes up to the frame settled on, so the output is
 * the same however the stream is cut (short of a frame whose own data holds another valid frame).
 * Dropped bytes come out as one error before the next frame.
 */
export function createRequestDecoder(): { push(chunk: Uint8Array): RequestDecodeOutput[] } {
  let buffer: number[] = [];
  let skipped: number[] = [];
  let skipReason: 'crc' | 'slaveAddress' | 'unframed' = 'unframed';

  const crcMatches = (from: number, length: number): boolean => {
    let crc = 0xffff;
    for (let i = from; i < from + length - 2; i++) crc = crcStep(crc, buffer[i] ?? 0);
    return buffer[from + length - 2] === (crc & 0xff) && buffer[from + length - 1] === crc >>> 8;
  };

  /** The length a known function code implies for a frame at `at`; 'wait' until the bytes saying so arrive. */
  const impliedLength = (at: number): number | 'wait' | null => {
    const fn = buffer[at + 1];
    if (fn === undefined) return 'wait';
    if (fixedLengthFunctions.has(fn)) return 8;
    if (fn === 15 || fn === 16) {
      const byteCount = buffer[at + 6];
      return byteCount === undefined ? 'wait' : 9 + byteCount;
    }
    return null;
  };

  /** Whether a complete, CRC-valid frame of a known function starts at `at` and ends before `end`. */
  const knownFrameBefore = (at: number, end: number): boolean => {
    const slave = buffer[at];
    if (slave === undefined || slave > 247) return false;
    const length = impliedLength(at);
    return typeof length === 'number' && at + length <= end && crcMatches(at, length);
  };

  const completeFrameAfter = (end: number): boolean => {
    for (let at = 1; at + 8 <= end; at++) if (knownFrameBefore(at, end)) return true;
    return false;
  };

  const decide = (): Decision => {
    const slave = buffer[0];
    const fn = buffer[1];
    if (slave === undefined) return 'wait';
    // §2.2: 0 is broadcast, 1–247 are slaves, 248–255 are reserved.
    if (slave > 247) return { skip: 'slaveAddress' };
    if (fn === undefined) return 'wait';
    // Application Protocol §4.1: function codes are 1–127; 128–255 mark exception replies.
    if (fn === 0 || fn > 127) return { skip: 'unframed' };
    const length = impliedLength(0);
    if (length === 'wait') return 'wait';
    if (length !== null) {
      if (length > maxFrameLength) return { skip: 'unframed' };
      if (buffer.length >= length) return crcMatches(0, length) ? { take: length } : { skip: 'crc' };
      // Still short: if a complete frame already sits further on, this start was noise.
      return completeFrameAfter(buffer.length) ? { skip: 'unframed' } : 'wait';
    }
    const limit = Math.min(buffer.length, maxFrameLength);
    let crc = crcStep(crcStep(0xffff, slave), fn);
    let crcEnd: number | null = null;
    for (let body = 2; body + 2 <= limit; body++) {
      if (buffer[body] === (crc & 0xff) && buffer[body + 1] === crc >>> 8) {
        crcEnd = body + 2;
        break;
      }
      crc = crcStep(crc, buffer[body] ?? 0);
    }
    if (completeFrameAfter(crcEnd === null ? buffer.length : crcEnd - 1)) return { skip: 'unframed' };
    if (crcEnd !== null) return { take: crcEnd };
    return buffer.length >= maxFrameLength ? { skip: 'unframed' } : 'wait';
  };

  const flushSkipped = (out: RequestDecodeOutput[]): void => {
    if (skipped.length === 0) return;
    out.push({ kind: 'error', reason: skipReason, bytes: Uint8Array.from(skipped) });
    skipped = [];
  };

  return {
    push(chunk) {
      for (const byte of chunk) buffer.push(byte);
      const out: RequestDecodeOutput[] = [];
      for (;;) {
        const decision = decide();
        if (decision === 'wait') break;
        if ('skip' in decision) {
          if (skipped.length === 0) skipReason = decision.skip;
          skipped.push(buffer.shift() ?? 0);
          continue;
        }
        const bytes = Uint8Array.from(buffer.slice(0, decision.take));
        buffer = buffer.slice(decision.take);
        flushSkipped(out);
        out.push({ kind: 'frame', request: parseRequest(bytes), bytes });
      }
      flushSkipped(out);
      return out;
    },
  };
}
