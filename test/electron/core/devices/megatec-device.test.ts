import { afterEach, describe, expect, it } from 'vitest';
import { createUpsSimulator, type UpsSimulator } from '../../../../electron/core/devices/megatec/simulator';
import type { BytePort } from '../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../support/virtual-serial-pair';
import { type DeviceCore, eightNone, eventually, startDeviceCore, usbPort } from './device-core';

interface SimulatedUps {
  pair: VirtualSerialPair;
  port: BytePort;
  ups: UpsSimulator;
  unplug(): Promise<void>;
}

async function plugInUps(): Promise<SimulatedUps> {
  const pair = await openVirtualSerialPair();
  const port = await openSerialBytePort(pair.b, eightNone(2400));
  const ups = createUpsSimulator({ port });
  return {
    pair,
    port,
    ups,
    async unplug() {
      ups.stop();
      await port.close();
      await pair.unplug();
    },
  };
}

const fastPolling = { pollIntervalMs: 100, replyTimeoutMs: 300, linkLostAfterMs: 2000 };

describe('a Megatec UPS run by the device layer', () => {
  let t: DeviceCore | undefined;
  const plugged: SimulatedUps[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const sim of plugged.splice(0)) await sim.unplug();
  });

  it('connects, reports readings, turns mains failure into an active alarm with a level-I incident, and clears it on restore', async () => {
    t = await startDeviceCore();
    const sim = await plugInUps();
    plugged.push(sim);
    const asset = await t.call('assets.create', { name: '机房 UPS 1', systemId: 'machine-room-power', typeId: 'ups', building: 'A 座', floor: 'B1', room: '配电室' });
    const device = await t.call('links.create', { name: 'UPS-1', driver: 'megatec', portPath: sim.pair.a, serial: eightNone(2400), protocol: fastPolling, assetId: asset.id });
    const current = t;
    await eventually('connected', async () => ((await current.call('links.get', { id: device.id })).status.state === 'connected' ? true : undefined));
    const input = await eventually('an input voltage reading', async () => (await current.call('links.readings', { id: device.id })).find((r) => r.key === 'ups:inputVoltage'));
    expect(input).toMatchObject({ unit: 'V', label: { zh: expect.any(String) } });
    expect(t.eventsNamed('links.changed').some((e) => e.ids.includes(device.id))).toBe(true);

    sim.ups.mainsFailure(true);
    const raised = await eventually('the on-battery alarm', async () =>
      (await current.call('alarms.list', {})).items.find((a) => a.eventCode === 'ups.onBattery'),
    );
    expect(raised).toMatchObject({ deviceId: device.id, deviceName: 'UPS-1', state: 'active', severity: 'critical', conditionKey: 'ups:onBattery', incidentNumber: expect.stringMatching(/^GZ-/) });
    expect(t.eventsNamed('alarms.raised').map((e) => e.alarm.id)).toContain(raised.id);
    const detail = await t.call('incidents.get', { id: raised.incidentId! });
    expect(detail.incident).toMatchObject({ level: 'I', systemId: 'machine-room-power', state: 'reported', record: { reporter: '系统自动 (UPS-1)', location: 'A 座 B1 配电室' } });
    expect(detail.incident.title).toContain('UPS-1');
    expect(detail.devices.map((d) => d.id)).toEqual([asset.id]);
    expect((await t.call('links.get', { id: device.id })).activeAlarmCount).toBe(1);
    const [raisedEntry] = await t.call('journal.list', { entityType: 'alarm', entityId: raised.id, limit: 10 });
    expect(raisedEntry).toMatchObject({ type: 'alarm.raised', operator: 'system', payload: { eventCode: 'ups.onBattery', incidentId: raised.incidentId } });

    sim.ups.mainsFailure(false);
    const restored = await eventually('the restore', async () => {
      const alarm = (await current.call('alarms.list', { scope: 'all' })).items.find((a) => a.id === raised.id);
      return alarm?.state === 'restored' ? alarm : undefined;
    });
    expect(restored.restoredAt).toBeGreaterThanOrEqual(raised.raisedAt);
    // Restored but never acknowledged: still on the banner until someone acknowledges it.
    expect((await t.call('alarms.list', {})).items.map((a) => a.id)).toEqual([raised.id]);
    expect((await t.call('alarms.list', {})).unacknowledged).toBe(1);
    expect((await t.call('links.get', { id: device.id })).activeAlarmCount).toBe(0);

    const bare = await t.core.call('alarms.acknowledge', { id: raised.id, comment: '  ' }, { operator: 'guard' });
    expect(bare).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const acked = await t.core.call('alarms.acknowledge', { id: raised.id, comment: '市电已恢复，已通知电工检查' }, { operator: 'guard' });
    expect(acked).toMatchObject({ ok: true, value: { acknowledgedBy: 'guard', ackComment: '市电已恢复，已通知电工检查' } });
    expect(await t.call('alarms.list', {})).toEqual({ items: [], unacknowledged: 0, setAside: 0 });
    const again = await t.core.call('alarms.acknowledge', { id: raised.id, comment: 'again' }, { operator: 'guard' });
    expect(again).toMatchObject({ ok: false, error: { code: 'alarm_already_acknowledged' } });
    const entries = await t.call('journal.list', { entityType: 'alarm', entityId: raised.id, limit: 10 });
    expect(entries.map((e) => e.type)).toEqual(['alarm.acknowledged', 'alarm.restored', 'alarm.raised']);
    expect(entries[0]).toMatchObject({ operator: 'guard', payload: { comment: '市电已恢复，已通知电工检查' } });
  });

  it('reconnects by itself when the adapter comes back under another path with the same USB serial number', async () => {
    t = await startDeviceCore();
    const first = await plugInUps();
    t.ports.push(usbPort(first.pair.a, 'UPS-SN-1'), usbPort('/dev/ttyUSB9', 'OTHER-SN'));
    const device = await t.call('links.create', {
      name: 'UPS-2',
      driver: 'megatec',
      portPath: first.pair.a,
      portMatch: { serialNumber: 'UPS-SN-1', vendorId: '0403', productId: '6001' },
      serial: eightNone(2400),
      protocol: fastPolling,
      assetId: null,
    });
    const current = t;
    const state = async () => (await current.call('links.get', { id: device.id })).status;
    await eventually('connected', async () => ((await state()).state === 'connected' ? true : undefined));

    await first.unplug();
    const lost = await eventually('the loss', async () => {
      const s = await state();
      return s.state === 'offline' ? s : undefined;
    });
    expect(lost).toMatchObject({ currentPath: null, lastError: { code: 'devices.portMissing', params: { path: first.pair.a } } });
    const portAlarm = await eventually('the port alarm', async () => (await current.call('alarms.list', {})).items.find((a) => a.conditionKey === 'port'));
    expect(portAlarm).toMatchObject({ eventCode: 'link.lost', state: 'active', incidentId: null });

    const second = await plugInUps();
    plugged.push(second);
    expect(second.pair.a).not.toBe(first.pair.a);
    t.ports.splice(0, t.ports.length, usbPort('/dev/ttyUSB9', 'OTHER-SN'), usbPort(second.pair.a, 'UPS-SN-1'));
    const back = await eventually('connected again', async () => {
      const s = await state();
      return s.state === 'connected' ? s : undefined;
    });
    expect(back).toMatchObject({ currentPath: second.pair.a, lastError: null, health: { reconnects: 1 } });
    expect((await t.call('links.get', { id: device.id })).portPath).toBe(first.pair.a);
    await eventually('a status reply on the new path', async () => ((await state()).health.framesGood > 0 ? true : undefined));

    const changes = await eventually('both transitions journaled', async () => {
      const list = await current.call('journal.list', { entityType: 'link', entityId: device.id, typePrefix: 'link.state_changed', limit: 10 });
      return list.length >= 3 ? list : undefined;
    });
    expect(changes.map((e) => e.payload)).toEqual([
      expect.objectContaining({ state: 'connected', path: second.pair.a, reconnects: 1 }),
      expect.objectContaining({ previousState: 'connected', state: 'reconnecting', path: first.pair.a }),
      expect.objectContaining({ previousState: 'connecting', state: 'connected', path: first.pair.a }),
    ]);
    await eventually('the port alarm restored', async () => {
      const alarm = (await current.call('alarms.list', { scope: 'all' })).items.find((a) => a.id === portAlarm.id);
      return alarm?.state === 'restored' ? true : undefined;
    });
  });
});
