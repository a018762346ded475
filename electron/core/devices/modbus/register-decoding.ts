// Register words and bits ⇄ typed, scaled point values, as a device model's register map describes them.

import { AppError } from '../../../../shared/contract/app-error';
import {
  registerWidth,
  type ModbusPoint,
  type ModbusPointType,
} from '../../../../shared/domain/devices/modbus-register-map';

/** A point's value in engineering units; null when the registers hold no usable number (short reply, NaN float). */
export type PointValue = number | boolean | null;

export type WordOrder = 'big' | 'little';

type NumericType = Exclude<ModbusPointType, 'bool'>;

const integerRanges: Record<Exclude<NumericType, 'f32'>, [min: number, max: number]> = {
  u16: [0, 0xffff],
  s16: [-0x8000, 0x7fff],
  u32: [0, 0xffffffff],
  s32: [-0x80000000, 0x7fffffff],
};

/**
 * Registers → raw number before scaling. Modbus registers are big-endian 16-bit words (Modbus
 * Application Protocol V1.1b3 §4.2); how a device lays a 32-bit value over two of them is not
 * specified, hence the map's word order: 'big' puts the high word at the lower address.
 */
export function wordsToRaw(type: NumericType, wordOrder: WordOrder, words: readonly number[]): number {
  const first = (words[0] ?? 0) & 0xffff;
  if (type === 'u16') return first;
  if (type === 's16') return first >= 0x8000 ? first - 0x10000 : first;
  const second = (words[1] ?? 0) & 0xffff;
  const [high, low] = wordOrder === 'big' ? [first, second] : [second, first];
  const view = new DataView(new ArrayBuffer(4));
  view.setUint16(0, high);
  view.setUint16(2, low);
  if (type === 'u32') return view.getUint32(0);
  if (type === 's32') return view.getInt32(0);
  return view.getFloat32(0);
}

/** Raw number → registers, the inverse of `wordsToRaw`; the caller checks the range. */
export function rawToWords(type: NumericType, wordOrder: WordOrder, raw: number): number[] {
  if (type === 'u16' || type === 's16') return [raw & 0xffff];
  const view = new DataView(new ArrayBuffer(4));
  if (type === 'f32') view.setFloat32(0, raw);
  else if (type === 'u32') view.setUint32(0, raw);
  else view.setInt32(0, raw);
  const high = view.getUint16(0);
  const low = view.getUint16(2);
  return wordOrder === 'big' ? [high, low] : [low, high];
}

/** Digits after the decimal point in a number as written (0.1 → 1, 273.15 → 2, 10 → 0). */
function decimalsOf(n: number): number {
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.min(15, Math.max(0, fraction.length - Number(exponent)));
}

/**
 * raw × scale + offset. For an integer register the exact result has no more decimals than the
 * scale and offset, so rounding to those only removes binary noise (273 × 0.1 → 27.3, not 27.300000000000004).
 */
export function scaleRaw(point: Pick<ModbusPoint, 'type' | 'scale' | 'offset'>, raw: number): number | null {
  if (!Number.isFinite(raw)) return null;
  const value = raw * point.scale + point.offset;
  if (point.type === 'f32') return value;
  return Number(value.toFixed(Math.max(decimalsOf(point.scale), decimalsOf(point.offset))));
}

/** A point's value from its own registers (its first word at index 0). */
export function decodeRegisters(point: ModbusPoint, words: readonly number[]): PointValue {
  if (words.length < registerWidth(point.type)) return null;
  const first = (words[0] ?? 0) & 0xffff;
  if (point.type === 'bool') return point.bit === undefined ? first !== 0 : ((first >> point.bit) & 1) === 1;
  return scaleRaw(point, wordsToRaw(point.type, point.wordOrder, words));
}

/**
 * Engineering value → the point's registers, for a write or a simulator. `current` holds the
 * registers as they are, so a bool packed into one bit leaves the other bits alone.
 */
export function encodeRegisters(point: ModbusPoint, value: number | boolean, current: readonly number[] = []): number[] {
  const outOfRange = (): AppError =>
    new AppError('devices.modbus.valueOutOfRange', 'devices.modbus.valueOutOfRange', { key: point.key, value: String(value) });
  if (point.type === 'bool') {
    if (typeof value !== 'boolean') throw outOfRange();
    const word = (current[0] ?? 0) & 0xffff;
    if (point.bit === undefined) return [value ? 1 : 0];
    const mask = 1 << point.bit;
    return [value ? word | mask : word & ~mask & 0xffff];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw outOfRange();
  const exact = (value - point.offset) / point.scale;
  if (point.type === 'f32') {
    const raw = Math.fround(exact);
    if (!Number.isFinite(raw)) throw outOfRange();
    return rawToWords('f32', point.wordOrder, raw);
  }
  const raw = Math.round(exact);
  const [min, max] = integerRanges[point.type];
  if (raw < min || raw > max) throw outOfRange();
  return rawToWords(point.type, point.wordOrder, raw);
}

/** One raw engineering step of a point (what one count of the register is worth). */
export function pointStep(point: Pick<ModbusPoint, 'type' | 'scale'>): number {
  return point.type === 'f32' ? Math.abs(point.scale) * 0.01 : Math.abs(point.scale);
}
