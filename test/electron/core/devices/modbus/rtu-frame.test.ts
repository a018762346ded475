import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequestDecoder, type RequestDecodeOutput } from '../../../../../electron/core/devices/modbus/request-decoder';
import {
  crc16Modbus,
  encodeRequest,
  encodeResponse,
  hasValidCrc,
  type ModbusRequest,
} from '../../../../../electron/core/devices/modbus/rtu-frame';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

const request: fc.Arbitrary<ModbusRequest> = fc.oneof(
  fc.record({
    slave: fc.integer({ min: 0, max: 247 }),
    function: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    address: fc.integer({ min: 0, max: 0xffff }),
    count: fc.integer({ min: 0, max: 0xffff }),
  }),
  fc.record({ slave: fc.integer({ min: 0, max: 247 }), function: fc.constant(5 as const), address: fc.integer({ min: 0, max: 0xffff }), value: fc.boolean() }),
  fc.record({ slave: fc.integer({ min: 0, max: 247 }), function: fc.constant(6 as const), address: fc.integer({ min: 0, max: 0xffff }), value: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({
    slave: fc.integer({ min: 0, max: 247 }),
    function: fc.constant(16 as const),
    address: fc.integer({ min: 0, max: 0xffff }),
    values: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 123 }),
  }),
);

/** Cuts the stream at the given points and feeds the pieces to a fresh decoder. */
function decodeInPieces(stream: Uint8Array, cuts: number[]): RequestDecodeOutput[] {
  const decoder = createRequestDecoder();
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const out: RequestDecodeOutput[] = [];
  let from = 0;
  for (const to of [...points, stream.length]) {
    out.push(...decoder.push(stream.subarray(from, to)));
    from = to;
  }
  return out;
}

const frames = (out: RequestDecodeOutput[]) => out.filter((o) => o.kind === 'frame').map((o) => o.request);

describe('Modbus RTU frames and the request decoder', () => {
  it('computes the CRC of a known exchange (01 03 00 00 00 02 → C4 0B, low byte first)', () => {
    expect(hex(encodeRequest({ slave: 1, function: 3, address: 0, count: 2 }))).toBe('010300000002c40b');
    expect(crc16Modbus([0x01, 0x03, 0x00, 0x00, 0x00, 0x02])).toBe(0x0bc4);
  });

  it('encodes a register reply and an exception reply', () => {
    expect(hex(encodeResponse({ slave: 1, function: 3, registers: [0x0111, 0x0272] }))).toBe('0103040111027' + '22a8f');
    const exception = encodeResponse({ slave: 1, function: 3, exception: 2 });
    expect(Array.from(exception.subarray(0, 3))).toEqual([0x01, 0x83, 0x02]);
    expect(hasValidCrc(exception)).toBe(true);
  });

  it('packs coil replies least significant bit first', () => {
    const reply = encodeResponse({ slave: 1, function: 1, bits: [true, false, true, false, false, false, false, false, true] });
    expect(Array.from(reply.subarray(0, 5))).toEqual([1, 1, 2, 0b101, 0b1]);
  });

  it('decodes every request it encodes, however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (requests, cuts) => {
        const stream = Uint8Array.from(requests.flatMap((r) => Array.from(encodeRequest(r))));
        const out = decodeInPieces(stream, cuts);
        expect(out.every((o) => o.kind === 'frame')).toBe(true);
        expect(frames(out)).toEqual(requests);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a corrupted frame as an error and finds the next good one', () => {
    const good = encodeRequest({ slave: 1, function: 3, address: 0, count: 2 });
    const bad = Uint8Array.from(good);
    bad[5] = 0x7f;
    const out = createRequestDecoder().push(Uint8Array.from([...bad, ...good]));
    expect(out.map((o) => o.kind)).toEqual(['error', 'frame']);
    expect(out[0]).toMatchObject({ kind: 'error', reason: 'crc', bytes: bad });
  });

  it('frames a function it does not parse by its CRC, so a slave can answer 01 illegal function', () => {
    const unknown = Uint8Array.from([0x01, 0x2b, 0x0e, 0x01, 0x00]);
    const crc = crc16Modbus(unknown);
    const out = createRequestDecoder().push(Uint8Array.from([...unknown, crc & 0xff, crc >> 8]));
    expect(frames(out)).toEqual([{ slave: 1, function: 0x2b, unsupported: true, data: [0x0e, 0x01, 0x00] }]);
  });

  it('never throws on random bytes, yields only its own errors, and cuts do not change the frames', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(), { maxLength: 10 }), (bytes, cuts) => {
        const whole = createRequestDecoder().push(bytes);
        const pieces = decodeInPieces(bytes, cuts);
        for (const o of [...whole, ...pieces]) {
          if (o.kind === 'error') expect(['crc', 'slaveAddress', 'unframed']).toContain(o.reason);
          else expect(hasValidCrc(o.bytes)).toBe(true);
        }
        expect(frames(pieces)).toEqual(frames(whole));
      }),
      { numRuns: 400 },
    );
  });

  it('finds requests inside random garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), request, fc.array(fc.nat(), { maxLength: 6 }), (noise, r, cuts) => {
        const frame = encodeRequest(r);
        const out = decodeInPieces(Uint8Array.from([...noise, ...frame, ...frame]), cuts);
        // Noise can happen to hold a valid frame of its own. And without the 3.5-character silence a stray start with
        // a function code we do not know is framed by the shortest CRC match, which may by chance (1 in 65,536 per
        // byte) end inside the next real frame and swallow it: the line is back in step by the frame after that.
        expect(frames(out).at(-1)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
