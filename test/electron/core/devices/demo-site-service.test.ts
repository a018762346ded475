import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../../electron/core/core';
import { type DeviceCore, eventually, startDeviceCore } from './device-core';

describe('the demo site', () => {
  let t: DeviceCore | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('configures one simulated device of each kind, which connect and stay configured once across restarts', async () => {
    t = await startDeviceCore();
    expect(await t.call('demo.status', {})).toEqual({ enabled: false, running: false, error: null });
    expect(await t.call('demo.enable', {})).toMatchObject({ enabled: true, running: true, error: null });
    const devices = await t.call('links.list', {});
    expect(devices.map((d) => d.driver).sort()).toEqual(['contact-id', 'megatec', 'modbus', 'nx584', 'osdp']);
    await eventually(
      'every demo device connected',
      async () => ((await t!.call('links.list', {})).every((d) => d.status.state === 'connected') ? true : undefined),
      20_000,
    );
    // The machine room's UPS and sensor are in the asset register under 机房动力环境, linked to their endpoints.
    const register = await t.call('assets.search', { q: '', systemId: 'machine-room-power', limit: 10 });
    expect(register.items.map((d) => [d.name, d.typeId, d.room]).sort()).toEqual([
      ['1号楼 机房UPS', 'ups', '中心机房'],
      ['1号楼 机房温湿度传感器', 'temperature-humidity', '中心机房'],
    ]);
    const linked = devices.filter((d) => d.assetId !== null).map((d) => d.driver).sort();
    expect(linked).toEqual(['megatec', 'modbus']);
    // Enabling again adds nothing.
    await t.call('demo.enable', {});
    expect(await t.call('links.list', {})).toHaveLength(5);
    expect((await t.call('assets.search', { q: '', systemId: 'machine-room-power', limit: 10 })).items).toHaveLength(2);
    const journal = await t.call('journal.list', { typePrefix: 'demo.', limit: 10 });
    expect(journal.map((e) => e.type)).toEqual(['demo.enabled']);

    await t.core.close();
    const again = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test', slaWatchIntervalMs: 0 });
    try {
      const caller = { operator: 'tester' };
      expect(await again.call('demo.status', {}, caller)).toMatchObject({ ok: true, value: { enabled: true, running: true } });
      await eventually(
        'the demo devices connected again after the restart',
        async () => {
          const list = await again.call('links.list', {}, caller);
          return list.ok && (list.value as { status: { state: string } }[]).every((d) => d.status.state === 'connected') ? true : undefined;
        },
        20_000,
      );
    } finally {
      await again.close();
    }
  }, 60_000);
});
