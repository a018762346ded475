import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceAlarm } from '../../../../../electron/core/devices/driver-session';
import { eventually } from '../../../../support/eventually';
import { afterMorePolls, openUpsRig, type UpsRig } from './ups-rig';

const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

describe('Megatec session over a pty with the simulated UPS', () => {
  let rig: UpsRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  const raisedOrRestored = (alarms: DeviceAlarm[], eventCode: string): string[] =>
    alarms.filter((alarm) => alarm.eventCode === eventCode).map((alarm) => alarm.state);

  it('reads identity and rating at start, then polls Q1 into labelled readings', async () => {
    rig = await openUpsRig({ simulator: { identity: { company: 'SANTAK', model: 'C3K', version: 'V2.1' } } });
    rig.session.start();
    const current = rig;
    await eventually('an input voltage reading', () => current.readings.some((r) => r.key === 'ups:inputVoltage'));
    expect(rig.traffic.filter((r) => r.direction === 'tx').slice(0, 3).map((r) => text(r.bytes))).toEqual(['I\r', 'F\r', 'Q1\r']);
    const byKey = new Map(rig.readings.map((r) => [r.key, r]));
    expect(byKey.get('ups:company')?.value).toBe('SANTAK');
    expect(byKey.get('ups:ratedVoltage')).toMatchObject({ value: 220, unit: 'V', label: { zh: '额定电压', en: 'Rated voltage' } });
    expect(byKey.get('ups:loadPercent')).toMatchObject({ unit: '%', label: { zh: '负载', en: 'Load' } });
    expect(byKey.get('ups:utilityFail')?.value).toBe(false);
    expect(Math.abs(Number(byKey.get('ups:outputVoltage')?.value) - 220)).toBeLessThanOrEqual(1);
    const replies = rig.traffic.filter((r) => r.direction === 'rx');
    expect(replies.length).toBeGreaterThanOrEqual(3);
    for (const reply of replies) {
      expect(reply.ok).toBe(true);
      expect(reply.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(rig.alarms).toEqual([]);
  });

  it('raises ups.onBattery once on mains failure and restores it when mains returns', async () => {
    rig = await openUpsRig();
    rig.session.start();
    await afterMorePolls(rig, 1);
    rig.ups.mainsFailure(true);
    const current = rig;
    await eventually('the on-battery alarm', () => current.alarms.some((a) => a.eventCode === 'ups.onBattery'));
    await afterMorePolls(rig, 4);
    expect(raisedOrRestored(rig.alarms, 'ups.onBattery')).toEqual(['raised']);
    expect(rig.alarms[0]).toMatchObject({ conditionKey: 'ups:onBattery', severity: 'critical', point: '', text: { en: 'Mains failed: UPS on battery' } });
    expect(rig.readings.filter((r) => r.key === 'ups:inputVoltage').at(-1)?.value).toBe(0);

    rig.ups.mainsFailure(false);
    await eventually('the on-battery restore', () => raisedOrRestored(current.alarms, 'ups.onBattery').length === 2);
    await afterMorePolls(rig, 3);
    expect(raisedOrRestored(rig.alarms, 'ups.onBattery')).toEqual(['raised', 'restored']);
    expect(rig.alarms[1]).toMatchObject({ conditionKey: 'ups:onBattery', state: 'restored' });
  });

  it('raises battery low and UPS failed as critical and bypass as minor', async () => {
    rig = await openUpsRig();
    rig.ups.batteryLow(true);
    rig.ups.fault(true);
    rig.ups.bypass(true);
    rig.session.start();
    const current = rig;
    await eventually('three alarms', () => current.alarms.length === 3);
    const severities = Object.fromEntries(rig.alarms.map((a) => [a.eventCode, a.severity]));
    expect(severities).toEqual({ 'ups.batteryLow': 'critical', 'ups.fault': 'critical', 'ups.bypass': 'minor' });
  });

  it('raises link.lost after a silent spell and restores it on the next valid reply', async () => {
    rig = await openUpsRig();
    rig.session.start();
    await afterMorePolls(rig, 1);
    rig.ups.silence(true);
    const silentSince = Date.now();
    const current = rig;
    await eventually('the link alarm', () => current.alarms.some((a) => a.eventCode === 'link.lost'));
    const lost = rig.alarms.find((a) => a.eventCode === 'link.lost');
    expect(lost).toMatchObject({ conditionKey: 'link', state: 'raised', severity: 'major' });
    expect(Date.now() - silentSince).toBeGreaterThanOrEqual(600 - 260);
    expect(lost?.detail.silentForMs).toBeGreaterThanOrEqual(600);

    rig.ups.silence(false);
    await eventually('the link restore', () => raisedOrRestored(current.alarms, 'link.lost').length === 2);
    expect(raisedOrRestored(rig.alarms, 'link.lost')).toEqual(['raised', 'restored']);
  });

  it('takes an echoed unknown command as "not supported" and never as data', async () => {
    rig = await openUpsRig({ simulator: { unsupported: ['I'] } });
    rig.session.start();
    await afterMorePolls(rig, 1);
    await expect(rig.session.runTestCommand('identity', {})).rejects.toMatchObject({ code: 'devices.megatec.notSupported', params: { command: 'I' } });
    expect(rig.readings.some((r) => r.key === 'ups:company')).toBe(false);
    expect(rig.traffic.some((r) => r.direction === 'rx' && r.summary === 'not supported (echo of I)')).toBe(true);
  });

  it('reports no reply when a UPS stays silent on a data request', async () => {
    rig = await openUpsRig({ simulator: { unsupported: ['F'], echoUnknown: false } });
    rig.session.start();
    await afterMorePolls(rig, 1);
    await expect(rig.session.runTestCommand('rating', {})).rejects.toMatchObject({ code: 'devices.megatec.noReply' });
  });

  it('sends a checked shutdown and refuses a delay the UPS cannot take before sending anything', async () => {
    rig = await openUpsRig();
    expect(rig.session.testCommands().find((c) => c.id === 'shutdown')).toMatchObject({ dangerous: true, params: { minutes: 'number' } });
    rig.session.start();
    await afterMorePolls(rig, 1);
    await expect(rig.session.runTestCommand('shutdown', { minutes: 30 })).rejects.toMatchObject({ code: 'devices.megatec.badParam', params: { param: 'minutes' } });
    await expect(rig.session.runTestCommand('shutdown', { minutes: '5' })).rejects.toMatchObject({ code: 'devices.megatec.badParam' });
    await expect(rig.session.runTestCommand('shutdown', { minutes: 5, restoreMinutes: -1 })).rejects.toMatchObject({
      code: 'devices.megatec.badParam',
      params: { param: 'restoreMinutes' },
    });
    await expect(rig.session.runTestCommand('selfDestruct', {})).rejects.toMatchObject({ code: 'devices.megatec.unknownTestCommand' });
    expect(rig.ups.received.filter((c) => c.startsWith('S'))).toEqual([]);

    expect(await rig.session.runTestCommand('shutdown', { minutes: 5, restoreMinutes: 2 })).toContain('S05R0002');
    expect(rig.ups.received).toContain('S05R0002');
    await afterMorePolls(rig, 1);
    expect(rig.readings.filter((r) => r.key === 'ups:shutdownActive').at(-1)?.value).toBe(true);
  });

  it('runs the battery test and beeper toggle, and the UPS status shows them', async () => {
    rig = await openUpsRig();
    rig.session.start();
    await afterMorePolls(rig, 1);
    await rig.session.runTestCommand('batteryTest', {});
    await rig.session.runTestCommand('toggleBeeper', {});
    const result = await rig.session.runTestCommand('status', {});
    expect(result).toContain('testInProgress');
    expect(result).not.toContain('beeperOn');
    await rig.session.runTestCommand('cancelTest', {});
    expect(await rig.session.runTestCommand('status', {})).not.toContain('testInProgress');
  });

  it('reports line noise as a bad rx frame and keeps polling', async () => {
    rig = await openUpsRig();
    rig.session.start();
    await afterMorePolls(rig, 1);
    await rig.ups.garbage(Uint8Array.from([0x28, 0x01, 0xff, 0x0d]));
    const current = rig;
    await eventually('the bad frame', () => current.traffic.some((r) => !r.ok && r.summary.startsWith('badCharacter')));
    await afterMorePolls(rig, 2);
    expect(rig.alarms).toEqual([]);
  });

  it('reports a raise again on the next poll when its commit failed, and only once it is committed', async () => {
    let attempts = 0;
    rig = await openUpsRig({
      commitAlarm: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('disk full');
      },
    });
    rig.ups.fault(true);
    rig.session.start();
    const current = rig;
    await eventually('the committed fault alarm', () => current.alarms.length === 1);
    await afterMorePolls(rig, 3);
    expect(attempts).toBe(2);
    expect(rig.alarms.map((a) => `${a.eventCode} ${a.state}`)).toEqual(['ups.fault raised']);
  });

  it('refuses a test command before it is started', async () => {
    rig = await openUpsRig();
    await expect(rig.session.runTestCommand('status', {})).rejects.toMatchObject({ code: 'devices.megatec.notStarted' });
  });
});
