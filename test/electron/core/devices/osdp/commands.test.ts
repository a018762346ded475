import { describe, expect, it } from 'vitest';
import { OsdpCodecError } from '../../../../../electron/core/devices/osdp/codec-error';
import { decodeCommand, encodeCommand } from '../../../../../electron/core/devices/osdp/commands';

describe('OSDP command payloads', () => {
  it('lays out COMSET as the Annex E example (address 0, 9600 baud)', () => {
    const { code, data } = encodeCommand({ kind: 'comset', address: 0, baudRate: 9600 });
    expect([code, ...data]).toEqual([0x6e, 0x00, 0x80, 0x25, 0x00, 0x00]);
  });

  it('lays out an LED record in the 14-byte order libosdp uses', () => {
    const { code, data } = encodeCommand({
      kind: 'led',
      leds: [
        {
          reader: 1,
          led: 2,
          temporary: { control: 2, onTime: 3, offTime: 4, onColour: 1, offColour: 0, timer: 0x0102 },
          permanent: { control: 1, onTime: 5, offTime: 6, onColour: 2, offColour: 3 },
        },
      ],
    });
    expect([code, ...data]).toEqual([0x69, 1, 2, 2, 3, 4, 1, 0, 0x02, 0x01, 1, 5, 6, 2, 3]);
  });

  it('lays out OUT records with the timer low byte first, and BUZ as five bytes', () => {
    expect(Array.from(encodeCommand({ kind: 'out', outputs: [{ output: 0, control: 5, timer: 30 }] }).data)).toEqual([0, 5, 30, 0]);
    expect(Array.from(encodeCommand({ kind: 'buz', reader: 0, tone: 2, onTime: 2, offTime: 1, count: 1 }).data)).toEqual([0, 2, 2, 1, 1]);
  });

  it('refuses command data of the wrong length with a payload error', () => {
    expect(decodeCommand(0x60, Uint8Array.of(1))).toMatchObject({ code: 'badPayload' });
    expect(decodeCommand(0x68, Uint8Array.of(1, 2, 3))).toMatchObject({ code: 'badPayload' });
    expect(decodeCommand(0x6b, Uint8Array.of(0, 1, 0, 0, 0, 5, 0x41))).toMatchObject({ code: 'badPayload' });
    expect(decodeCommand(0x76, new Uint8Array(7))).toBeInstanceOf(OsdpCodecError);
  });

  it('names an unknown command code', () => {
    expect(decodeCommand(0x99, new Uint8Array(0))).toMatchObject({ code: 'unknownCode', message: 'unknown command 0x99' });
  });
});
