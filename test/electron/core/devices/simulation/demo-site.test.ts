import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkInputSchema, driverKinds, type LinkInput, type DriverKind } from '../../../../../shared/contract/links';
import { driverRegistry } from '../../../../../electron/core/devices/driver-registry';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { startDemoSite, type DemoSite, type StartDemoSiteInput } from '../../../../../electron/core/devices/simulation/demo-site';
import { manualTime, recordSession, socatProcessesMentioning, until, type SessionRecorder } from './session-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'duty-demo-test-'));

async function demo(input: StartDemoSiteInput): Promise<DemoSite> {
  const site = await startDemoSite(input);
  cleanups.push(() => site.stop());
  return site;
}

// Quicker polls than a real site, so the test need not wait seconds for a UPS or sensor reading.
const quicker: Partial<Record<DriverKind, Record<string, unknown>>> = { megatec: { pollIntervalMs: 100 }, modbus: { pollIntervalMs: 200 }, nx584: { pollIntervalMs: 500 } };

/** Opens the endpoint the way the device layer does: the driver registry, its settings schema, a serial BytePort. */
async function connect(endpoint: LinkInput): Promise<SessionRecorder> {
  const driver = driverRegistry[endpoint.driver];
  const recorder = recordSession();
  const opened = await driver.open({
    path: endpoint.portPath,
    serial: endpoint.serial,
    settings: { ...driver.parseSettings(endpoint.protocol), ...quicker[endpoint.driver] },
    handlers: recorder.handlers,
    now: Date.now,
    openPort: openSerialBytePort,
  });
  opened.session.start();
  cleanups.push(() => opened.close());
  return recorder;
}

const endpointOf = (site: DemoSite, driver: DriverKind): LinkInput => {
  const endpoint = site.endpoints.find((e) => e.driver === driver);
  if (!endpoint) throw new Error(`no ${driver} endpoint`);
  return endpoint;
};

