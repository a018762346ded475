// UPS-aware shutdown against the UPS simulator on a pty: battery low (or on battery for the set time) is journaled,
// the core closes cleanly (the clean-shutdown mark written) and the configured command runs; off by default.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../../../electron/core/core';
import { createUpsSimulator, type UpsSimulator } from '../../../../electron/core/devices/megatec/simulator';
import { eventually, sleep } from '../../../support/eventually';
import { tempDir } from '../../../support/temp-core';
import { deviceTestBed, eightNone } from '../devices/device-core';

const fastPolling = { pollIntervalMs: 100, replyTimeoutMs: 300, linkLostAfterMs: 2000 };
const caller = { operator: 'tester' };

/** A command that leaves a marker file, as the real one would power the PC down. */
function markerCommand(marker: string): string[] {
  return [process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'shut down at ' + Date.now())`];
}

describe('UPS-aware shutdown', () => {
  const bed = deviceTestBed();

  async function consoleWithUps(settings: { enabled: boolean; onBatterySeconds: number; command: string[] }) {
    const t = await bed.start({ slaWatchIntervalMs: 0, backupCheckIntervalMs: 0 });
    const { pair, device: ups } = await bed.simulate(eightNone(2400), (port) => createUpsSimulator({ port }));
    await t.call('power.saveSettings', settings);
    const link = await t.call('links.create', { name: '机房 UPS', driver: 'megatec', portPath: pair.a, serial: eightNone(2400), protocol: fastPolling });
    await eventually('the UPS connected', async () => (await t.call('links.get', { id: link.id })).status.state === 'connected');
    return { t, ups: ups as UpsSimulator };
  }

  it('on battery low: journals it, closes the data cleanly and runs the command', async () => {
    const marker = join(tempDir('duty-console-marker-'), 'powered-off');
    const { t, ups } = await consoleWithUps({ enabled: true, onBatterySeconds: 0, command: markerCommand(marker) });
    ups.mainsFailure(true);
    ups.batteryLow(true);
    await eventually('the shutdown command ran', () => existsSync(marker), 15_000);
    expect(readFileSync(marker, 'utf8')).toMatch(/^shut down at/);
    // Closed cleanly: the mark is there, the WAL folded into the file.
    expect(existsSync(join(t.dataDir, 'clean-shutdown.json'))).toBe(true);
    expect(existsSync(join(t.dataDir, 'duty-console.sqlite-wal'))).toBe(false);
    const again = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test', backupCheckIntervalMs: 0, devices: { autoStart: false } });
    try {
      expect(again.info.integrityCheck).toBe('background');
      const entries = await again.call('journal.list', { typePrefix: 'power.shutdown' }, caller);
      expect(entries).toMatchObject({ ok: true, value: [{ operator: 'system', payload: { reason: 'battery_low', deviceName: '机房 UPS', eventCode: 'ups.batteryLow' } }] });
      // The low-battery alarm was recorded before the file closed.
      const alarms = await again.call('alarms.list', { scope: 'all' }, caller);
      expect(alarms).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ eventCode: 'ups.batteryLow' })]) } });
    } finally {
      await again.close();
    }
  });

  it('on battery for the set time shuts down; mains back in time does not', async () => {
    const marker = join(tempDir('duty-console-marker-'), 'powered-off');
    const { t, ups } = await consoleWithUps({ enabled: true, onBatterySeconds: 2, command: markerCommand(marker) });
    ups.mainsFailure(true);
    await eventually('the on-battery alarm', async () => (await t.call('alarms.list', {})).items.find((a) => a.eventCode === 'ups.onBattery'));
    ups.mainsFailure(false);
    await eventually('mains back', async () => (await t.call('alarms.list', { scope: 'all' })).items.find((a) => a.eventCode === 'ups.onBattery' && a.state === 'restored'));
    await sleep(2500);
    expect(existsSync(marker)).toBe(false);
    expect(await t.call('journal.list', { typePrefix: 'power.shutdown' })).toEqual([]);

    ups.mainsFailure(true);
    await eventually('the shutdown command ran', () => existsSync(marker), 15_000);
    expect(existsSync(join(t.dataDir, 'clean-shutdown.json'))).toBe(true);
  });

  it('does nothing while it is off (the default)', async () => {
    const { t, ups } = await consoleWithUps({ enabled: false, onBatterySeconds: 0, command: [] });
    expect(await t.call('power.getSettings', {})).toEqual({ enabled: false, onBatterySeconds: 0, command: [] });
    ups.mainsFailure(true);
    ups.batteryLow(true);
    await eventually('the low-battery alarm', async () => (await t.call('alarms.list', {})).items.find((a) => a.eventCode === 'ups.batteryLow'));
    await sleep(500);
    expect(await t.call('journal.list', { typePrefix: 'power.shutdown' })).toEqual([]);
    expect(existsSync(join(t.dataDir, 'clean-shutdown.json'))).toBe(false);
  });
});
