import { describe, expect, it } from 'vitest';
import { createReceiverSimulator } from '../../../../electron/core/devices/contact-id/simulator';
import { createUpsSimulator } from '../../../../electron/core/devices/megatec/simulator';
import { shippedModbusModel } from '../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSimulator } from '../../../../electron/core/devices/modbus/simulator';
import { createNx584PanelSimulator } from '../../../../electron/core/devices/nx584/simulator';
import { createOsdpPdSimulator } from '../../../../electron/core/devices/osdp/simulator';
import type { BytePort } from '../../../../electron/core/devices/port/byte-port';
import { tempDir } from '../../../support/temp-core';
import { eventually } from '../../../support/eventually';
import { type DeviceCore, deviceTestBed, eightNone, startDeviceCore } from './device-core';

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
  const bed = deviceTestBed();

  const alarmNamed = (core: DeviceCore, eventCode: string) => async () => (await core.call('alarms.list', {})).items.find((a) => a.eventCode === eventCode);

  it('restores the Secure Channel alarm of a wrong key once devices.update gives the right one and the channel opens', async () => {
    const t = await bed.start();
    const { pair, device: pds } = await bed.simulate(eightNone(9600), (port) => createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42, scbk: Uint8Array.from(Buffer.from(rightKey, 'hex')) }] }));
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
    const t = await bed.start();
    const { pair } = await bed.simulate(eightNone(9600), (port) => createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42, scbk: Uint8Array.from(Buffer.from(rightKey, 'hex')) }] }));
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
    const { pair, device: pds } = await bed.simulate(eightNone(9600), (port) => createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42 }] }));
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
    const t = await bed.start({ dataDir });
    const current = t;
    await eventually('the link alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === lost.id)?.state === 'restored' ? true : undefined));
    expect((await t.call('links.get', { id: device.id })).activeAlarmCount).toBe(0);
    const raises = (await t.call('journal.list', { typePrefix: 'alarm.raised', limit: 50 })).filter((e) => e.entityId === lost.id);
    expect(raises).toHaveLength(1);
  });

  it('restores the alarms of a PD that devices.update takes out of the link, saying it is no longer configured', async () => {
    const t = await bed.start();
    const { pair, device: pds } = await bed.simulate(eightNone(9600), (port) =>
      createOsdpPdSimulator({ port, pds: [{ address: 1, vendor: 0x0a0b0c, model: 1, serial: 42 }, { address: 2, vendor: 0x0a0b0c, model: 1, serial: 43 }] }),
    );
    pds.offline(2, true);
    const fields = (addresses: number[]) => ({ name: '东门读卡器', driver: 'osdp' as const, portPath: pair.a, serial: eightNone(9600), protocol: { pds: addresses.map((address) => ({ address })), pollIntervalMs: 20, offlineAfterMs: 1000 }, assetId: null });
    const link = await t.call('links.create', fields([1, 2]));
    const lost = await eventually('the PD 2 link alarm', alarmNamed(t, 'link.lost'));
    expect(lost).toMatchObject({ conditionKey: 'osdp:2:link', state: 'active' });

    await t.call('links.update', { id: link.id, fields: fields([1]) });
    const current = t;
    await eventually('the alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === lost.id)?.state === 'restored' ? true : undefined));
    expect((await t.call('links.get', { id: link.id })).activeAlarmCount).toBe(0);
    const [entry] = await t.call('journal.list', { typePrefix: 'alarm.restored', entityId: lost.id, limit: 1 });
    expect(entry?.payload).toMatchObject({ text: { en: expect.stringContaining('no longer configured') }, detail: { reason: 'notConfigured', restoredAt: 'reconnect' } });
  });

  it('restores the link alarm of a Modbus slave address the link no longer polls', async () => {
    const t = await bed.start();
    const model = shippedModbusModel('leak-rs485-generic')!;
    const { pair } = await bed.simulate(eightNone(9600), (port) => createModbusSimulator({ port, model, slaveAddress: 3 }));
    const fields = (slaveAddress: number) => ({ name: '漏水传感器', driver: 'modbus' as const, portPath: pair.a, serial: eightNone(9600), protocol: { modelId: 'leak-rs485-generic', slaveAddress, pollIntervalMs: 200, timeoutMs: 200, linkLostAfterFailures: 1 }, assetId: null });
    const link = await t.call('links.create', fields(2));
    const lost = await eventually('the slave 2 link alarm', alarmNamed(t, 'link.lost'), 9000);
    expect(lost).toMatchObject({ conditionKey: 'modbus:2:link', state: 'active' });

    await t.call('links.update', { id: link.id, fields: fields(3) });
    const current = t;
    await eventually('the alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === lost.id)?.state === 'restored' ? true : undefined));
    expect((await t.call('links.get', { id: link.id })).activeAlarmCount).toBe(0);
  }, 20_000);

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
    const { pair, device } = await bed.simulate(c.serial, (port) => c.device(port));
    device.silence(true);
    const first = await startDeviceCore({ dataDir });
    const created = await first.call('links.create', { name: `${c.driver} 1`, driver: c.driver, portPath: pair.a, serial: c.serial, protocol: c.protocol, assetId: null });
    const lost = await eventually('the link alarm', alarmNamed(first, 'link.lost'), 9000);
    expect(lost).toMatchObject({ conditionKey: c.conditionKey, state: 'active' });
    await first.core.close();

    device.silence(false);
    const t = await bed.start({ dataDir });
    const current = t;
    await eventually('connected', async () => ((await current.call('links.get', { id: created.id })).status.state === 'connected' ? true : undefined));
    await device.speak();
    await eventually('the link alarm restored', async () => ((await current.call('alarms.list', {})).items.find((a) => a.id === lost.id)?.state === 'restored' ? true : undefined));
    expect((await t.call('links.get', { id: created.id })).activeAlarmCount).toBe(0);
    const [entry] = await t.call('journal.list', { typePrefix: 'alarm.restored', entityId: lost.id, limit: 1 });
    expect(entry?.payload).toMatchObject({ detail: { restoredAt: 'reconnect' } });
  }, 20_000);
});
