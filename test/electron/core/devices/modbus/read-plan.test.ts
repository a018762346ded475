import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBlock, planReads, pointSpan } from '../../../../../electron/core/devices/modbus/read-plan';
import {
  parseModbusDeviceModel,
  type ModbusDeviceModelInput,
  type ModbusPoint,
} from '../../../../../shared/domain/devices/modbus-register-map';

type PointInput = ModbusDeviceModelInput['points'][number];

function points(inputs: Omit<PointInput, 'label' | 'key'>[]): ModbusPoint[] {
  return parseModbusDeviceModel({
    id: 'p',
    name: { zh: '点', en: 'Point' },
    points: inputs.map((input, i) => ({ key: `p${i}`, label: { zh: '点', en: 'Point' }, ...input })),
  }).points;
}

describe('read planning', () => {
  it('reads adjacent registers of one function in one request', () => {
    const plan = planReads(points([
      { function: 3, address: 1, type: 's16' },
      { function: 3, address: 0, type: 'u16' },
      { function: 3, address: 2, type: 'u32' },
    ]));
    expect(plan.map(({ function: fn, address, count }) => ({ fn, address, count }))).toEqual([{ fn: 3, address: 0, count: 4 }]);
  });

  it('never bridges a gap, since an unimplemented address fails the whole read', () => {
    const plan = planReads(points([
      { function: 3, address: 0, type: 'u16' },
      { function: 3, address: 2, type: 'u16' },
    ]));
    expect(plan.map((b) => [b.address, b.count])).toEqual([[0, 1], [2, 1]]);
  });

  it('keeps functions apart and lets bits packed in one status word share it', () => {
    const plan = planReads(points([
      { function: 4, address: 0, type: 'u16' },
      { function: 3, address: 0x11, type: 'bool', bit: 0 },
      { function: 3, address: 0x11, type: 'bool', bit: 1 },
      { function: 2, address: 5, type: 'bool' },
      { function: 2, address: 6, type: 'bool' },
    ]));
    expect(plan.map((b) => [b.function, b.address, b.count, b.points.length])).toEqual([[2, 5, 2, 2], [3, 0x11, 1, 2], [4, 0, 1, 1]]);
  });

  it('splits a long run at the protocol limit of 125 registers', () => {
    const run = Array.from({ length: 130 }, (_, i) => ({ function: 4 as const, address: i, type: 'u16' as const }));
    expect(planReads(points(run)).map((b) => [b.address, b.count])).toEqual([[0, 125], [125, 5]]);
  });

  it('covers every point exactly once, inside the limits, whatever the map', () => {
    const pointInput = fc.record({
      function: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
      address: fc.integer({ min: 0, max: 300 }),
      wide: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(pointInput, { minLength: 1, maxLength: 60 }), (inputs) => {
        const map = points(inputs.map(({ function: fn, address, wide }) => ({
          function: fn,
          address,
          type: fn <= 2 ? ('bool' as const) : wide ? ('u32' as const) : ('u16' as const),
        })));
        const plan = planReads(map);
        expect(plan.flatMap((b) => b.points).sort((a, b) => a.key.localeCompare(b.key))).toEqual([...map].sort((a, b) => a.key.localeCompare(b.key)));
        for (const block of plan) {
          expect(block.count).toBeLessThanOrEqual(block.function <= 2 ? 2000 : 125);
          for (const p of block.points) {
            expect(p.function).toBe(block.function);
            expect(p.address).toBeGreaterThanOrEqual(block.address);
            expect(p.address + pointSpan(p)).toBeLessThanOrEqual(block.address + block.count);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits a reply into point values and leaves points past a short reply null', () => {
    const [block] = planReads(points([
      { function: 3, address: 0, type: 'u16', scale: 0.1 },
      { function: 3, address: 1, type: 's16', scale: 0.1 },
    ]));
    if (!block) throw new Error('no block');
    expect(decodeBlock(block, [0x0272, 0xff9c]).map((v) => v.value)).toEqual([62.6, -10]);
    expect(decodeBlock(block, [0x0272]).map((v) => v.value)).toEqual([62.6, null]);
  });

  it('reads bits from a coil reply', () => {
    const [block] = planReads(points([
      { function: 1, address: 8, type: 'bool' },
      { function: 1, address: 9, type: 'bool' },
    ]));
    if (!block) throw new Error('no block');
    expect(decodeBlock(block, [false, true]).map((v) => v.value)).toEqual([false, true]);
  });
});
