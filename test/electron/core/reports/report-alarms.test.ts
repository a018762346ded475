import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceFieldsSchema, type EventMap, type EventName } from '../../../../shared/contract';
import type { DeviceAlarm } from '../../../../shared/domain/devices/device-signals';
import { type AlarmIngest, createAlarmIngest } from '../../../../electron/core/alarms/alarm-ingest';
import { openInboxWriter } from '../../../../electron/core/alarms/inbox-writer';
import { ensureBuiltinCatalog } from '../../../../electron/core/assets/catalog-service';
import { createDevice } from '../../../../electron/core/assets/device-service';
import type { CoreContext } from '../../../../electron/core/context';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { reportOverview } from '../../../../electron/core/reports/report-service';
import { tempDir } from '../../../support/temp-core';

/** Alarms come in through the real ingest from two links, each watching a register device in its own building. */
describe('alarms in the reports', () => {
  let ctx: CoreContext;
  let ingest: AlarmIngest;
  const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
  const filter = { from: '2026-11-01', to: '2026-11-30', systemId: null, location: '' };

  beforeEach(async () => {
    const dataDir = tempDir();
    const dbPath = join(dataDir, 'reports.sqlite');
    const db = await openDatabase(dbPath);
    await ensureBuiltinCatalog(db);
    const noop = <E extends EventName>(_name: E, _payload: EventMap[E]) => undefined;
    ctx = { db, dataDir, clock: { now: () => at(30, 12) }, journalKey: Buffer.alloc(32, 7), newId: uuidv7, emit: noop };
    ingest = createAlarmIngest(ctx, await openInboxWriter(dbPath), { quietMs: 0 });
  });
  afterEach(async () => {
    await ingest.stop();
    await ctx.db.destroy();
  });

  async function linkedDevice(name: string, systemId: string, building: string) {
    const device = await createDevice(ctx, { operator: 'tester' }, deviceFieldsSchema.parse({ name, systemId, building, floor: '1F', room: '值班室' }));
    const link = { id: uuidv7(), name: `${name} 主机`, driver: 'contact-id' as const, port_path: '/dev/null', match_serial_number: null, match_vendor_id: null, match_product_id: null, baud_rate: 9600, data_bits: 8 as const, parity: 'none' as const, stop_bits: 1 as const, protocol: '{}', asset_id: device.id, enabled: 0 as const, created_at: 0, updated_at: 0 };
    await ctx.db.insertInto('link').values(link).execute();
    return { device, send: ingest.handlerFor({ deviceId: link.id, deviceName: link.name, assetId: device.id }) };
  }
  const alarm = (n: number, when: number, severity: DeviceAlarm['severity']): DeviceAlarm => ({
    conditionKey: `zone-${n}`, state: 'raised', eventCode: 'cid.130', severity, text: { zh: '盗警', en: 'Burglary' }, point: `防区 ${n}`, at: when, detail: {},
  });

  it('counts alarms per local day by severity, and by the device its link watches, within the system and place asked', async () => {
    const panel = await linkedDevice('A座报警主机', 'intrusion', 'A座');
    const reader = await linkedDevice('B座门禁控制器', 'access-control', 'B座');
    await panel.send(alarm(1, at(2, 0), 'critical'));
    await panel.send(alarm(2, at(2, 23), 'critical'));
    await panel.send(alarm(3, at(2, 12), 'minor'));
    await reader.send(alarm(4, at(3, 8), 'major'));
    // The last instant of October and the first of December are outside the period.
    await reader.send(alarm(5, at(1, 0) - 1, 'major'));
    await reader.send(alarm(6, new Date(2026, 11, 1).getTime(), 'major'));
    await ingest.idle();

    const all = await reportOverview(ctx, filter);
    expect(all.alarmsPerDay.find((d) => d.day === '2026-11-02')).toEqual({ day: '2026-11-02', critical: 2, major: 0, minor: 1, info: 0 });
    expect(all.alarmsPerDay.find((d) => d.day === '2026-11-03')).toEqual({ day: '2026-11-03', critical: 0, major: 1, minor: 0, info: 0 });
    expect(all.alarmsPerDay.reduce((n, d) => n + d.critical + d.major + d.minor + d.info, 0)).toBe(4);
    // The shipped alarm rules open an incident for each of these alarms, reported now (the 30th) and linked to the
    // device: three each, and the alarms in the period break the tie.
    expect(all.failingDevices.map((d) => [d.name, d.incidents, d.alarms, d.place])).toEqual([
      ['A座报警主机', 3, 3, 'A座 1F 值班室'],
      ['B座门禁控制器', 3, 1, 'B座 1F 值班室'],
    ]);

    const intrusion = await reportOverview(ctx, { ...filter, systemId: 'intrusion' });
    expect(intrusion.alarmsPerDay.reduce((n, d) => n + d.critical + d.major + d.minor + d.info, 0)).toBe(3);
    expect(intrusion.failingDevices.map((d) => d.name)).toEqual(['A座报警主机']);
    const buildingB = await reportOverview(ctx, { ...filter, location: 'B座' });
    expect(buildingB.alarmsPerDay.find((d) => d.day === '2026-11-03')?.major).toBe(1);
    expect(buildingB.alarmsPerDay.find((d) => d.day === '2026-11-02')).toEqual({ day: '2026-11-02', critical: 0, major: 0, minor: 0, info: 0 });
    expect(buildingB.failingDevices.map((d) => d.name)).toEqual(['B座门禁控制器']);
    expect((await reportOverview(ctx, { ...filter, location: 'C座' })).failingDevices).toEqual([]);
  });
});
