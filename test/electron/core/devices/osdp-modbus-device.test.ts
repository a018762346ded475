import { afterEach, describe, expect, it } from 'vitest';
import { shippedModbusModel } from '../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSimulator } from '../../../../electron/core/devices/modbus/simulator';
import { createOsdpPdSimulator } from '../../../../electron/core/devices/osdp/simulator';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../../../support/virtual-serial-pair';
import { type DeviceCore, eightNone, eventually, startDeviceCore } from './device-core';

const scbkHex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('an OSDP reader and a Modbus leak sensor run by the device layer', () => {
  let t: DeviceCore | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('opens a Secure Channel with the sealed key and turns a reader tamper into a level-II access-control incident', async () => {
    t = await startDeviceCore();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(9600));
    const pds = createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42, scbk: Uint8Array.from(Buffer.from(scbkHex, 'hex')) }] });
    cleanups.push(() => pair.unplug(), () => port.close(), () => pds.stop());
    const device = await t.call('links.create', {
      name: '北门读卡器',
      driver: 'osdp',
      portPath: pair.a,
      serial: eightNone(9600),
      protocol: { pds: [{ address: 1, scbk: scbkHex }], pollIntervalMs: 20 },
      assetId: null,
    });
    await eventually('the Secure Channel', () => (pds.isSecure(1) ? true : undefined));
    pds.tamper(1, true);
    const current = t;
    const tamper = await eventually('the tamper alarm', async () => (await current.call('alarms.list', {})).items.find((a) => a.eventCode === 'osdp.tamper'));
    expect(tamper).toMatchObject({ deviceId: device.id, state: 'active' });
    expect((await t.call('incidents.get', { id: tamper.incidentId! })).incident).toMatchObject({ level: 'II', systemId: 'access-control' });
    const seen = JSON.stringify([await t.call('links.traffic', { id: device.id, afterSeq: 0, limit: 2000 }), await t.call('journal.list', { limit: 200 })]);
    expect(seen.toLowerCase()).not.toContain(scbkHex);
  });

  it('polls a Modbus leak sensor on a path of its own, raises the leak, and notices the sensor unplugged', async () => {
    t = await startDeviceCore();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(9600));
    const sensor = createModbusSimulator({ port, model: shippedModbusModel('leak-rs485-generic')!, slaveAddress: 2 });
    cleanups.push(() => port.close(), () => sensor.stop());
    const device = await t.call('links.create', {
      name: '机房漏水',
      driver: 'modbus',
      portPath: pair.a,
      serial: eightNone(9600),
      protocol: { modelId: 'leak-rs485-generic', pollIntervalMs: 200 },
      assetId: null,
    });
    const current = t;
    await eventually('the leak reading', async () => ((await current.call('links.readings', { id: device.id })).some((r) => r.key === 'modbus:2:leak') ? true : undefined));
    sensor.leak(true);
    const leak = await eventually('the leak alarm', async () => (await current.call('alarms.list', {})).items.find((a) => a.eventCode === 'modbus.state'));
    expect((await t.call('incidents.get', { id: leak.incidentId! })).incident).toMatchObject({ level: 'II', systemId: 'machine-room-power' });

    await pair.unplug();
    const lost = await eventually('the sensor gone', async () => {
      const status = (await current.call('links.get', { id: device.id })).status;
      return status.state !== 'connected' ? status : undefined;
    });
    expect(['reconnecting', 'offline']).toContain(lost.state);
    expect(lost.lastError?.code).toMatch(/^devices\.port/);
  });
});
