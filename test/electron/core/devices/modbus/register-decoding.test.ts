import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeRegisters,
  encodeRegisters,
  rawToWords,
  wordsToRaw,
} from '../../../../../electron/core/devices/modbus/register-decoding';
import {
  parseModbusDeviceModel,
  type ModbusDeviceModelInput,
  type ModbusPoint,
} from '../../../../../shared/domain/devices/modbus-register-map';

type PointInput = ModbusDeviceModelInput['points'][number];

function point(fields: Partial<PointInput>): ModbusPoint {
  const parsed = parseModbusDeviceModel({
    id: 'p',
    name: { zh: '点', en: 'Point' },
    points: [{ key: 'p', label: { zh: '点', en: 'Point' }, function: 3, address: 0, type: 'u16', ...fields }],
  });
  const [only] = parsed.points;
  if (!only) throw new Error('no point');
  return only;
}

const word = fc.integer({ min: 0, max: 0xffff });
const wordOrder = fc.constantFrom('big' as const, 'little' as const);
const integerTypes = [
  { type: 'u16' as const, min: 0, max: 0xffff },
  { type: 's16' as const, min: -0x8000, max: 0x7fff },
  { type: 'u32' as const, min: 0, max: 0xffffffff },
  { type: 's32' as const, min: -0x80000000, max: 0x7fffffff },
];
const scale = fc.constantFrom(1, 0.1, 0.01, 0.001, 0.5, 10, 100, -1);
const offset = fc.constantFrom(0, -40, 0.5, 273.15, -273.15);

describe('register decoding', () => {
  it('reads the common transmitter: 0x0272 is 62.6 %RH, 0xFF9C is −10.0 °C as a signed word', () => {
    expect(decodeRegisters(point({ type: 'u16', scale: 0.1 }), [0x0272])).toBe(62.6);
    expect(decodeRegisters(point({ type: 's16', scale: 0.1 }), [0x0111])).toBe(27.3);
    expect(decodeRegisters(point({ type: 's16', scale: 0.1 }), [0xff9c])).toBe(-10);
  });

  it('puts the high word first in big word order and last in little', () => {
    expect(decodeRegisters(point({ type: 'u32', wordOrder: 'big' }), [0x0001, 0x0002])).toBe(0x00010002);
    expect(decodeRegisters(point({ type: 'u32', wordOrder: 'little' }), [0x0002, 0x0001])).toBe(0x00010002);
    expect(decodeRegisters(point({ type: 'f32', wordOrder: 'big' }), [0x41c8, 0x0000])).toBe(25);
    expect(decodeRegisters(point({ type: 's32', wordOrder: 'big' }), [0xffff, 0xfffe])).toBe(-2);
  });

  it('reads a bool as non-zero, or as one bit of the word', () => {
    expect(decodeRegisters(point({ type: 'bool' }), [0x0100])).toBe(true);
    expect(decodeRegisters(point({ type: 'bool' }), [0])).toBe(false);
    expect(decodeRegisters(point({ type: 'bool', bit: 2 }), [0b0100])).toBe(true);
    expect(decodeRegisters(point({ type: 'bool', bit: 1 }), [0b0100])).toBe(false);
  });

  it('gives null for a reply too short for the point and for a NaN float', () => {
    expect(decodeRegisters(point({ type: 'u32' }), [0x0001])).toBeNull();
    expect(decodeRegisters(point({ type: 'f32' }), [0x7fc0, 0x0000])).toBeNull();
  });

  it('sets one bit of a packed status word and leaves the others', () => {
    expect(encodeRegisters(point({ type: 'bool', bit: 3 }), true, [0b0001])).toEqual([0b1001]);
    expect(encodeRegisters(point({ type: 'bool', bit: 0 }), false, [0b1001])).toEqual([0b1000]);
  });

  it('refuses a value its registers cannot hold', () => {
    expect(() => encodeRegisters(point({ type: 'u16', scale: 0.1 }), 6553.6)).toThrow(expect.objectContaining({ code: 'devices.modbus.valueOutOfRange' }));
    expect(() => encodeRegisters(point({ type: 's16' }), -32769)).toThrow(expect.objectContaining({ code: 'devices.modbus.valueOutOfRange' }));
    expect(() => encodeRegisters(point({ type: 'u16' }), true)).toThrow(expect.objectContaining({ code: 'devices.modbus.valueOutOfRange' }));
  });

  it('round-trips every integer type and word order through raw words', () => {
    for (const { type, min, max } of integerTypes) {
      fc.assert(
        fc.property(fc.integer({ min, max }), wordOrder, (raw, order) => {
          const words = rawToWords(type, order, raw);
          expect(words.every((w) => w >= 0 && w <= 0xffff)).toBe(true);
          expect(wordsToRaw(type, order, words)).toBe(raw);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('round-trips float32 through raw words, bit for bit unless NaN', () => {
    fc.assert(
      fc.property(word, word, wordOrder, (a, b, order) => {
        const raw = wordsToRaw('f32', order, [a, b]);
        fc.pre(!Number.isNaN(raw));
        expect(rawToWords('f32', order, raw)).toEqual([a, b]);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips scaled values: registers → engineering value → the same registers, for every integer type', () => {
    for (const { type } of integerTypes) {
      fc.assert(
        fc.property(word, word, wordOrder, scale, offset, (a, b, order, s, o) => {
          const p = point({ type, wordOrder: order, scale: s, offset: o });
          const words = type === 'u16' || type === 's16' ? [a] : [a, b];
          const value = decodeRegisters(p, words);
          expect(typeof value).toBe('number');
          expect(encodeRegisters(p, value as number)).toEqual(words);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('round-trips an unscaled float32 value', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), wordOrder, (f, order) => {
        const p = point({ type: 'f32', wordOrder: order });
        // fc.float draws float32 values; adding the zero offset turns −0 into 0, which is fine for a reading.
        expect(decodeRegisters(p, encodeRegisters(p, f))).toBe(f + 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any register contents, for any point shape', () => {
    const anyPoint = fc.record({
      type: fc.constantFrom('bool' as const, 'u16' as const, 's16' as const, 'u32' as const, 's32' as const, 'f32' as const),
      wordOrder,
      scale,
      offset,
    });
    fc.assert(
      fc.property(anyPoint, fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 3 }), (fields, words) => {
        const value = decodeRegisters(point(fields), words);
        expect(value === null || typeof value === 'boolean' || Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
