// Groups a register map's points into as few read requests as possible, and splits each reply back into point values.

import {
  modbusReadFunctions,
  registerWidth,
  type ModbusPoint,
  type ModbusReadFunction,
} from '../../../../shared/domain/devices/modbus-register-map';
import { decodeRegisters, type PointValue } from './register-decoding';

/** Modbus Application Protocol V1.1b3 §6.3/§6.4: a register read asks for 1–125 registers. */
export const maxRegistersPerRead = 125;
/** Same, §6.1/§6.2: a coil or discrete-input read asks for 1–2000 bits. */
export const maxBitsPerRead = 2000;

/** One read request: a contiguous range of one table and the points it covers. */
export interface ReadBlock {
  function: ModbusReadFunction;
  address: number;
  count: number;
  points: ModbusPoint[];
}

export function isBitFunction(fn: ModbusReadFunction): fn is 1 | 2 {
  return fn === 1 || fn === 2;
}

/** How many registers (or bits) a point occupies in its table. */
export function pointSpan(point: ModbusPoint): number {
  return isBitFunction(point.function) ? 1 : registerWidth(point.type);
}

/**
 * Adjacent or overlapping points of one function share a read, up to the protocol's quantity
 * limit. Gaps are never bridged: reading an address a device does not implement draws exception
 * 02 (illegal data address) for the whole request.
 */
export function planReads(points: readonly ModbusPoint[], limits = { registers: maxRegistersPerRead, bits: maxBitsPerRead }): ReadBlock[] {
  const blocks: ReadBlock[] = [];
  for (const fn of modbusReadFunctions) {
    const max = isBitFunction(fn) ? limits.bits : limits.registers;
    const ofFunction = points
      .filter((point) => point.function === fn)
      .sort((a, b) => a.address - b.address || pointSpan(a) - pointSpan(b));
    let current: ReadBlock | null = null;
    for (const point of ofFunction) {
      const end = point.address + pointSpan(point);
      const currentEnd = current ? current.address + current.count : -1;
      if (current && point.address <= currentEnd && Math.max(end, currentEnd) - current.address <= max) {
        current.count = Math.max(end, currentEnd) - current.address;
        current.points.push(point);
        continue;
      }
      current = { function: fn, address: point.address, count: pointSpan(point), points: [point] };
      blocks.push(current);
    }
  }
  return blocks;
}

/** The block's reply data → each point's value; a reply shorter than asked leaves the missing points null. */
export function decodeBlock(block: ReadBlock, data: readonly number[] | readonly boolean[]): { point: ModbusPoint; value: PointValue }[] {
  return block.points.map((point) => {
    const index = point.address - block.address;
    if (isBitFunction(block.function)) {
      const bit = data[index];
      return { point, value: typeof bit === 'boolean' ? bit : typeof bit === 'number' ? bit !== 0 : null };
    }
    const words = data.slice(index, index + registerWidth(point.type)).map((word) => (typeof word === 'number' ? word : word ? 1 : 0));
    return { point, value: decodeRegisters(point, words) };
  });
}
