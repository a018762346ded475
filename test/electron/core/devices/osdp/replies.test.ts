import { describe, expect, it } from 'vitest';
import { OsdpCodecError } from '../../../../../electron/core/devices/osdp/codec-error';
import { decodeReply, encodeReply, nakErrorName, type OsdpReply } from '../../../../../electron/core/devices/osdp/replies';
import { describeReply } from '../../../../../electron/core/devices/osdp/summary';

function decoded(code: number, data: Uint8Array): OsdpReply {
  const reply = decodeReply(code, data);
  if (reply instanceof OsdpCodecError) throw new Error(reply.message);
  return reply;
}

describe('OSDP reply payloads', () => {
  it('reads PDID: vendor code and serial low byte first, firmware major.minor.build', () => {
    const reply = decoded(0x45, Uint8Array.of(0x5c, 0x26, 0x0a, 7, 2, 0x78, 0x56, 0x34, 0x12, 3, 1, 9));
    expect(reply).toEqual({ kind: 'pdid', vendorCode: 0x0a265c, model: 7, version: 2, serialNumber: 0x12345678, firmware: { major: 3, minor: 1, build: 9 } });
    expect(describeReply(reply)).toBe('PDID vendor 0A265C model 7 v2 serial 12345678 firmware 3.1.9');
  });

  it('reads a RAW card read and refuses one whose data does not match its bit count', () => {
    expect(decodeReply(0x50, Uint8Array.of(0, 1, 26, 0, 0x80, 0x80, 0x00, 0x80))).toMatchObject({ kind: 'raw', reader: 0, format: 1, bitCount: 26 });
    expect(decodeReply(0x50, Uint8Array.of(0, 1, 26, 0, 0x80, 0x80, 0x00))).toMatchObject({ code: 'badPayload' });
  });

  it('describes a 26-bit card read as facility / card, with its 24 data bits in decimal and hex', () => {
    const reply = decoded(0x50, Uint8Array.of(0, 1, 26, 0, 0x80, 0x80, 0x00, 0x80));
    expect(describeReply(reply)).toBe('RAW reader 0 format 1 26 bits, card 1 / 1 (facility 1, card 1; data bits 65537 / 0x010001)');
  });

  it('sends * and # on the keypad as 0x7F and 0x0D', () => {
    const { data } = encodeReply({ kind: 'keypad', reader: 1, digits: '12*#' });
    expect(Array.from(data)).toEqual([1, 4, 0x31, 0x32, 0x7f, 0x0d]);
    expect(decodeReply(0x53, data)).toEqual({ kind: 'keypad', reader: 1, digits: '12*#' });
  });

  it('reads LSTATR tamper and power bytes', () => {
    expect(decodeReply(0x48, Uint8Array.of(1, 0))).toEqual({ kind: 'lstatr', tamper: true, powerFailure: false });
    expect(decodeReply(0x48, Uint8Array.of(1))).toMatchObject({ code: 'badPayload' });
  });

  it('names NAK error codes', () => {
    expect(nakErrorName(1)).toBe('bad check character');
    expect(nakErrorName(6)).toBe('secure channel required');
    expect(describeReply({ kind: 'nak', error: 3 })).toBe('NAK 3 (unknown command)');
    expect(nakErrorName(200)).toBe('error 200');
  });

  it('names an unknown reply code', () => {
    expect(decodeReply(0x42, new Uint8Array(0))).toMatchObject({ code: 'unknownCode' });
  });
});
