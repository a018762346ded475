import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('the catalog', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('ships the systems of the service document with their component types and brands in Chinese and English', async () => {
    const catalog = await t.call('catalog.list', {});
    expect(catalog.map((s) => s.nameZh)).toEqual([
      '安防监控系统', '报警系统', '会议系统', '酒店客房智能化控制系统', '楼宇智能化控制系统', '背景音乐及广播系统',
      '有线电视及卫星接收系统', '综合布线及网络系统', '门禁系统', '消费系统', '停车场管理系统', '系统集成',
      // The machine room's own power and environment, and where a report waits when the guard does not know the system.
      '机房动力环境', '不知道(待工程师分类)',
    ]);
    const cctv = catalog.find((s) => s.id === 'cctv')!;
    expect(cctv.types.find((ty) => ty.id === 'dvr')).toMatchObject({ nameZh: '硬盘录像机', nameEn: 'DVR', builtin: true });
    expect(cctv.brands.map((b) => b.nameZh)).toContain('大华');
    expect(catalog.find((s) => s.id === 'parking')!.brands.map((b) => b.nameEn)).toEqual(['Kesong', 'Jieshun', 'Pike', 'Hanjun']);
  });

  it('lets an engineer add a type and a brand, journaled, and refuses a duplicate', async () => {
    const added = await t.call('catalog.addType', { systemId: 'cctv', nameZh: '网络摄像机', nameEn: 'IP camera' });
    expect(added).toMatchObject({ id: 'ip-camera', builtin: false });
    await t.call('catalog.addBrand', { systemId: 'cctv', nameZh: '海康威视', nameEn: 'Hikvision' });
    const cctv = (await t.call('catalog.list', {})).find((s) => s.id === 'cctv')!;
    expect(cctv.types.at(-1)?.nameZh).toBe('网络摄像机');
    expect(cctv.brands.at(-1)?.nameEn).toBe('Hikvision');
    const dup = await t.core.call('catalog.addType', { systemId: 'cctv', nameZh: '网络摄像机', nameEn: 'Network camera' }, { operator: 'x' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'catalog_duplicate' } });
    expect((await t.call('journal.list', { entityType: 'catalog', limit: 10 })).map((e) => e.type).sort()).toEqual([
      'catalog.brand_added',
      'catalog.type_added',
    ]);
  });

  it('keeps engineers\u2019 entries when the built-in catalog is applied again at the next start', async () => {
    await t.call('catalog.addSystem', { nameZh: '电梯五方对讲', nameEn: 'Elevator intercom' });
    await t.core.close();
    const again = await startTempCore({ dataDir: t.dataDir });
    const catalog = await again.call('catalog.list', {});
    expect(catalog.at(-1)).toMatchObject({ nameZh: '电梯五方对讲', builtin: false });
    expect(catalog.filter((s) => s.id === 'cctv')).toHaveLength(1);
    t = again;
  });
});

describe('spare-part stock', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('sets the stock of a component type and journals the old and new quantity with the reason', async () => {
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 4, minimum: 2, reason: '首批备品' });
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 3, minimum: 2, reason: '更换 DVR 硬盘' });
    expect(await t.call('spares.list', {})).toMatchObject([{ systemId: 'cctv', typeId: 'hard-disk', quantity: 3, minimum: 2 }]);
    const [latest] = await t.call('journal.list', { entityType: 'spare', limit: 1 });
    expect(latest!.payload).toEqual({ from: { quantity: 4, minimum: 2 }, quantity: 3, minimum: 2, reason: '更换 DVR 硬盘' });
  });

  it('refuses stock for a type that is not in the catalog', async () => {
    const result = await t.core.call('spares.set', { systemId: 'cctv', typeId: 'flux-capacitor', quantity: 1, minimum: 0 }, { operator: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'catalog_unknown_type' } });
    expect(await t.call('spares.list', {})).toEqual([]);
  });
});
