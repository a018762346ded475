import { describe, expect, it } from 'vitest';
import { checksum8, crc16 } from '../../../../../electron/core/devices/osdp/crc';

// Vectors: SIA OSDP 2.2 Annex E as quoted by libosdp tests/unit-tests/test-sc-sia-vectors.c.
describe('OSDP check bytes', () => {
  it('computes the Annex E CRC examples (sent low byte first)', () => {
    const comset = crc16(Uint8Array.of(0x53, 0x7f, 0x0d, 0x00, 0x04, 0x6e, 0x00, 0x80, 0x25, 0x00, 0x00));
    expect([comset & 0xff, comset >> 8]).toEqual([0x6e, 0x38]);
    const id = crc16(Uint8Array.of(0x53, 0x00, 0x09, 0x00, 0x04, 0x61, 0x00));
    expect([id & 0xff, id >> 8]).toEqual([0xc0, 0x66]);
  });

  it('computes the Annex E checksum examples', () => {
    expect(checksum8(Uint8Array.of(0x53, 0x7f, 0x0c, 0x00, 0x00, 0x6e, 0x00, 0x80, 0x25, 0x00, 0x00))).toBe(0x0f);
    expect(checksum8(Uint8Array.of(0x53, 0x00, 0x08, 0x00, 0x00, 0x61, 0x00))).toBe(0x44);
  });

  it('makes the checksum bring the byte sum to zero', () => {
    const bytes = Uint8Array.of(0x12, 0xff, 0x80, 0x01);
    const sum = [...bytes, checksum8(bytes)].reduce((a, b) => a + b, 0);
    expect(sum & 0xff).toBe(0);
  });
});
