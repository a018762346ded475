import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOsdpDecoder, type OsdpDecoded } from '../../../../../electron/core/devices/osdp/codec';
import { OsdpCodecError } from '../../../../../electron/core/devices/osdp/codec-error';
import { decodeCommand, encodeCommand } from '../../../../../electron/core/devices/osdp/commands';
import { encodePacket, type Sequence } from '../../../../../electron/core/devices/osdp/packet';
import { decodeReply, encodeReply } from '../../../../../electron/core/devices/osdp/replies';
import { commandArbitrary, concatBytes, replyArbitrary, splitAt } from './osdp-arbitraries';

function decodeAll(chunks: Uint8Array[]): OsdpDecoded[] {
  const decoder = createOsdpDecoder();
  return [...chunks.flatMap((chunk) => decoder.push(chunk)), ...decoder.flush()];
}

const packetsOf = (items: OsdpDecoded[]) => items.flatMap((item) => (item.kind === 'packet' ? [item.packet] : []));
const errorsOf = (items: OsdpDecoded[]) => items.flatMap((item) => (item.kind === 'error' ? [item.error] : []));

const header = fc.record({
  address: fc.integer({ min: 0, max: 0x7e }),
  sequence: fc.constantFrom<Sequence>(0, 1, 2, 3),
  useCrc: fc.boolean(),
});

const poll = (address: number, sequence: Sequence) => encodePacket({ address, isReply: false, sequence, useCrc: true, code: 0x60, data: new Uint8Array(0) });

describe('OSDP streaming decoder', () => {
  it('round-trips every command type however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(header, commandArbitrary), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (items, cuts) => {
        const stream = concatBytes(items.map(([h, command]) => encodePacket({ ...h, isReply: false, ...encodeCommand(command) })));
        const decoded = decodeAll(splitAt(stream, cuts));
        expect(errorsOf(decoded)).toEqual([]);
        const packets = packetsOf(decoded);
        expect(packets.map((p) => ({ address: p.address, sequence: p.sequence, useCrc: p.useCrc }))).toEqual(items.map(([h]) => h));
        expect(packets.map((p) => decodeCommand(p.code, p.data))).toEqual(items.map(([, command]) => command));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every reply type however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(header, replyArbitrary), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (items, cuts) => {
        const stream = concatBytes(items.map(([h, reply]) => encodePacket({ ...h, isReply: true, ...encodeReply(reply) })));
        const packets = packetsOf(decodeAll(splitAt(stream, cuts)));
        expect(packets.every((p) => p.isReply)).toBe(true);
        expect(packets.map((p) => decodeReply(p.code, p.data))).toEqual(items.map(([, reply]) => reply));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes and finds the same packets wherever the chunks are cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 20 }), (stream, cuts) => {
        const whole = decodeAll([stream]);
        const cut = decodeAll(splitAt(stream, cuts));
        for (const item of [...whole, ...cut]) if (item.kind === 'error') expect(item.error).toBeInstanceOf(OsdpCodecError);
        expect(packetsOf(cut)).toEqual(packetsOf(whole));
      }),
      { numRuns: 400 },
    );
  });

  it('finds every packet between runs of line noise', () => {
    const noise = fc.uint8Array({ minLength: 1, maxLength: 20 }).map((bytes) => bytes.map((byte) => (byte === 0x53 ? 0x52 : byte)));
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, fc.integer({ min: 0, max: 0x7e })), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 10 }), (items, cuts) => {
        const stream = concatBytes(items.flatMap(([junk, address]) => [junk, poll(address, 1)]));
        const packets = packetsOf(decodeAll(splitAt(stream, cuts)));
        expect(packets.map((p) => p.address)).toEqual(items.map(([, address]) => address));
      }),
      { numRuns: 200 },
    );
  });

  it('resynchronises on the next SOM after garbage that itself contains SOM bytes', () => {
    const junk = Uint8Array.of(0x53, 0x53, 0x01, 0x53, 0x20, 0x00, 0x04, 0x99, 0x53);
    const decoded = decodeAll([concatBytes([junk, poll(3, 2), junk, poll(4, 3)])]);
    expect(packetsOf(decoded).map((p) => [p.address, p.sequence])).toEqual([
      [3, 2],
      [4, 3],
    ]);
    expect(errorsOf(decoded).length).toBeGreaterThan(0);
  });

  it('reports a bad check as an error, yields no frame for it, and decodes the next packet', () => {
    const broken = poll(1, 1);
    broken[broken.length - 1] = (broken[broken.length - 1] ?? 0) ^ 0xff;
    const decoded = decodeAll([concatBytes([broken, poll(2, 1)])]);
    expect(packetsOf(decoded).map((p) => p.address)).toEqual([2]);
    expect(errorsOf(decoded).map((e) => e.code)).toEqual(['badCheck']);
  });

  it('treats 0xFF mark bytes before SOM as idle line, not garbage', () => {
    const decoded = decodeAll([concatBytes([Uint8Array.of(0xff, 0xff), poll(5, 1)])]);
    expect(errorsOf(decoded)).toEqual([]);
    expect(packetsOf(decoded)).toHaveLength(1);
  });

  it('rejects an impossible LEN and keeps scanning', () => {
    const decoded = decodeAll([concatBytes([Uint8Array.of(0x53, 0x01, 0xff, 0xff, 0x04), poll(6, 1)])]);
    expect(errorsOf(decoded).map((e) => e.code)).toContain('badLength');
    expect(packetsOf(decoded).map((p) => p.address)).toEqual([6]);
  });

  it('waits for the rest of a packet split across chunks, and reports it truncated only on flush', () => {
    const decoder = createOsdpDecoder();
    const packet = poll(7, 2);
    expect(decoder.push(packet.subarray(0, 4))).toEqual([]);
    expect(decoder.push(packet.subarray(4, 6))).toEqual([]);
    expect(decoder.flush().map((item) => (item.kind === 'error' ? item.error.code : 'packet'))).toEqual(['truncated']);
    expect(packetsOf(decoder.push(packet))).toHaveLength(1);
  });
});
