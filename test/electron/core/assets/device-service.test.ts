import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('the asset register', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates a device, assigns a tag when none is given, and journals the change', async () => {
    const dvr = await t.call('assets.create', { name: '中心机房硬盘录像机', systemId: 'cctv', typeId: 'dvr', brand: '大华', room: '中心机房' });
    expect(dvr.assetTag).toMatch(/^ZC-\d{6}$/);
    const history = await t.call('assets.history', { id: dvr.id });
    expect(history.map((e) => e.type)).toEqual(['device.created']);
    expect(history[0]!.operator).toBe('tester');
  });

  it('finds a device by a Chinese substring of two or more characters, and by Latin letters in any case', async () => {
    await t.call('assets.create', { name: '中心机房硬盘录像机', systemId: 'cctv', typeId: 'dvr', brand: '大华', model: 'DH-NVR4208' });
    await t.call('assets.create', { name: '大堂摄像机', systemId: 'cctv', typeId: 'camera', brand: '海康' });
    for (const q of ['机房', '心机房硬', '录像', 'nvr42', 'Dahua', 'DVR']) {
      const found = await t.call('assets.search', { q });
      expect(found.items.map((d) => d.name), q).toEqual(['中心机房硬盘录像机']);
    }
    expect((await t.call('assets.search', { q: '摄像' })).total).toBe(1);
    expect((await t.call('assets.search', { q: '不存在的设备' })).total).toBe(0);
  });

  it('rejects a duplicate asset tag with a clear code and changes nothing', async () => {
    await t.call('assets.create', { name: 'A', systemId: 'cctv', assetTag: 'T-1' });
    const result = await t.core.call('assets.create', { name: 'B', systemId: 'cctv', assetTag: 'T-1' }, { operator: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'asset_tag_taken' } });
    expect((await t.call('assets.search', {})).total).toBe(1);
  });

  it('refuses install and warranty dates that do not exist, and stores nothing', async () => {
    for (const [field, value] of [['installDate', '2024-02-30'], ['installDate', '2023-02-29'], ['warrantyEnd', '0000-01-01']] as const) {
      const result = await t.core.call('assets.create', { name: 'A', systemId: 'cctv', [field]: value }, { operator: 'x' });
      expect(result, value).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: field, message: 'date_invalid' }] } });
    }
    expect((await t.call('assets.search', {})).total).toBe(0);
    const leapDay = await t.call('assets.create', { name: 'B', systemId: 'cctv', installDate: '2024-02-29' });
    expect(leapDay.installDate).toBe('2024-02-29');
  });

  it('links children to a parent and refuses a loop', async () => {
    const dvr = await t.call('assets.create', { name: 'DVR', systemId: 'cctv', typeId: 'dvr' });
    const disk = await t.call('assets.create', { name: '硬盘 1', systemId: 'cctv', typeId: 'hard-disk', parentId: dvr.id });
    const detail = await t.call('assets.get', { id: dvr.id });
    expect(detail.children.map((c) => c.id)).toEqual([disk.id]);
    const loop = await t.core.call('assets.update', { id: dvr.id, fields: { name: 'DVR', systemId: 'cctv', parentId: disk.id } }, { operator: 'x' });
    expect(loop).toMatchObject({ ok: false, error: { code: 'asset_parent_loop' } });
  });

  it('records what an update changed, from and to', async () => {
    const d = await t.call('assets.create', { name: '门禁控制器', systemId: 'access-control', typeId: 'controller' });
    await t.call('assets.update', { id: d.id, fields: { ...d, status: 'faulty' } });
    const [latest] = await t.call('assets.history', { id: d.id });
    expect(latest).toMatchObject({ type: 'device.updated', payload: { changes: { status: { from: 'in_service', to: 'faulty' } } } });
  });
});