describe('the demo site', () => {
  it('starts one device of each kind whose endpoint validates against the contract and its driver settings', async () => {
    const dir = freshDir();
    const site = await demo({ dir, life: false });
    expect(site.endpoints.map((e) => e.driver).sort()).toEqual([...driverKinds].sort());
    for (const endpoint of site.endpoints) {
      expect(linkInputSchema.parse(endpoint)).toEqual(endpoint);
      expect(() => driverRegistry[endpoint.driver].parseSettings(endpoint.protocol)).not.toThrow();
      expect(endpoint.name).toMatch(/^1号楼 [\u4e00-\u9fff]/);
      expect(endpoint.portPath).toBe(join(dir, endpoint.driver, 'console'));
      expect(existsSync(endpoint.portPath)).toBe(true);
      expect(endpoint.serial).toEqual(driverRegistry[endpoint.driver].serial);
    }
    expect(endpointOf(site, 'contact-id').name).toBe('1号楼 报警接收机');
    expect(endpointOf(site, 'osdp').protocol).toEqual({ pds: [{ address: 1, scbk: null }, { address: 2, scbk: null }] });
    expect(endpointOf(site, 'nx584').protocol).toMatchObject({ zoneCount: 8 });
    expect(endpointOf(site, 'modbus').protocol).toEqual({ modelId: 'th-rs485-generic', slaveAddress: 1 });
  });

  it('answers every driver opened through the registry on the configured paths', async () => {
    const site = await demo({ dir: freshDir(), life: false });
    const sessions = new Map<DriverKind, SessionRecorder>();
    for (const endpoint of site.endpoints) sessions.set(endpoint.driver, await connect(endpoint));
    expect(await site.run('contact-id', 'heartbeat')).toBe('heartbeat ACKed');
    await until('OSDP reader 2 identified', () => sessions.get('osdp')?.latest('osdp:2:serial'));
    await until('NX-584 zone 8 named', () => sessions.get('nx584')?.latest('nx:zone:8:name') === 'SMOKE CORRIDOR');
    await until('UPS input voltage', () => sessions.get('megatec')?.readings.some((r) => r.key.includes('input')));
    await until('room temperature', () => sessions.get('modbus')?.latest('modbus:1:temperature') === 23);
    for (const recorder of sessions.values()) expect(recorder.alarms.filter((a) => a.state === 'raised')).toEqual([]);
  });

  it('lives on the injected clock: a card swipe opens its door, the climate drifts, a forced door restores after a minute', async () => {
    const time = manualTime();
    const log: string[] = [];
    const site = await demo({ dir: freshDir(), schedule: time.schedule, random: () => 0.05, log: (line) => log.push(line) });
    const readers = await connect(endpointOf(site, 'osdp'));
    const receiver = await connect(endpointOf(site, 'contact-id'));
    const panel = await connect(endpointOf(site, 'nx584'));
    const sensor = await connect(endpointOf(site, 'modbus'));
    await until('panel read', () => panel.latest('nx:zone:1:faulted') === false);

    // The first climate step at 20 s: pulled towards 23.5 °C from 23.5, pushed by (0.05 − 0.5) × 0.6 → 23.2; humidity 48 − 0.9.
    time.advance(20_000);
    await until('temperature drifted', () => sensor.latest('modbus:1:temperature') === 23.2 && sensor.latest('modbus:1:humidity') === 47.1);

    // random 0.05: the first swipe comes after 45 s − 10 s + 0.05 × 20 s, at reader 1, with the first staff card.
    time.advance(15_999);
    expect(readers.alarms.filter((a) => a.eventCode === 'osdp.card')).toEqual([]);
    time.advance(1);
    const card = await until('card read', () => readers.alarms.find((a) => a.eventCode === 'osdp.card'));
    expect(card).toMatchObject({ conditionKey: 'osdp:1:card', detail: { facility: 12, card: 1001 } });
    await until('front door open', () => panel.latest('nx:zone:1:faulted') === true);
    time.advance(6_000);
    await until('front door closed', () => panel.latest('nx:zone:1:faulted') === false);

    time.advance(300_000 - 42_000);
    const forced = await until('door forced', () => receiver.alarms.find((a) => a.eventCode === 'cid.423'));
    expect(forced).toMatchObject({ conditionKey: 'cid:1234:423:01:005', state: 'raised', severity: 'critical' });
    time.advance(59_999);
    expect(receiver.alarms.filter((a) => a.eventCode === 'cid.423')).toHaveLength(1);
    time.advance(1);
    await until('forced door restored', () => receiver.alarms.find((a) => a.eventCode === 'cid.423' && a.state === 'restored'));
    expect(log.some((line) => line.startsWith('osdp: PD 1: card 787433'))).toBe(true);

    await site.stop();
    expect(time.pending()).toBe(0);
  });

  it('stops leaving no socat process and no pty link, and starts again on the same paths', async () => {
    const dir = freshDir();
    const site = await startDemoSite({ dir, life: false });
    expect(socatProcessesMentioning(dir)).toHaveLength(5);
    await site.stop();
    expect(socatProcessesMentioning(dir)).toEqual([]);
    for (const endpoint of site.endpoints) expect(existsSync(endpoint.portPath)).toBe(false);
    const again = await startDemoSite({ dir, life: false });
    expect(again.endpoints.map((e) => e.portPath)).toEqual(site.endpoints.map((e) => e.portPath));
    await again.stop();
    expect(socatProcessesMentioning(dir)).toEqual([]);
  });

  it('starts nothing and says to install socat when it is missing', async () => {
    const dir = freshDir();
    await expect(startDemoSite({ dir, socat: { socatCommand: join(dir, 'no-socat-here') } })).rejects.toMatchObject({ code: 'devices.socatMissing' });
    expect(socatProcessesMentioning(dir)).toEqual([]);
  });
});
