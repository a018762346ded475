// The readings history on a real core and SQLite file: minutes and hours folded at their boundaries, levels pruned
// past their retention and never before their aggregate is in, the resolution a range is answered at.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceReading } from '../../../../shared/domain/devices/device-signals';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const minute = 60_000;
const hour = 3_600_000;
const day = 86_400_000;
/** A whole hour (UTC): 2026-01-05 02:00. */
const t0 = Date.UTC(2026, 0, 5, 2, 0);

const temperature = (value: number, at: number): DeviceReading => ({ key: 'modbus:1:temperature', label: { zh: '温度', en: 'Temperature' }, value, unit: '°C', at });

describe('the readings history', () => {
  let t: TempCore;
  let now = t0;
  const start = async () => {
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: false, devices: { autoStart: false }, readings: { rollupIntervalMs: 0, flushIntervalMs: 3_600_000 } });
  };
  const keeper = () => t.core.readings!;
  const record = async (values: [number, number][]) => {
    for (const [at, value] of values) keeper().recorder.record('link-1', temperature(value, at));
    await keeper().recorder.flush();
  };
  const history = (from: number, to: number, maxPoints = 1_000) => t.call('readings.history', { linkId: 'link-1', key: 'modbus:1:temperature', from, to, maxPoints });

  afterEach(async () => {
    await t.close();
    now = t0;
  });

  it('folds a minute only once it ended 30 s ago: a reading at hh:00:59.999 is in the first minute, hh:01:00.000 in the next', async () => {
    await start();
    await record([
      [t0, 20],
      [t0 + 30_000, 22],
      [t0 + minute - 1, 24],
      [t0 + minute, 30],
      [t0 + minute + 59_000, 32],
    ]);
    now = t0 + 2 * minute + 29_999;
    expect((await keeper().rollUp()).minutesDoneUntil).toBe(t0 + minute);
    const firstOnly = await history(t0, t0 + 10 * minute, 10);
    // One minute folded, the next still answered from the raw values, both at the one-minute spacing asked for.
    expect(firstOnly.points).toEqual([
      { at: t0, min: 20, mean: 22, max: 24, count: 3 },
      { at: t0 + minute, min: 30, mean: 31, max: 32, count: 2 },
    ]);
    now = t0 + 2 * minute + 30_000;
    expect((await keeper().rollUp()).minutesDoneUntil).toBe(t0 + 2 * minute);
  });

  it('folds an hour from its minutes (mean weighted by count) once all its minutes are in, and not before', async () => {
    await start();
    // Minute 0: three readings of 10; minute 59: one of 50. Hour mean = (30 + 50) / 4 = 20.
    await record([
      [t0, 10],
      [t0 + 1_000, 10],
      [t0 + 2_000, 10],
      [t0 + 59 * minute, 50],
      [t0 + hour + 5_000, 99],
    ]);
    now = t0 + hour + 29_000;
    const early = await keeper().rollUp();
    expect(early).toMatchObject({ minutesDoneUntil: t0 + hour - minute, hoursDoneUntil: t0 });
    now = t0 + hour + 31_000;
    expect(await keeper().rollUp()).toMatchObject({ minutesDoneUntil: t0 + hour, hoursDoneUntil: t0 + hour });
    // A year-wide range reads the hourly table.
    now = t0 + 200 * day;
    await keeper().rollUp();
    const year = await history(t0 - 100 * day, t0 + 100 * day, 5_000);
    expect(year).toMatchObject({ level: 'hour', bucketMs: hour });
    expect(year.points[0]).toEqual({ at: t0, min: 10, mean: 20, max: 50, count: 4 });
  });

  it('prunes raw values after 48 hours, minutes after 90 days, hours after five years: each only once folded above', async () => {
    await start();
    await record([
      [t0, 21],
      [t0 + 10_000, 23],
    ]);
    const count = (table: 'reading_raw' | 'reading_minute' | 'reading_hour') => countRows(t, table);

    now = t0 + 48 * hour - 1;
    await keeper().rollUp();
    expect([await count('reading_raw'), await count('reading_minute'), await count('reading_hour')]).toEqual([2, 1, 1]);
    now = t0 + 48 * hour + minute + 1;
    await keeper().rollUp();
    expect([await count('reading_raw'), await count('reading_minute'), await count('reading_hour')]).toEqual([0, 1, 1]);
    now = t0 + 90 * day + minute + 1;
    await keeper().rollUp();
    expect([await count('reading_raw'), await count('reading_minute'), await count('reading_hour')]).toEqual([0, 0, 1]);
    now = t0 + 5 * 365 * day + hour + 1;
    await keeper().rollUp();
    expect(await count('reading_hour')).toBe(0);
  });

  it('folds first, then prunes: a console back after three days keeps the minute of raw values it prunes', async () => {
    await start();
    await record([[t0, 21]]);
    now = t0 + 72 * hour;
    const outcome = await keeper().rollUp();
    expect(outcome.pruned.raw).toBe(1);
    expect(await countRows(t, 'reading_minute')).toBe(1);
  });

  it('answers a range at the resolution it calls for, and says clearly what it cannot answer', async () => {
    await start();
    const values: [number, number][] = [];
    for (let s = 0; s < 3 * 3600; s += 10) values.push([t0 + s * 1_000, 20 + (s % 60) / 10]);
    await record(values);
    now = t0 + 3 * hour + minute;
    await keeper().rollUp();
    const lastHour = await history(now - hour, now, 360);
    expect(lastHour).toMatchObject({ level: 'raw', bucketMs: 10_000 });
    expect(lastHour.points.length).toBeGreaterThan(300);
    const month = await history(now - 30 * day, now, 1_000);
    expect(month.level).toBe('minute');
    expect(month.bucketMs).toBe(hour);
    // Whole-hour buckets come from the hourly fold: the same figures as folding the minutes.
    const week = await history(now - 7 * day, now, 1_000);
    expect(week).toMatchObject({ level: 'minute', bucketMs: 15 * minute });
    const [hourly, fromMinutes] = [month.points.filter((p) => p.at < t0 + 3 * hour), week.points.filter((p) => p.at < t0 + 3 * hour)];
    const fold = (points: typeof hourly) => ({ n: points.reduce((n, p) => n + p.count, 0), min: Math.min(...points.map((p) => p.min)), max: Math.max(...points.map((p) => p.max)) });
    expect(fold(hourly)).toEqual(fold(fromMinutes));
    expect(month.points.reduce((n, p) => n + p.count, 0)).toBe(values.length);
    expect(await t.core.call('readings.history', { linkId: 'link-1', key: 'modbus:1:temperature', from: now, to: now }, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.core.call('readings.history', { linkId: 'link-1', key: 'modbus:1:nothing', from: t0, to: now }, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'reading_not_found' } });
  });

  it('keeps numbers only: states and texts stay live readings', async () => {
    await start();
    keeper().recorder.record('link-1', { key: 'ups:utilityFail', label: { zh: '市电故障', en: 'Utility fail' }, value: true, unit: '', at: t0 });
    keeper().recorder.record('link-1', { key: 'ups:model', label: { zh: '型号', en: 'Model' }, value: 'X1', unit: '', at: t0 });
    keeper().recorder.record('link-1', temperature(Number.NaN, t0));
    await keeper().recorder.flush();
    expect(await t.call('readings.series', { linkId: 'link-1' })).toEqual([]);
  });
});

async function countRows(t: TempCore, table: 'reading_raw' | 'reading_minute' | 'reading_hour'): Promise<number> {
  const { openDatabase } = await import('../../../../electron/core/db/open-database');
  const { join } = await import('node:path');
  const { databaseFileName } = await import('../../../../electron/core/core');
  const db = await openDatabase(join(t.dataDir, databaseFileName), { integrityCheck: false });
  try {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}
