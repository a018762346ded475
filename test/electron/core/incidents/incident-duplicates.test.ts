import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../../shared/domain/incidents/sla-levels';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('the same event reported twice', () => {
  let t: TempCore;
  const t0 = Date.UTC(2026, 11, 8, 19, 0);
  let now = t0;
  beforeEach(async () => {
    now = t0;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  async function report(location: string, deviceIds: string[] = []) {
    return (await t.call('incidents.report', { systemId: 'machine-room-power', description: '精密空调漏水', location, reporter: '张保安', deviceIds })).incident;
  }

  it('finds the open incident of the last hour at the same place, however the second guard words it', async () => {
    const first = await report('中心机房');
    await report('配电室');
    now = t0 + 1 * MINUTE_MS;
    const found = await t.call('incidents.recentAtSamePlace', { location: '中心机房 精密空调旁' });
    expect(found.map((i) => i.number)).toEqual([first.number]);
    expect(await t.call('incidents.recentAtSamePlace', { location: '值班室' })).toEqual([]);
  });

  it('finds it by the device too, and forgets it after an hour', async () => {
    const ups = await t.call('assets.create', { name: '机房 UPS', systemId: 'machine-room-power', typeId: 'ups' });
    const first = await report('', [ups.id]);
    now = t0 + 30 * MINUTE_MS;
    expect((await t.call('incidents.recentAtSamePlace', { location: '', deviceIds: [ups.id] })).map((i) => i.id)).toEqual([first.id]);
    now = t0 + 61 * MINUTE_MS;
    expect(await t.call('incidents.recentAtSamePlace', { location: '', deviceIds: [ups.id] })).toEqual([]);
  });
});
