import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import { openSecretBox } from '../../../../electron/core/devices/secret-box';
import { secretPlaceholder } from '../../../../shared/contract/device-protocols';
import { tempDir } from '../../../support/temp-core';
import { eventually } from '../../../support/eventually';
import { type DeviceCore, eightNone, startDeviceCore } from './device-core';

const scbk = '00112233445566778899aabbccddeeff';

function storedProtocol(dataDir: string, id: string): Promise<string> {
  const db = new sqlite3.Database(join(dataDir, databaseFileName), sqlite3.OPEN_READONLY);
  return new Promise<string>((resolve, reject) =>
    db.get('select protocol from link where id = ?', [id], (err, row: { protocol: string } | undefined) => {
      db.close();
      if (err || !row) reject(err ?? new Error('no row'));
      else resolve(row.protocol);
    }),
  );
}

describe('configuring devices', () => {
  let t: DeviceCore | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const nx = (portPath: string, protocol: Record<string, unknown>) =>
    ({ name: '报警主机', driver: 'nx584', portPath, serial: eightNone(2400), protocol, assetId: null }) as const;

  it('refuses bad protocol settings naming the field, and changes nothing', async () => {
    t = await startDeviceCore({ devices: { autoStart: false } });
    const result = await t.core.call('links.create', { ...nx('/dev/ttyUSB0', { pin: '12ab', zoneCount: 500 }) }, { operator: 'engineer' });
    expect(result).toMatchObject({ ok: false, error: { code: 'device_protocol_invalid', params: { driver: 'nx584', field: 'protocol.pin' } } });
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['protocol.pin', 'protocol.zoneCount']);
    const unknownField = await t.core.call('links.create', { ...nx('/dev/ttyUSB0', { pinCode: '1234' }) }, { operator: 'engineer' });
    expect(unknownField).toMatchObject({ ok: false, error: { params: { field: 'protocol.pinCode' } } });
    const badAsset = await t.core.call('links.create', { ...nx('/dev/ttyUSB0', {}), assetId: 'no-such-asset' }, { operator: 'engineer' });
    expect(badAsset).toMatchObject({ ok: false, error: { code: 'asset_not_found' } });
    expect(await t.call('links.list', {})).toEqual([]);
    expect(await t.call('journal.list', { limit: 10 })).toEqual([]);
  });

  it('keeps secrets sealed: never in a read, the journal or the file, and a placeholder written back keeps them', async () => {
    t = await startDeviceCore({ devices: { autoStart: false } });
    const created = await t.call('links.create', nx('/dev/ttyUSB0', { pin: '135790' }));
    expect(created.protocol).toMatchObject({ pin: secretPlaceholder, framing: 'binary', zoneCount: 8 });
    const reader = await t.call('links.create', {
      name: '门禁读卡器',
      driver: 'osdp',
      portPath: '/dev/ttyUSB1',
      serial: eightNone(9600),
      protocol: { pds: [{ address: 1, scbk }, { address: 2 }] },
      assetId: null,
    });
    expect(reader.protocol.pds).toEqual([
      { address: 1, scbk: secretPlaceholder },
      { address: 2, scbk: null },
    ]);

    const renamed = await t.call('links.update', { id: created.id, fields: { ...nx('/dev/ttyUSB0', created.protocol), name: '报警主机 1' } });
    expect(renamed.protocol.pin).toBe(secretPlaceholder);
    const box = openSecretBox(t.dataDir);
    const stored = JSON.parse(await storedProtocol(t.dataDir, created.id)) as { pin: string };
    expect(box.open(stored.pin)).toBe('135790');
    expect(await storedProtocol(t.dataDir, reader.id)).not.toContain(scbk);

    await t.call('links.update', { id: created.id, fields: nx('/dev/ttyUSB0', { ...created.protocol, pin: '2468' }) });
    expect(box.open((JSON.parse(await storedProtocol(t.dataDir, created.id)) as { pin: string }).pin)).toBe('2468');
    const cleared = await t.call('links.update', { id: created.id, fields: nx('/dev/ttyUSB0', { ...created.protocol, pin: null }) });
    expect(cleared.protocol.pin).toBeNull();
    const orphan = await t.core.call('links.update', { id: created.id, fields: nx('/dev/ttyUSB0', { pin: secretPlaceholder }) }, { operator: 'engineer' });
    expect(orphan).toMatchObject({ ok: false, error: { code: 'device_secret_missing', params: { field: 'protocol.pin' } } });

    const everything = JSON.stringify([await t.call('journal.list', { limit: 100 }), await t.call('links.list', {})]);
    for (const secret of ['"135790"', '"2468"', scbk]) expect(everything).not.toContain(secret);
    expect(everything).toContain(secretPlaceholder);
  });

  it('shows a missing port as offline with a clear error and keeps answering, and a disabled device as disabled', async () => {
    t = await startDeviceCore();
    const missing = join(tempDir(), 'ttyUSB7');
    const device = await t.call('links.create', { name: 'UPS', driver: 'megatec', portPath: missing, serial: eightNone(2400), protocol: {}, assetId: null });
    const current = t;
    const status = await eventually('offline', async () => {
      const s = (await current.call('links.get', { id: device.id })).status;
      return s.state === 'offline' ? s : undefined;
    });
    expect(status).toMatchObject({ currentPath: null, lastError: { code: 'devices.portMissing', params: { path: missing } } });
    // Never connected: no link change to journal, but the guard sees the port alarm.
    expect(await t.call('journal.list', { typePrefix: 'link.state_changed', limit: 5 })).toEqual([]);
    await eventually('the port alarm', async () => ((await current.call('alarms.list', {})).items.some((a) => a.deviceId === device.id && a.conditionKey === 'port') ? true : undefined));

    const disabled = await t.call('links.setEnabled', { id: device.id, enabled: false });
    expect(disabled.status.state).toBe('disabled');
    const restored = await eventually('the port alarm cleared', async () => {
      const alarm = (await current.call('alarms.list', { scope: 'all' })).items.find((a) => a.conditionKey === 'port');
      return alarm?.state === 'restored' ? alarm : undefined;
    });
    const [restoreEntry] = await t.call('journal.list', { entityType: 'alarm', entityId: restored.id, limit: 1 });
    expect(restoreEntry).toMatchObject({ type: 'alarm.restored', payload: { detail: { reason: 'disabled' } } });
    expect((await t.call('journal.list', { entityType: 'link', entityId: device.id, limit: 1 }))[0]).toMatchObject({
      type: 'link.enabled',
      payload: { enabled: false },
    });

    await t.call('links.remove', { id: device.id });
    expect(await t.core.call('links.get', { id: device.id }, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'link_not_found' } });
    // Its alarms are history now, and keep its name.
    expect((await t.call('alarms.list', { scope: 'all', deviceId: device.id })).items[0]).toMatchObject({ deviceName: 'UPS' });
  });

  it('lists ports from the injected lister, and fills a new endpoint’s port match defaults', async () => {
    t = await startDeviceCore({ devices: { autoStart: false } });
    t.ports.push({ path: '/dev/ttyUSB0', byIdPath: '/dev/serial/by-id/usb-FTDI-if00', manufacturer: 'FTDI', serialNumber: 'A1', vendorId: '0403', productId: '6001' });
    expect(await t.call('links.ports', {})).toEqual({ ports: t.ports, warning: null });
    const device = await t.call('links.create', { name: 'x', driver: 'modbus', portPath: '/dev/ttyUSB0', serial: eightNone(9600), assetId: null });
    expect(device).toMatchObject({ portMatch: { serialNumber: null, vendorId: null, productId: null }, enabled: true, protocol: { modelId: 'th-rs485-generic' } });
    expect(device.status.state).toBe('offline');
  });
});
