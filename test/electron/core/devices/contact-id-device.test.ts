import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import { createReceiverSimulator, type ReceiverSimulator } from '../../../../electron/core/devices/contact-id/simulator';
import type { ContactIdEventInput } from '../../../../electron/core/devices/contact-id/encoder';
import type { BytePort } from '../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../support/virtual-serial-pair';
import { type DeviceCore, eightNone, eventually, startDeviceCore } from './device-core';

interface SimulatedReceiver {
  pair: VirtualSerialPair;
  port: BytePort;
  receiver: ReceiverSimulator;
  close(): Promise<void>;
}

async function plugInReceiver(ackTimeoutMs = 4000): Promise<SimulatedReceiver> {
  const pair = await openVirtualSerialPair();
  const port = await openSerialBytePort(pair.b, eightNone(9600));
  const receiver = createReceiverSimulator({ port, ackTimeoutMs });
  return {
    pair,
    port,
    receiver,
    async close() {
      receiver.close();
      await port.close();
      await pair.unplug();
    },
  };
}

/** A second connection to the core's file: holds the write lock, or reads what is committed. */
function sideConnection(dataDir: string) {
  const db = new sqlite3.Database(join(dataDir, databaseFileName));
  const run = (sql: string) => new Promise<void>((resolve, reject) => db.run(sql, (err) => (err ? reject(err) : resolve())));
  const get = <T>(sql: string) => new Promise<T>((resolve, reject) => db.get(sql, (err, row) => (err ? reject(err) : resolve(row as T))));
  const close = () => new Promise<void>((resolve) => db.close(() => resolve()));
  return { run, get, close };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a Contact ID receiver run by the device layer', () => {
  let t: DeviceCore | undefined;
  let sim: SimulatedReceiver | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
    await t?.close();
    t = undefined;
  });

  async function connectedReceiver(core: DeviceCore, name = '消控室接警机') {
    sim = await plugInReceiver();
    const device = await core.call('links.create', { name, driver: 'contact-id', portPath: sim.pair.a, serial: eightNone(9600), protocol: {}, assetId: null });
    await eventually('connected', async () => ((await core.call('links.get', { id: device.id })).status.state === 'connected' ? true : undefined));
    return { device, receiver: sim.receiver };
  }

  it('turns a fire alarm into an active alarm and a level-I intrusion incident, and ACKs only after it is committed', async () => {
    t = await startDeviceCore();
    const { device, receiver } = await connectedReceiver(t);
    const side = sideConnection(t.dataDir);
    await side.run('begin immediate');
    try {
      const acked = receiver.fireAlarm('1234', 3);
      // The commit cannot happen while the write lock is held elsewhere: nor may the ACK.
      await sleep(700);
      expect(receiver.stats()).toMatchObject({ sent: 1, acks: 0, naks: 0 });
      expect(t.eventsNamed('alarms.raised')).toEqual([]);
      await side.run('commit');
      expect(await acked).toBe(1);
    } finally {
      await side.close();
    }
    // Committed to the alarm inbox, answered, then recorded and announced.
    const raisedEvents = await eventually('the alarm announced', async () => (t!.eventsNamed('alarms.raised').length > 0 ? t!.eventsNamed('alarms.raised') : undefined));
    expect(raisedEvents).toHaveLength(1);
    const alarm = raisedEvents[0]!.alarm;
    expect(alarm).toMatchObject({ deviceId: device.id, eventCode: 'cid.110', severity: 'critical', state: 'active', conditionKey: 'cid:1234:110:01:003' });
    const incident = (await t.call('incidents.get', { id: alarm.incidentId! })).incident;
    expect(incident).toMatchObject({ level: 'I', systemId: 'intrusion', deviceText: '消控室接警机', record: { reporter: '系统自动 (消控室接警机)' } });
    expect(t.eventsNamed('incidents.changed').flatMap((e) => e.ids)).toContain(incident.id);

    const traffic = await t.call('links.traffic', { id: device.id, afterSeq: 0 });
    expect(traffic.lines.map((l) => [l.direction, l.ok])).toEqual([
      ['rx', true],
      ['tx', true],
    ]);
    expect(traffic.lines[0]!.ascii).toContain('181234E11001003');
    // The event's line is described from its bytes when read.
    expect(traffic.lines[0]!.summary).toBe('E 110 Fire / 火警, account 1234, group 01, zone 003 (receiver 01 line 1)');
    expect(traffic.lines[1]).toMatchObject({ hex: '06', summary: expect.stringContaining('ACK') });
    expect((await t.call('links.get', { id: device.id })).status.health).toMatchObject({ framesGood: 1, framesBad: 0 });

    // The receiver's "still present" resend of the same event is a repeat, not a second alarm or incident.
    await receiver.fireAlarm('1234', 3);
    const latest = await eventually('the repeat recorded', async () => {
      const [entry] = await t!.call('journal.list', { entityType: 'alarm', entityId: alarm.id, limit: 1 });
      return (entry?.payload as { repeat?: boolean } | undefined)?.repeat ? entry : undefined;
    });
    expect(latest).toMatchObject({ type: 'alarm.raised', payload: { repeat: true, repeats: 1 } });
    expect((await t.call('alarms.list', {})).items).toHaveLength(1);
    expect((await t.call('incidents.list', {})).items).toHaveLength(1);

    await receiver.restore('1234', 3);
    const restored = async () => (await t!.call('alarms.list', { scope: 'all' })).items.find((a) => a.id === alarm.id)?.state === 'restored';
    expect(await eventually('the restore recorded', async () => ((await restored()) ? true : undefined))).toBe(true);
  });

  it('ingests a pipelined burst of 2,000 events with none lost or doubled', async () => {
    t = await startDeviceCore();
    const { device, receiver } = await connectedReceiver(t);
    const events: ContactIdEventInput[] = Array.from({ length: 2000 }, (_, i) => ({
      account: '5678',
      qualifier: 'E',
      code: 570,
      group: 1 + Math.floor(i / 999),
      zone: 1 + (i % 999),
    }));
    const started = Date.now();
    const result = await receiver.burst(events, 'pipelined');
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ delivered: 2000, retransmissions: 0 });
    expect(receiver.stats()).toMatchObject({ acks: 2000, naks: 0, timeouts: 0 });
    // ACKed once in the alarm inbox; recorded right after. Then a pause: a doubled event would show up meanwhile.
    await eventually('the burst recorded', async () => (t!.eventsNamed('alarms.changed').flatMap((e) => e.ids).length >= 2000 ? true : undefined));
    await sleep(300);
    const side = sideConnection(t.dataDir);
    try {
      expect(await side.get(`select count(*) as n, count(distinct condition_key) as keys from alarm where device_id = '${device.id}'`)).toEqual({ n: 2000, keys: 2000 });
      expect(await side.get(`select count(*) as n, count(distinct entity_id) as ids from journal where type = 'alarm.raised'`)).toEqual({ n: 2000, ids: 2000 });
      expect(await side.get('select count(*) as n from alarm_inbox')).toEqual({ n: 0 });
    } finally {
      await side.close();
    }
    expect(await t.call('journal.verify', {})).toMatchObject({ ok: true });
    console.info(`[burst] 2000 Contact ID events committed to the inbox and ACKed in ${elapsed} ms`);
  }, 60_000);
});
