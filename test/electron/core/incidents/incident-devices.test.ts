import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('incidents and the devices they concern', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  it("shows the incident in the device's history when the device is linked", async () => {
    const reader = await t.call('assets.create', { name: '东门读卡器', systemId: 'access-control' });
    const { incident } = await t.call('incidents.report', { systemId: 'access-control', description: '东门刷卡无反应', reporter: 'x', level: 'II' });
    const devices = await t.call('incidents.linkDevices', { id: incident.id, deviceIds: [reader.id] });
    expect(devices.map((d) => d.id)).toEqual([reader.id]);

    const history = await t.call('assets.history', { id: reader.id });
    expect(history[0]).toMatchObject({
      type: 'incident.linked',
      entityType: 'device',
      entityId: reader.id,
      payload: { incidentId: incident.id, number: incident.number, title: '东门刷卡无反应', level: 'II' },
    });
  });

  it('links devices chosen at report time the same way', async () => {
    const a = await t.call('assets.create', { name: '录像机 A', systemId: 'cctv' });
    const b = await t.call('assets.create', { name: '录像机 B', systemId: 'cctv' });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '两台录像机离线', reporter: 'x', deviceIds: [a.id, b.id] });
    for (const d of [a, b]) expect((await t.call('assets.history', { id: d.id }))[0]).toMatchObject({ type: 'incident.linked', payload: { incidentId: incident.id } });
    expect((await t.call('incidents.get', { id: incident.id })).devices.map((d) => d.name)).toEqual(['录像机 A', '录像机 B']);
  });

  it('links a device once, and an unlink shows in both histories', async () => {
    const dvr = await t.call('assets.create', { name: 'DVR', systemId: 'cctv' });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '黑屏', reporter: 'x' });
    await t.call('incidents.linkDevices', { id: incident.id, deviceIds: [dvr.id] });
    await t.call('incidents.linkDevices', { id: incident.id, deviceIds: [dvr.id] });
    expect((await t.call('assets.history', { id: dvr.id })).filter((e) => e.type === 'incident.linked')).toHaveLength(1);

    expect(await t.call('incidents.unlinkDevice', { id: incident.id, deviceId: dvr.id })).toEqual([]);
    expect((await t.call('assets.history', { id: dvr.id }))[0]).toMatchObject({ type: 'incident.unlinked', payload: { incidentId: incident.id } });
    expect((await t.call('incidents.timeline', { id: incident.id })).at(-1)).toMatchObject({ type: 'incident.device_unlinked', payload: { deviceId: dvr.id } });
  });

  it('refuses an unknown device and links none of the batch', async () => {
    const dvr = await t.call('assets.create', { name: 'DVR', systemId: 'cctv' });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '黑屏', reporter: 'x' });
    expect(await t.core.call('incidents.linkDevices', { id: incident.id, deviceIds: [dvr.id, 'ghost'] }, { operator: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'asset_not_found', params: { id: 'ghost' } },
    });
    expect((await t.call('incidents.get', { id: incident.id })).devices).toEqual([]);
    expect((await t.call('assets.history', { id: dvr.id })).map((e) => e.type)).toEqual(['device.created']);
  });
});
