import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReceiverDecoder,
  readConsoleReplies,
  type ContactIdEvent,
  type ReceiverDecoded,
} from '../../../../../electron/core/devices/contact-id/codec';
import { encodeContactIdEvent, encodeHeartbeat, encodeMessage } from '../../../../../electron/core/devices/contact-id/encoder';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const withDc4 = (text: string): Uint8Array => Uint8Array.from([...ascii(text), 0x14]);
const decodeAll = (bytes: Uint8Array, maxMessageBytes?: number): ReceiverDecoded[] => createReceiverDecoder(maxMessageBytes).push(bytes);
const decodeOne = (text: string): ReceiverDecoded => {
  const out = decodeAll(withDc4(text));
  expect(out).toHaveLength(1);
  return out[0] as ReceiverDecoded;
};

/** Cuts `bytes` at the given points (any order, any values) and feeds the pieces to one decoder. */
function decodeInPieces(bytes: Uint8Array, cuts: number[], maxMessageBytes?: number): ReceiverDecoded[] {
  const decoder = createReceiverDecoder(maxMessageBytes);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: ReceiverDecoded[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    out.push(...decoder.push(bytes.subarray(start, point)));
    start = point;
  }
  return out;
}

describe('SurGard receiver codec', () => {
  it('decodes the published example 5011 181234E12101001 exactly', () => {
    expect(decodeOne('5011 181234E12101001')).toEqual({
      kind: 'event',
      receiver: '01',
      line: '1',
      event: { account: '1234', qualifier: 'E', code: '121', group: '01', zone: '001' },
      text: '5011 181234E12101001',
      bytes: withDc4('5011 181234E12101001'),
    });
  });

  it('reads restore and status qualifiers and accounts with B-F digits', () => {
    const restore = decodeOne('50A2 18BCDFR13002017');
    expect(restore).toMatchObject({ kind: 'event', receiver: '0A', line: '2', event: { account: 'BCDF', qualifier: 'R', code: '130' } });
    expect(decodeOne('5011 181234P30100000')).toMatchObject({ kind: 'event', event: { qualifier: 'P', code: '301', group: '00', zone: '000' } });
  });

  it('decodes the classic heartbeat 1011 + 11 spaces + @ + 4 spaces', () => {
    expect(decodeOne(`1011${' '.repeat(11)}@${' '.repeat(4)}`)).toMatchObject({ kind: 'heartbeat', receiver: '01', line: '1' });
  });

  it('decodes the newer heartbeat 1RR000 + 11 spaces + @ + 4 spaces', () => {
    expect(decodeOne(`102000${' '.repeat(11)}@${' '.repeat(4)}`)).toMatchObject({ kind: 'heartbeat', receiver: '02', line: '000' });
  });

  it('passes other protocols and internal status messages through as raw text', () => {
    const sia = '3011    001234NA0001';
    const fourTwo = '1011      0012 C1128';
    const internal = '0011 TIME 12:00';
    expect(decodeOne(sia)).toEqual({ kind: 'other', text: sia, bytes: withDc4(sia) });
    expect(decodeOne(fourTwo)).toMatchObject({ kind: 'other', text: fourTwo });
    expect(decodeOne(internal)).toMatchObject({ kind: 'other', text: internal });
  });

  it('ignores CR and LF around a message', () => {
    expect(decodeAll(ascii('\r\n5011 181234E12101001\r\n\u0014'))).toMatchObject([{ kind: 'event', text: '5011 181234E12101001' }]);
  });

  it('rejects a Contact ID line of the wrong length', () => {
    expect(decodeOne('5011 181234E1210100')).toMatchObject({ kind: 'error', reason: 'badLength' });
    expect(decodeOne('5011 181234E121010011')).toMatchObject({ kind: 'error', reason: 'badLength' });
  });

  it('rejects a Contact ID line with a bad field, naming the field', () => {
    const cases: [string, string][] = [
      ['5011 181A34E12101001', 'account'],
      ['5011 181234X12101001', 'qualifier'],
      ['5011 181234E1A101001', 'code'],
      ['5011 171234E12101001', 'format'],
      ['5011-181234E12101001', 'separator'],
      ['5G11 181234E12101001', 'receiver'],
      ['5011 181234E121010-1', 'zone'],
      ['5011 181234E121 1001', 'group'],
    ];
    for (const [line, field] of cases) {
      const decoded = decodeOne(line);
      expect(decoded, line).toMatchObject({ kind: 'error', reason: 'badField' });
      expect(decoded.kind === 'error' && decoded.message.startsWith(field), line).toBe(true);
    }
  });

  it('rejects an empty message and one with bytes that are not text', () => {
    expect(decodeAll(Uint8Array.of(0x14))).toMatchObject([{ kind: 'error', reason: 'empty' }]);
    expect(decodeAll(Uint8Array.of(0x35, 0x00, 0xff, 0x14))).toMatchObject([{ kind: 'error', reason: 'notText' }]);
  });

  it('goes on with the next message after a bad one', () => {
    const out = decodeAll(Uint8Array.from([...withDc4('5011 18XXXXE12101001'), ...withDc4('5011 181234E12101001')]));
    expect(out.map((item) => item.kind)).toEqual(['error', 'event']);
  });

  it('reports an overlong message once, drops it up to the next DC4 and decodes what follows', () => {
    const noise = new Uint8Array(5000).fill(0x41);
    const out = decodeAll(Uint8Array.from([...noise, 0x14, ...withDc4('5011 181234E12101001')]), 64);
    expect(out.map((item) => (item.kind === 'error' ? item.reason : item.kind))).toEqual(['overlong', 'event']);
    expect(out[0]?.bytes.length).toBe(65);
  });

  it('decodes a read of 1,000 buffered events (longer than one string call takes) the same as each message alone', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => encodeContactIdEvent({ receiver: 1, line: 1 }, { account: '1234', qualifier: 'E', code: 130, group: 1, zone: (i % 999) + 1 }));
    const stream = Uint8Array.from(messages.flatMap((message) => [...message]));
    expect(stream.length).toBeGreaterThan(16_384);
    const out = decodeAll(stream);
    expect(out).toEqual(messages.map((message) => decodeAll(message)[0]));
    expect(out[999]).toMatchObject({ kind: 'event', event: { zone: '001' }, text: '5011 181234E13001001' });
  });

  it('keeps a bounded buffer however long the garbage without DC4 runs', () => {
    const decoder = createReceiverDecoder(128);
    const chunk = new Uint8Array(64 * 1024).fill(0x37);
    const errors: ReceiverDecoded[] = [];
    for (let round = 0; round < 64; round += 1) errors.push(...decoder.push(chunk));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'error', reason: 'overlong' });
    expect(errors[0]?.bytes.length).toBe(129);
    expect(decoder.push(Uint8Array.from([0x14, ...withDc4('5011 181234E12101001')]))).toMatchObject([{ kind: 'event' }]);
  });

  it('encodes events and heartbeats the way the receiver writes them', () => {
    const event = { account: '1234', qualifier: 'E', code: 121, group: 1, zone: 1 } as const;
    expect(encodeContactIdEvent({ receiver: 1, line: 1 }, event)).toEqual(withDc4('5011 181234E12101001'));
    expect(encodeHeartbeat({ receiver: 1, line: 1 })).toEqual(withDc4(`1011${' '.repeat(11)}@${' '.repeat(4)}`));
    expect(encodeHeartbeat({ receiver: 0x1a, line: 3 }, 'extended')).toEqual(withDc4(`11A000${' '.repeat(11)}@${' '.repeat(4)}`));
    expect(encodeMessage('S011 PRINTER FAIL')).toEqual(withDc4('S011 PRINTER FAIL'));
  });

  it('refuses to encode a field that cannot go on the wire, naming it', () => {
    const address = { receiver: 1, line: 1 };
    expect(() => encodeContactIdEvent(address, { account: '12A4', qualifier: 'E', code: 110, group: 1, zone: 1 })).toThrow(
      expect.objectContaining({ code: 'devices.contactId.badEventField', params: expect.objectContaining({ field: 'account' }) }),
    );
    expect(() => encodeContactIdEvent(address, { account: '1234', qualifier: 'E', code: 1100, group: 1, zone: 1 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ field: 'code' }) }),
    );
    expect(() => encodeContactIdEvent({ receiver: 300, line: 1 }, { account: '1234', qualifier: 'E', code: 110, group: 1, zone: 1 })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ field: 'receiver' }) }),
    );
  });

  it('reads the console replies and skips other bytes', () => {
    expect(readConsoleReplies(Uint8Array.of(0x06, 0x41, 0x15, 0x06))).toEqual(['ack', 'nak', 'ack']);
  });
});

