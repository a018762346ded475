import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFrameDecoder,
  encodeFrame,
  fletcherChecksum,
  type Nx584Frame,
  type Nx584FrameEvent,
  type Nx584Framing,
} from '../../../../../electron/core/devices/nx584/framing';

const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const frame = (number: number, data: number[] = [], ackRequested = false): Nx584Frame => ({ number, ackRequested, data: Uint8Array.from(data) });

function decodeInPieces(framing: Nx584Framing, bytes: Uint8Array, cuts: number[]): Nx584FrameEvent[] {
  const decoder = createFrameDecoder(framing);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((x, y) => x - y);
  const events: Nx584FrameEvent[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    events.push(...decoder.push(bytes.subarray(from, point)));
    from = point;
  }
  return events;
}

const frameArbitrary: fc.Arbitrary<Nx584Frame> = fc.record({
  number: fc.integer({ min: 0, max: 0x3f }),
  ackRequested: fc.boolean(),
  data: fc.uint8Array({ maxLength: 40 }),
});
const framings: Nx584Framing[] = ['binary', 'ascii'];
const knownErrors = ['badChecksum', 'badLength', 'badEscape', 'badHex', 'truncated', 'tooLong', 'noise'];

/** nxgipd's formulation: 8-bit sums with end-around carry, 255 folded to 0. */
function onesComplementSums(bytes: number[]): [number, number] {
  let s1 = 0;
  let s2 = 0;
  for (const byte of bytes) {
    s1 += byte;
    if (s1 > 255) s1 -= 255;
    if (s1 === 255) s1 = 0;
    s2 += s1;
    if (s2 > 255) s2 -= 255;
    if (s2 === 255) s2 = 0;
  }
  return [s1, s2];
}

describe('NX-584 framing', () => {
  it("writes the request lines of pynx584's start-up test, checksums included", () => {
    expect(ascii(encodeFrame(frame(0x28), 'ascii'))).toBe('\n0128292A\r');
    expect(ascii(encodeFrame(frame(0x24, [0]), 'ascii'))).toBe('\n022400264E\r');
    expect(ascii(encodeFrame(frame(0x23, [0]), 'ascii'))).toBe('\n022300254C\r');
    expect(ascii(encodeFrame(frame(0x24, [1]), 'ascii'))).toBe('\n022401274F\r');
    expect(ascii(encodeFrame(frame(0x23, [1]), 'ascii'))).toBe('\n022301264D\r');
  });

  it('computes the same sums as the end-around-carry form in nxgipd', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 260 }), (bytes) => {
        expect(fletcherChecksum(bytes)).toEqual(onesComplementSums(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes 0x7E and 0x7D inside a binary frame as 0x7D then the byte XOR 0x20 (pynx584 test frame)', () => {
    const bytes = encodeFrame(frame(0x01, [0x7e, 0x02, 0x7d, 0x03]), 'binary');
    const [s1, s2] = fletcherChecksum([0x05, 0x01, 0x7e, 0x02, 0x7d, 0x03]);
    expect([...bytes]).toEqual([0x7e, 0x05, 0x01, 0x7d, 0x5e, 0x02, 0x7d, 0x5d, 0x03, s1, s2]);
    expect(ascii(encodeFrame(frame(0x01, [0x7e, 0x02, 0x7d, 0x03]), 'ascii')).slice(0, 13)).toBe('\n05017E027D03');
  });

  it('carries the acknowledge request in bit 7 of the message number', () => {
    const [event] = createFrameDecoder('ascii').push(encodeFrame(frame(0x04, [1, 2], true), 'ascii'));
    expect(ascii(encodeFrame(frame(0x04, [1, 2], true), 'ascii')).slice(1, 5)).toBe('0384');
    expect(event).toMatchObject({ type: 'frame', frame: { number: 0x04, ackRequested: true, data: Uint8Array.from([1, 2]) } });
  });

  for (const framing of framings) {
    it(`round-trips frames and yields the same events however the ${framing} stream is cut`, () => {
      fc.assert(
        fc.property(fc.array(frameArbitrary, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 16 }), (frames, cuts) => {
          const bytes = Uint8Array.from(frames.flatMap((f) => [...encodeFrame(f, framing)]));
          const events = decodeInPieces(framing, bytes, cuts);
          expect(events.map((event) => (event.type === 'frame' ? event.frame : event.error.code))).toEqual(frames);
          expect(Uint8Array.from(events.flatMap((event) => [...event.bytes]))).toEqual(bytes);
        }),
        { numRuns: 300 },
      );
    });

    it(`never throws on random ${framing} bytes and reports only its own errors, whatever the cuts`, () => {
      const noisy = fc.array(fc.oneof(fc.uint8Array({ maxLength: 30 }), frameArbitrary.map((f) => encodeFrame(f, framing))), { maxLength: 8 });
      fc.assert(
        fc.property(noisy, fc.array(fc.nat(), { maxLength: 20 }), (pieces, cuts) => {
          const bytes = Uint8Array.from(pieces.flatMap((piece) => [...piece]));
          const events = decodeInPieces(framing, bytes, cuts);
          expect(events).toEqual(decodeInPieces(framing, bytes, []));
          for (const event of events) if (event.type === 'error') expect(knownErrors).toContain(event.error.code);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('reports a bad checksum and reads the next frame', () => {
    const bad = encodeFrame(frame(0x28), 'binary');
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0x01;
    const events = createFrameDecoder('binary').push(Uint8Array.from([...bad, ...encodeFrame(frame(0x1d), 'binary')]));
    expect(events.map((event) => (event.type === 'frame' ? event.frame.number : event.error.code))).toEqual(['badChecksum', 0x1d]);
  });

  it('reports a binary frame cut short by the next start byte, and noise before a frame', () => {
    const good = encodeFrame(frame(0x08, [1, 2, 3]), 'binary');
    const events = createFrameDecoder('binary').push(Uint8Array.from([0x11, 0x22, ...good.subarray(0, 4), ...good]));
    expect(events.map((event) => (event.type === 'frame' ? event.frame.number : event.error.code))).toEqual(['noise', 'truncated', 0x08]);
  });

  it('reports bad hex, a wrong length byte and a bad escape as errors and resynchronises', () => {
    const next = encodeFrame(frame(0x1d), 'ascii');
    const asciiEvents = createFrameDecoder('ascii').push(Uint8Array.from([...Buffer.from('\n01ZZ292A\r'), ...Buffer.from('\n0528292A\r'), ...next]));
    expect(asciiEvents.map((event) => (event.type === 'frame' ? event.frame.number : event.error.code))).toEqual(['badHex', 'badLength', 0x1d]);
    const binaryEvents = createFrameDecoder('binary').push(Uint8Array.from([0x7e, 0x01, 0x7d, 0x33, ...encodeFrame(frame(0x1d), 'binary')]));
    expect(binaryEvents.map((event) => (event.type === 'frame' ? event.frame.number : event.error.code))).toEqual(['badEscape', 0x1d]);
  });
});
