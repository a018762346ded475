// A chart's values are the doubles stored, to the last bit, whichever way a level's buckets are read.
import { afterEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const minute = 60_000;
const hour = 3_600_000;
/** A whole hour (UTC): 2026-01-05 02:00. */
const t0 = Date.UTC(2026, 0, 5, 2, 0);
/** Values whose shortest decimal form needs 16 or 17 digits, and a tiny and a huge one. */
const values = [0.1 + 0.2, 1 / 3, 7 * Math.PI, -1 / 7e10, 1e21 / 7];

describe('the readings history', () => {
  let t: TempCore;
  let now = t0;
  afterEach(async () => {
    await t.close();
  });

  it('charts each value exactly as stored, from the raw values and from the minutes', async () => {
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: false, devices: { autoStart: false }, readings: { rollupIntervalMs: 0, flushIntervalMs: 3_600_000 } });
    const keeper = t.core.readings!;
    values.forEach((value, i) => keeper.recorder.record('link-1', { key: 'modbus:1:temperature', label: { zh: '温度', en: 'Temperature' }, value, unit: '°C', at: t0 + i * minute }));
    await keeper.recorder.flush();
    now = t0 + 7 * hour;
    await keeper.rollUp();
    const history = (from: number, to: number) => t.call('readings.history', { linkId: 'link-1', key: 'modbus:1:temperature', from, to, maxPoints: 1_000 });
    const expected = values.map((v, i) => ({ at: t0 + i * minute, min: v, mean: v, max: v, count: 1 }));

    // Ten minutes: raw values in one-second buckets.
    const raw = await history(t0, t0 + 10 * minute);
    expect(raw.level).toBe('raw');
    expect(raw.points).toEqual(expected);
    // Seven hours: the minutes, each a bucket of its own.
    const minutes = await history(t0, t0 + 7 * hour);
    expect([minutes.level, minutes.bucketMs]).toEqual(['minute', minute]);
    expect(minutes.points).toEqual(expected);
  });
});
