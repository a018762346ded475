import { afterEach, describe, expect, it } from 'vitest';
import { createReceiverSimulator } from '../../../../electron/core/devices/contact-id/simulator';
import { createUpsSimulator } from '../../../../electron/core/devices/megatec/simulator';
import { shippedModbusModel } from '../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSimulator } from '../../../../electron/core/devices/modbus/simulator';
import { createNx584PanelSimulator } from '../../../../electron/core/devices/nx584/simulator';
import { createOsdpPdSimulator } from '../../../../electron/core/devices/osdp/simulator';
import type { BytePort } from '../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { tempDir } from '../../../support/temp-core';
import { openVirtualSerialPair } from '../../../support/virtual-serial-pair';
import { type DeviceCore, eightNone, eventually, startDeviceCore } from './device-core';

interface SimulatedDevice {
  silence(on: boolean): void;
  /** Makes a device that speaks unasked (a receiver) say something. */
  speak(): Promise<void>;
  stop(): void;
}

interface RestartCase {
  driver: 'megatec' | 'modbus' | 'nx584' | 'contact-id';
  serial: ReturnType<typeof eightNone>;
  protocol: Record<string, unknown>;
  conditionKey: string;
  device(port: BytePort): SimulatedDevice;
}

const rightKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const wrongKey = '00112233445566778899aabbccddeeff';

