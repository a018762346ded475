// Input nested past 64 levels is refused as invalid_input before zod or a handler walks it (both recurse).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputMaxDepth, tooDeepAt } from '../../../electron/core/input-depth';
import { startTempCore, type TempCore } from '../../support/temp-core';

/** `{ a: { a: … { a: 1 } } }` with `levels` objects. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('tooDeepAt', () => {
  it('lets input up to the limit through', () => {
    expect(tooDeepAt(nested(inputMaxDepth))).toBeNull();
    expect(tooDeepAt({ name: 'x', list: [1, 2, { b: [] }] })).toBeNull();
    expect(tooDeepAt('text')).toBeNull();
  });

  it('names the keys to the first level past the limit', () => {
    const path = tooDeepAt({ protocol: nested(inputMaxDepth) });
    expect(path).toEqual(['protocol', ...Array<string>(inputMaxDepth - 1).fill('a')]);
  });

  it('counts arrays as levels too', () => {
    let value: unknown = [];
    for (let i = 0; i < inputMaxDepth; i++) value = [value];
    expect(tooDeepAt(value)).toHaveLength(inputMaxDepth);
  });

  it('walks 100,000 levels without overflowing its own stack', () => {
    expect(tooDeepAt(nested(100_000))).toHaveLength(inputMaxDepth);
  });

  it('walks an object shared by many branches once per depth, not once per path', () => {
    // 2^60 paths if every path were followed.
    let value: unknown = { leaf: true };
    for (let i = 0; i < 60; i++) value = { left: value, right: value };
    expect(tooDeepAt(value)).toBeNull();
  });
});

describe('the core, given input nested too deep', () => {
  let t: TempCore;
  beforeAll(async () => {
    t = await startTempCore({ devices: { autoStart: false } });
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses 100,000 levels in links.create's protocol settings as invalid_input, not internal", async () => {
    const input = {
      name: '报警主机',
      driver: 'modbus',
      portPath: '/dev/ttyUSB0',
      serial: { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      protocol: { zones: nested(100_000) },
    };
    const result = await t.core.call('links.create', input, { operator: 'tester' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { method: 'links.create' } } });
    const issue = !result.ok ? result.error.issues?.[0] : undefined;
    expect(issue).toMatchObject({ code: 'too_deep', message: `Input nested more than ${inputMaxDepth} levels deep` });
    expect(issue?.path).toMatch(/^protocol\.zones\.a\.a\./);
  });

  it('refuses it on any method, before the method looks at its input', async () => {
    const result = await t.core.call('assets.search', { q: nested(1000) }, { operator: 'tester' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ code: 'too_deep' }] } });
  });
});
