// fast-check generators for every OSDP command and reply the codec knows, shared by the OSDP codec tests.

import fc from 'fast-check';
import type { OsdpCommand } from '../../../../../electron/core/devices/osdp/commands';
import type { OsdpReply } from '../../../../../electron/core/devices/osdp/replies';

const byte = fc.integer({ min: 0, max: 255 });
const word = fc.integer({ min: 0, max: 0xffff });
const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const asciiText = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 32 }).map((codes) => String.fromCharCode(...codes));

const ledState = { control: byte, onTime: byte, offTime: byte, onColour: byte, offColour: byte };

export const commandArbitrary: fc.Arbitrary<OsdpCommand> = fc.oneof(
  fc.constantFrom('poll', 'id', 'cap', 'lstat', 'istat', 'ostat', 'rstat').map((kind) => ({ kind }) as OsdpCommand),
  fc.record({ kind: fc.constant('out' as const), outputs: fc.array(fc.record({ output: byte, control: byte, timer: word }), { minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('led' as const),
    leds: fc.array(
      fc.record({ reader: byte, led: byte, temporary: fc.record({ ...ledState, timer: word }), permanent: fc.record(ledState) }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({ kind: fc.constant('buz' as const), reader: byte, tone: byte, onTime: byte, offTime: byte, count: byte }),
  fc.record({ kind: fc.constant('text' as const), reader: byte, command: byte, tempTime: byte, row: byte, column: byte, text: asciiText }),
  fc.record({ kind: fc.constant('comset' as const), address: byte, baudRate: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ kind: fc.constant('keyset' as const), keyType: byte, key: fc.uint8Array({ maxLength: 32 }) }),
  fc.record({ kind: fc.constant('chlng' as const), random: bytes(8) }),
  fc.record({ kind: fc.constant('scrypt' as const), cryptogram: bytes(16) }),
);

const rawCard = fc.integer({ min: 1, max: 80 }).chain((bitCount) =>
  fc.record({ kind: fc.constant('raw' as const), reader: byte, format: byte, bitCount: fc.constant(bitCount), data: bytes(Math.ceil(bitCount / 8)) }),
);

export const replyArbitrary: fc.Arbitrary<OsdpReply> = fc.oneof(
  fc.constantFrom('ack', 'busy').map((kind) => ({ kind }) as OsdpReply),
  fc.record({ kind: fc.constant('nak' as const), error: byte }),
  fc.record({
    kind: fc.constant('pdid' as const),
    vendorCode: fc.integer({ min: 0, max: 0xffffff }),
    model: byte,
    version: byte,
    serialNumber: fc.integer({ min: 0, max: 0xffffffff }),
    firmware: fc.record({ major: byte, minor: byte, build: byte }),
  }),
  fc.record({ kind: fc.constant('pdcap' as const), capabilities: fc.array(fc.record({ functionCode: byte, compliance: byte, count: byte }), { maxLength: 10 }) }),
  fc.record({ kind: fc.constant('lstatr' as const), tamper: fc.boolean(), powerFailure: fc.boolean() }),
  fc.record({ kind: fc.constant('istatr' as const), inputs: fc.array(byte, { maxLength: 8 }) }),
  fc.record({ kind: fc.constant('ostatr' as const), outputs: fc.array(byte, { maxLength: 8 }) }),
  fc.record({ kind: fc.constant('rstatr' as const), readers: fc.array(byte, { maxLength: 4 }) }),
  rawCard,
  fc.record({
    kind: fc.constant('keypad' as const),
    reader: byte,
    digits: fc.array(fc.constantFrom(...'0123456789*#'), { maxLength: 12 }).map((digits) => digits.join('')),
  }),
  fc.record({ kind: fc.constant('com' as const), address: byte, baudRate: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ kind: fc.constant('ccrypt' as const), clientId: bytes(8), random: bytes(8), cryptogram: bytes(16) }),
  fc.record({ kind: fc.constant('rmacI' as const), rmac: bytes(16) }),
);

/** Cuts a byte stream into chunks at the given (unsorted, possibly repeated) points. */
export function splitAt(stream: Uint8Array, points: number[]): Uint8Array[] {
  const cuts = [...new Set(points.map((point) => point % (stream.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, stream.length]) {
    chunks.push(stream.slice(from, cut));
    from = cut;
  }
  return chunks;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