describe('conditions an earlier session left active', () => {
  let t: DeviceCore | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const alarmNamed = (core: DeviceCore, eventCode: string) => async () => (await core.call('alarms.list', {})).items.find((a) => a.eventCode === eventCode);

  it('restores the Secure Channel alarm of a wrong key once devices.update gives the right one and the channel opens', async () => {
    t = await startDeviceCore();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(9600));
    const pds = createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42, scbk: Uint8Array.from(Buffer.from(rightKey, 'hex')) }] });
    cleanups.push(() => pair.unplug(), () => port.close(), () => pds.stop());
    const fields = (scbk: string) => ({ name: '北门读卡器', driver: 'osdp' as const, portPath: pair.a, serial: eightNone(9600), protocol: { pds: [{ address: 1, scbk }], pollIntervalMs: 20 }, assetId: null });
    const device = await t.call('links.create', fields(wrongKey));
    const failed = await eventually('the Secure Channel alarm', alarmNamed(t, 'osdp.secureChannel'));
    expect(failed.state).toBe('active');

    await t.call('links.update', { id: device.id, fields: fields(rightKey) });
    const current = t;
    const restored = await eventually('the alarm restored', async () => {
      const alarm = (await current.call('alarms.list', {})).items.find((a) => a.id === failed.id);
      return alarm?.state === 'restored' ? alarm : undefined;
    });
    expect(restored.restoredAt).not.toBeNull();
    expect(pds.isSecure(1)).toBe(true);
    expect((await t.call('links.get', { id: device.id })).activeAlarmCount).toBe(0);
    const [entry] = await t.call('journal.list', { typePrefix: 'alarm.restored', entityId: failed.id, limit: 1 });
    expect(entry?.payload).toMatchObject({ conditionKey: 'osdp:1:secure', detail: { restoredAt: 'reconnect', reason: expect.stringContaining('secure channel established') } });
  });

  it('restores the Secure Channel alarm of a PD that devices.update no longer configures for a Secure Channel', async () => {
    t = await startDeviceCore();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(9600));
    const pds = createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42, scbk: Uint8Array.from(Buffer.from(rightKey, 'hex')) }] });
    cleanups.push(() => pair.unplug(), () => port.close(), () => pds.stop());
    const fields = (pd: { address: number; scbk?: string }) => ({ name: '北门读卡器', driver: 'osdp' as const, portPath: pair.a, serial: eightNone(9600), protocol: { pds: [pd], pollIntervalMs: 20 }, assetId: null });
    const device = await t.call('links.create', fields({ address: 1, scbk: wrongKey }));
    const failed = await eventually('the Secure Channel alarm', alarmNamed(t, 'osdp.secureChannel'));

    await t.call('links.update', { id: device.id, fields: fields({ address: 1 }) });
    const current = t;
    await eventually('the alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === failed.id)?.state === 'restored' ? true : undefined));
    const [entry] = await t.call('journal.list', { typePrefix: 'alarm.restored', entityId: failed.id, limit: 1 });
    expect(entry?.payload).toMatchObject({ text: { en: expect.stringContaining('no longer configured') }, detail: { reason: 'notRequired', restoredAt: 'reconnect' } });
  });

  it('restores a PD link alarm left active when the console restarts and the PD answers again', async () => {
    const dataDir = tempDir();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(9600));
    const pds = createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42 }] });
    cleanups.push(() => pair.unplug(), () => port.close(), () => pds.stop());
    pds.offline(1, true);
    const first = await startDeviceCore({ dataDir });
    const device = await first.call('links.create', {
      name: '南门读卡器',
      driver: 'osdp',
      portPath: pair.a,
      serial: eightNone(9600),
      protocol: { pds: [{ address: 1 }], pollIntervalMs: 20, offlineAfterMs: 1000 },
      assetId: null,
    });
    const lost = await eventually('the link alarm', alarmNamed(first, 'link.lost'));
    expect(lost).toMatchObject({ conditionKey: 'osdp:1:link', state: 'active' });
    await first.core.close();

    pds.offline(1, false);
    t = await startDeviceCore({ dataDir });
    const current = t;
    await eventually('the link alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === lost.id)?.state === 'restored' ? true : undefined));
    expect((await t.call('links.get', { id: device.id })).activeAlarmCount).toBe(0);
    const raises = (await t.call('journal.list', { typePrefix: 'alarm.raised', limit: 50 })).filter((e) => e.entityId === lost.id);
    expect(raises).toHaveLength(1);
  });

  const restartCases: RestartCase[] = [
    {
      driver: 'megatec',
      serial: eightNone(2400),
      protocol: { pollIntervalMs: 100, replyTimeoutMs: 300, linkLostAfterMs: 1000 },
      conditionKey: 'link',
      device: (port) => {
        const ups = createUpsSimulator({ port });
        return { silence: (on) => ups.silence(on), speak: async () => undefined, stop: () => ups.stop() };
      },
    },
    {
      driver: 'modbus',
      serial: eightNone(9600),
      protocol: { modelId: 'leak-rs485-generic', pollIntervalMs: 200, timeoutMs: 200, linkLostAfterFailures: 1 },
      conditionKey: 'modbus:2:link',
      device: (port) => {
        const sensor = createModbusSimulator({ port, model: shippedModbusModel('leak-rs485-generic')!, slaveAddress: 2 });
        return { silence: (on) => sensor.silence(on), speak: async () => undefined, stop: () => sensor.stop() };
      },
    },
    {
      driver: 'nx584',
      serial: eightNone(2400),
      protocol: { framing: 'ascii', zoneCount: 2, pollIntervalMs: 500, replyTimeoutMs: 300, linkLostAfterMs: 1000 },
      conditionKey: 'link',
      device: (port) => {
        const panel = createNx584PanelSimulator({ port, framing: 'ascii', zones: 2, partitions: 1, pin: '1234', ackTimeoutMs: 300 });
        return { silence: (on) => panel.silence(on), speak: async () => undefined, stop: () => panel.stop() };
      },
    },
    {
      driver: 'contact-id',
      serial: eightNone(9600),
      // The shortest heartbeat timeout the settings allow.
      protocol: { heartbeatTimeoutMs: 5000 },
      conditionKey: 'link',
      device: (port) => {
        const receiver = createReceiverSimulator({ port });
        return { silence: () => undefined, speak: async () => void (await receiver.heartbeat()), stop: () => receiver.close() };
      },
    },
  ];

  it.each(restartCases)('restores a $driver link alarm left active when the console restarts and the device answers again', async (c) => {
    const dataDir = tempDir();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, c.serial);
    const device = c.device(port);
    cleanups.push(() => pair.unplug(), () => port.close(), () => device.stop());
    device.silence(true);
    const first = await startDeviceCore({ dataDir });
    const created = await first.call('links.create', { name: `${c.driver} 1`, driver: c.driver, portPath: pair.a, serial: c.serial, protocol: c.protocol, assetId: null });
    const lost = await eventually('the link alarm', alarmNamed(first, 'link.lost'), 9000);
    expect(lost).toMatchObject({ conditionKey: c.conditionKey, state: 'active' });
    await first.core.close();

    device.silence(false);
    t = await startDeviceCore({ dataDir });
    const current = t;
    await eventually('connected', async () => ((await current.call('links.get', { id: created.id })).status.state === 'connected' ? true : undefined));
    await device.speak();
    await eventually('the link alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === lost.id)?.state === 'restored' ? true : undefined));
    expect((await t.call('links.get', { id: created.id })).activeAlarmCount).toBe(0);
    const [entry] = await t.call('journal.list', { typePrefix: 'alarm.restored', entityId: lost.id, limit: 1 });
    expect(entry?.payload).toMatchObject({ detail: { restoredAt: 'reconnect' } });
  }, 20_000);
});
