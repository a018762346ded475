import { afterEach, describe, expect, it } from 'vitest';
import { createUpsSimulator } from '../../../../electron/core/devices/megatec/simulator';
import { encodePin } from '../../../../electron/core/devices/nx584/requests';
import { createNx584PanelSimulator } from '../../../../electron/core/devices/nx584/simulator';
import { openSerialBytePort } from '../../../../electron/core/devices/port/serial-byte-port';
import { maskParams } from '../../../../electron/core/devices/link-test-commands';
import { hexOf } from '../../../../electron/core/devices/traffic-capture';
import { secretPlaceholder } from '../../../../shared/contract/device-protocols';
import { tempDir } from '../../../support/temp-core';
import { openVirtualSerialPair } from '../../../support/virtual-serial-pair';
import { type DeviceCore, eightNone, eventually, startDeviceCore } from './device-core';

describe('device diagnostics', () => {
  let t: DeviceCore | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function connected(core: DeviceCore, id: string): Promise<void> {
    await eventually('connected', async () => ((await core.call('links.get', { id })).status.state === 'connected' ? true : undefined));
  }

  it('refuses a dangerous UPS command unless confirmed, runs a safe one, and journals every run with its operator', async () => {
    t = await startDeviceCore();
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(2400));
    const ups = createUpsSimulator({ port });
    cleanups.push(() => pair.unplug(), () => port.close(), () => ups.stop());
    const device = await t.call('links.create', { name: 'UPS', driver: 'megatec', portPath: pair.a, serial: eightNone(2400), protocol: { pollIntervalMs: 200 }, assetId: null });
    await connected(t, device.id);

    const commands = await t.call('links.testCommands', { id: device.id });
    expect(commands.find((c) => c.id === 'shutdown')).toMatchObject({ dangerous: true });
    const engineer = { operator: 'engineer-li' };
    const refused = await t.core.call('links.runTestCommand', { id: device.id, commandId: 'shutdown', params: { minutes: 5, restoreMinutes: null } }, engineer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'device_command_needs_confirmation', params: { commandId: 'shutdown' } } });
    expect(await t.call('journal.list', { typePrefix: 'link.test_command', limit: 5 })).toEqual([]);

    const status = await t.core.call('links.runTestCommand', { id: device.id, commandId: 'identity' }, engineer);
    expect(status).toMatchObject({ ok: true, value: { commandId: 'identity', result: expect.any(String) } });
    const confirmed = await t.core.call('links.runTestCommand', { id: device.id, commandId: 'cancelShutdown', confirmed: true }, engineer);
    expect(confirmed.ok).toBe(true);
    const unknown = await t.core.call('links.runTestCommand', { id: device.id, commandId: 'selfDestruct' }, engineer);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'device_unknown_test_command' } });

    const runs = await t.call('journal.list', { typePrefix: 'link.test_command', limit: 5 });
    expect(runs.map((e) => [e.operator, (e.payload as { commandId: string }).commandId, (e.payload as { ok: boolean }).ok])).toEqual([
      ['engineer-li', 'cancelShutdown', true],
      ['engineer-li', 'identity', true],
    ]);

    const traffic = await t.call('links.traffic', { id: device.id, afterSeq: 0, limit: 3 });
    expect(traffic.lines.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(traffic.lines[0]).toMatchObject({ direction: 'tx', hex: '49 0D', ascii: 'I.' });
    const next = await t.call('links.traffic', { id: device.id, afterSeq: traffic.lastSeq });
    expect(next.lines[0]?.seq).toBe(4);
    expect(next.dropped).toBe(false);
    const health = (await t.call('links.get', { id: device.id })).status.health;
    expect(health.framesGood).toBeGreaterThan(0);
    expect(health.latencyLastMs).toBeGreaterThanOrEqual(0);
    expect(health.lastFrameAt).not.toBeNull();
  });

  it('arms an NX-584 panel with the sealed PIN, which shows nowhere: not in the traffic, the journal or a read', async () => {
    t = await startDeviceCore();
    const pin = '135790';
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(2400));
    const panel = createNx584PanelSimulator({ port, framing: 'binary', zones: 4, partitions: 1, pin, ackTimeoutMs: 300 });
    cleanups.push(() => pair.unplug(), () => port.close(), () => panel.stop());
    const device = await t.call('links.create', {
      name: 'NX-8E',
      driver: 'nx584',
      portPath: pair.a,
      serial: eightNone(2400),
      protocol: { framing: 'binary', pin, zoneCount: 4, pollIntervalMs: 500, replyTimeoutMs: 400 },
      assetId: null,
    });
    await connected(t, device.id);

    const refused = await t.core.call('links.runTestCommand', { id: device.id, commandId: 'armAway', params: { partition: 1 } }, { operator: 'eng' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'device_command_needs_confirmation' } });
    expect(panel.partition(1)?.armed).toBe(false);
    const armed = await t.call('links.runTestCommand', { id: device.id, commandId: 'armAway', params: { partition: 1 }, confirmed: true });
    expect(armed.result).toContain('accepted');
    expect(panel.partition(1)?.armed).toBe(true);

    const traffic = await t.call('links.traffic', { id: device.id, afterSeq: 0, limit: 2000 });
    expect(traffic.lines.length).toBeGreaterThan(2);
    const pinHex = hexOf(Uint8Array.from(encodePin(pin)));
    const seen = JSON.stringify([traffic, await t.call('journal.list', { limit: 200 }), await t.call('links.get', { id: device.id })]);
    expect(seen).not.toContain(pin);
    expect(seen).not.toContain(pinHex);
    const [run] = await t.call('journal.list', { typePrefix: 'link.test_command', limit: 1 });
    expect(run).toMatchObject({ payload: { commandId: 'armAway', dangerous: true, confirmed: true, params: { partition: 1 }, ok: true } });
  });

  it('runs the configured devices again after a restart, opening their sealed secrets with the same key file', async () => {
    const dataDir = tempDir();
    const pin = '8642';
    const pair = await openVirtualSerialPair();
    const port = await openSerialBytePort(pair.b, eightNone(2400));
    const panel = createNx584PanelSimulator({ port, framing: 'ascii', zones: 2, partitions: 1, pin, ackTimeoutMs: 300 });
    cleanups.push(() => pair.unplug(), () => port.close(), () => panel.stop());
    const first = await startDeviceCore({ dataDir });
    const device = await first.call('links.create', {
      name: 'NX-8',
      driver: 'nx584',
      portPath: pair.a,
      serial: eightNone(2400),
      protocol: { framing: 'ascii', pin, zoneCount: 2, pollIntervalMs: 500, replyTimeoutMs: 400 },
      assetId: null,
    });
    await connected(first, device.id);
    await first.core.close();

    t = await startDeviceCore({ dataDir });
    await connected(t, device.id);
    expect((await t.call('links.runTestCommand', { id: device.id, commandId: 'armStay', params: { partition: 1 }, confirmed: true })).result).toContain('accepted');
    expect(panel.partition(1)?.armed).toBe(true);
  });

  it('masks parameters that carry a code or key in the journal', () => {
    expect(maskParams({ partition: 1, userPin: '1234', keyHex: 'ab', code: null, label: 'x' })).toEqual({
      partition: 1,
      userPin: secretPlaceholder,
      keyHex: secretPlaceholder,
      code: null,
      label: 'x',
    });
  });
});
