// A Modbus sensor on a virtual serial port, polled by the real device layer: its readings are kept, and a chart of
// one shows its limits and the alarm raised on it.
import { describe, expect, it } from 'vitest';
import { shippedModbusModel } from '../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSimulator } from '../../../../electron/core/devices/modbus/simulator';
import { eventually } from '../../../support/eventually';
import { deviceTestBed, eightNone } from '../devices/device-core';

describe('readings history of a polled sensor', () => {
  const bed = deviceTestBed();

  it('keeps every poll of a temperature sensor and charts it with its limits and its high-temperature alarm', async () => {
    const t = await bed.start({ readings: { flushIntervalMs: 100, rollupIntervalMs: 0 } });
    const { pair, device: sensor } = await bed.simulate(eightNone(9600), (port) =>
      createModbusSimulator({ port, model: shippedModbusModel('th-rs485-generic')!, slaveAddress: 1 }),
    );
    const asset = await t.call('assets.create', { systemId: 'machine-room-power', name: '机房温湿度变送器', building: '主楼', floor: '1', room: '机房' });
    const link = await t.call('links.create', {
      name: '机房温湿度',
      driver: 'modbus',
      portPath: pair.a,
      serial: eightNone(9600),
      protocol: { modelId: 'th-rs485-generic', pollIntervalMs: 200 },
      assetId: asset.id,
    });
    const key = 'modbus:1:temperature';
    const from = Date.now() - 1_000;
    sensor.set('temperature', 24.5);
    const current = t;
    await eventually('several polls kept', async () => {
      // reading_not_found until the first batch is written.
      const h = await current.call('readings.history', { linkId: link.id, key, from, to: Date.now() + 1_000, maxPoints: 5_000 }).catch(() => undefined);
      return h && h.points.reduce((n, p) => n + p.count, 0) >= 5 ? h : undefined;
    });
    const hot = sensor.overThreshold('temperature') as number;
    await eventually('the high-temperature alarm', async () => (await current.call('alarms.list', {})).items.find((a) => a.conditionKey === `${key}:high`));
    const chart = await eventually('the hot readings kept', async () => {
      const h = await current.call('readings.history', { linkId: link.id, key, from, to: Date.now() + 1_000, maxPoints: 5_000 });
      return h.points.some((p) => p.max === hot) ? h : undefined;
    });
    expect(chart.level).toBe('raw');
    expect(chart.series).toMatchObject({ linkId: link.id, linkName: '机房温湿度', label: { zh: '温度', en: 'Temperature' }, unit: '°C' });
    expect(chart.points.some((p) => p.min === 24.5)).toBe(true);
    expect(chart.thresholds).toEqual([
      { kind: 'high', value: 28, severity: 'major', text: { zh: '机房温度过高', en: 'Room temperature high' } },
      { kind: 'low', value: 18, severity: 'minor', text: { zh: '机房温度过低', en: 'Room temperature low' } },
    ]);
    expect(chart.alarms).toEqual([expect.objectContaining({ severity: 'major', restoredAt: null, text: { zh: '机房温度过高', en: 'Room temperature high' } })]);
    // The humidity kept beside it carries no alarm of the temperature.
    const humidity = await t.call('readings.history', { linkId: link.id, key: 'modbus:1:humidity', from, to: Date.now() + 1_000 });
    expect(humidity.alarms).toEqual([]);
    expect((await t.call('readings.series', { linkId: link.id })).map((s) => s.key)).toEqual(['modbus:1:humidity', 'modbus:1:temperature']);
    expect((await t.call('readings.series', { assetId: asset.id })).map((s) => s.key)).toEqual(['modbus:1:humidity', 'modbus:1:temperature']);
    const keyReadings = await t.call('readings.keyReadings', {});
    expect(keyReadings.map((k) => k.series.key)).toEqual(['modbus:1:temperature', 'modbus:1:humidity']);
    expect(keyReadings[0]!.latest?.value).toBe(hot);
  });
});
