// The OSDP streaming decoder: chunks cut anywhere in, packets and codec errors out, resynchronising on SOM.

import { OsdpCodecError } from './codec-error';
import {
  announcedLength,
  checkError,
  headerLength,
  hexBytes,
  maxPacketLength,
  minimumLength,
  parsePacket,
  startOfMessage,
  type OsdpPacket,
} from './packet';

/** OSDP 2.2 lets a sender put 0xFF mark bytes before SOM (libosdp does by default): line idle, not garbage. */
const markByte = 0xff;

export type OsdpDecoded =
  | { kind: 'packet'; packet: OsdpPacket; bytes: Uint8Array }
  | { kind: 'error'; error: OsdpCodecError; bytes: Uint8Array };

export interface OsdpDecoder {
  /** Feeds received bytes; returns what they completed, in stream order. Never throws on input. */
  push(chunk: Uint8Array): OsdpDecoded[];
  /** Gives up on a packet still incomplete (a reply timed out): reports it and rescans what follows its SOM. */
  flush(): OsdpDecoded[];
}

export function createOsdpDecoder(): OsdpDecoder {
  let buffer = new Uint8Array(0);
  // Bytes before this index were already reported inside an error's span; rescanning them for a SOM
  // may still find a packet, but they are not reported a second time as garbage.
  let reportedUntil = 0;

  const scan = (final: boolean): OsdpDecoded[] => {
    const out: OsdpDecoded[] = [];
    let position = 0;
    let garbageFrom = -1;
    const endGarbage = (end: number): void => {
      if (garbageFrom < 0) return;
      const from = Math.max(garbageFrom, reportedUntil);
      garbageFrom = -1;
      if (from >= end) return;
      const bytes = buffer.slice(from, end);
      if (bytes.some((byte) => byte !== markByte)) {
        out.push({ kind: 'error', error: new OsdpCodecError('garbage', `${bytes.length} byte(s) outside a packet: ${preview(bytes)}`), bytes });
      }
    };
    const reject = (error: OsdpCodecError, end: number): void => {
      out.push({ kind: 'error', error, bytes: buffer.slice(position, end) });
      reportedUntil = Math.max(reportedUntil, end);
      position += 1;
    };

    while (position < buffer.length) {
      if (buffer[position] !== startOfMessage) {
        if (garbageFrom < 0) garbageFrom = position;
        position += 1;
        continue;
      }
      endGarbage(position);
      const length = announcedLength(buffer, position);
      if (length === undefined) {
        if (!final) break;
        reject(new OsdpCodecError('truncated', 'stream ended inside a packet header'), buffer.length);
        continue;
      }
      const minimum = minimumLength(buffer[position + 4] ?? 0);
      if (length < minimum || length > maxPacketLength) {
        reject(new OsdpCodecError('badLength', `LEN ${length} outside ${minimum}–${maxPacketLength}`), position + headerLength);
        continue;
      }
      if (buffer.length - position < length) {
        if (!final) break;
        reject(new OsdpCodecError('truncated', `stream ended ${length - (buffer.length - position)} byte(s) before the end of a packet`), buffer.length);
        continue;
      }
      const bytes = buffer.slice(position, position + length);
      const badCheck = checkError(bytes);
      if (badCheck) {
        // The SOM may have been noise: rescan from the next byte rather than skipping the whole span.
        reject(badCheck, position + length);
        continue;
      }
      const packet = parsePacket(bytes);
      if (packet instanceof OsdpCodecError) out.push({ kind: 'error', error: packet, bytes });
      else out.push({ kind: 'packet', packet, bytes });
      position += length;
      reportedUntil = Math.max(reportedUntil, position);
    }
    endGarbage(position);
    buffer = buffer.slice(Math.min(position, buffer.length));
    reportedUntil = Math.max(0, reportedUntil - position);
    return out;
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return [];
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      buffer = joined;
      return scan(false);
    },
    flush() {
      const out = scan(true);
      buffer = new Uint8Array(0);
      reportedUntil = 0;
      return out;
    },
  };
}

function preview(bytes: Uint8Array): string {
  return bytes.length <= 16 ? hexBytes(bytes) : `${hexBytes(bytes.subarray(0, 16))} …`;
}