const hexDigit = (digits: string) => fc.constantFrom(...digits.split(''));
const fixed = (digits: string, length: number) => fc.array(hexDigit(digits), { minLength: length, maxLength: length }).map((chars) => chars.join(''));
const eventArbitrary: fc.Arbitrary<ContactIdEvent> = fc.record({
  account: fixed('0123456789BCDEF', 4),
  qualifier: fc.constantFrom('E' as const, 'R' as const, 'P' as const),
  code: fixed('0123456789', 3),
  group: fixed('0123456789ABCDEF', 2),
  zone: fixed('0123456789ABCDEF', 3),
});
const messageArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('event' as const), receiver: fc.integer({ min: 0, max: 255 }), line: fc.integer({ min: 0, max: 9 }), event: eventArbitrary }),
  fc.record({ kind: fc.constant('heartbeat' as const), receiver: fc.integer({ min: 0, max: 255 }), line: fc.integer({ min: 0, max: 9 }) }),
);

describe('SurGard receiver codec under random input', () => {
  it('round-trips random events and heartbeats through encoder and decoder however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(messageArbitrary, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { maxLength: 30 }), (messages, cuts) => {
        const wire = messages.map((message) =>
          message.kind === 'event'
            ? encodeContactIdEvent({ receiver: message.receiver, line: message.line }, message.event)
            : encodeHeartbeat({ receiver: message.receiver, line: message.line }),
        );
        const stream = Uint8Array.from(wire.flatMap((bytes) => [...bytes]));
        const decoded = decodeInPieces(stream, cuts);
        expect(decoded).toHaveLength(messages.length);
        messages.forEach((message, index) => {
          const frame = decoded[index];
          const receiver = message.receiver.toString(16).toUpperCase().padStart(2, '0');
          if (message.kind === 'event') expect(frame).toMatchObject({ kind: 'event', receiver, line: String(message.line), event: message.event });
          else expect(frame).toMatchObject({ kind: 'heartbeat', receiver, line: String(message.line) });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes, reports only its own errors and gives the same result however the bytes are cut', () => {
    const reasons = ['empty', 'notText', 'badLength', 'badField', 'overlong'];
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x14, 0x35, 0x20, 0x31));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 600 }), fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        const stream = Uint8Array.from(bytes);
        const whole = decodeAll(stream, 64);
        expect(decodeInPieces(stream, cuts, 64)).toEqual(whole);
        // Byte by byte every message goes through the decoder's buffer; whole, most are taken from the chunk.
        expect(decodeInPieces(stream, stream.length > 0 ? [...stream.keys()] : [], 64)).toEqual(whole);
        for (const item of whole) {
          if (item.kind === 'error') expect(reasons).toContain(item.reason);
          expect(item.bytes.length).toBeLessThanOrEqual(65);
        }
      }),
      { numRuns: 300 },
    );
  });
});
