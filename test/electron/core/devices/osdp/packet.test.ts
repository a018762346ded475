import { describe, expect, it } from 'vitest';
import { OsdpCodecError } from '../../../../../electron/core/devices/osdp/codec-error';
import { encodeCommand } from '../../../../../electron/core/devices/osdp/commands';
import { encodePacket, nextSequence, parsePacket, type Sequence } from '../../../../../electron/core/devices/osdp/packet';

const command = (address: number, sequence: Sequence, code: number, data: number[]) =>
  encodePacket({ address, isReply: false, sequence, useCrc: true, code, data: Uint8Array.from(data) });

describe('OSDP packet layout', () => {
  // Expected bytes: libosdp tests/unit-tests/test-cp-phy.c (PD address 0x65, sequence 0, CRC), without the 0xFF mark.
  it('lays out POLL, ID and CHLNG exactly as libosdp does', () => {
    expect(Array.from(command(0x65, 0, 0x60, []))).toEqual([0x53, 0x65, 0x08, 0x00, 0x04, 0x60, 0x60, 0x90]);
    const id = encodeCommand({ kind: 'id' });
    expect(Array.from(command(0x65, 0, id.code, Array.from(id.data)))).toEqual([0x53, 0x65, 0x09, 0x00, 0x04, 0x61, 0x00, 0xd9, 0x7a]);
    expect(Array.from(command(0x65, 0, 0x76, [1, 2, 3, 4, 5, 6, 7, 8]))).toEqual([
      0x53, 0x65, 0x10, 0x00, 0x04, 0x76, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0d, 0x20,
    ]);
  });

  it('lays out the Annex E checksum-mode ID command', () => {
    const bytes = encodePacket({ address: 0, isReply: false, sequence: 0, useCrc: false, code: 0x61, data: Uint8Array.of(0) });
    expect(Array.from(bytes)).toEqual([0x53, 0x00, 0x08, 0x00, 0x00, 0x61, 0x00, 0x44]);
  });

  it('sets bit 7 of the address in a reply and reads it back', () => {
    const bytes = encodePacket({ address: 0x05, isReply: true, sequence: 2, useCrc: true, code: 0x40, data: new Uint8Array(0) });
    expect(bytes[1]).toBe(0x85);
    expect(parsePacket(bytes)).toMatchObject({ address: 5, isReply: true, sequence: 2, code: 0x40 });
  });

  it('reads a security block and the MAC of a Secure Channel packet', () => {
    const bytes = encodePacket(
      { address: 1, isReply: false, sequence: 1, useCrc: true, security: { type: 0x17, data: new Uint8Array(0) }, code: 0x69, data: new Uint8Array(16).fill(7) },
      () => Uint8Array.of(0xa1, 0xa2, 0xa3, 0xa4, 0xff, 0xff),
    );
    const packet = parsePacket(bytes);
    expect(packet).toMatchObject({ security: { type: 0x17 }, code: 0x69 });
    expect(packet instanceof OsdpCodecError ? [] : Array.from(packet.mac ?? [])).toEqual([0xa1, 0xa2, 0xa3, 0xa4]);
    expect(packet instanceof OsdpCodecError ? 0 : packet.data.length).toBe(16);
  });

  it('rejects a security block longer than the packet', () => {
    const bytes = encodePacket({ address: 1, isReply: false, sequence: 1, useCrc: true, code: 0x60, data: new Uint8Array(0) });
    const broken = Uint8Array.of(0x53, 0x01, 0x0a, 0x00, 0x0d, 0x09, 0x11, 0x60, 0, 0);
    expect(parsePacket(broken)).toBeInstanceOf(OsdpCodecError);
    expect(parsePacket(bytes)).not.toBeInstanceOf(OsdpCodecError);
  });

  it('counts sequence numbers 1, 2, 3, 1 after the initial 0', () => {
    const seen: Sequence[] = [0];
    for (let i = 0; i < 5; i += 1) seen.push(nextSequence(seen[seen.length - 1] ?? 0));
    expect(seen).toEqual([0, 1, 2, 3, 1, 2]);
  });
});
