import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceAlarm } from '../../../../../electron/core/devices/driver-session';
import type { Nx584Framing } from '../../../../../electron/core/devices/nx584/framing';
import { eventually } from '../../../../support/eventually';
import { afterMorePolls, openPanelRig, started, type PanelRig } from './panel-rig';

const states = (alarms: DeviceAlarm[], eventCode: string): string[] => alarms.filter((a) => a.eventCode === eventCode).map((a) => a.state);
const positiveAcksFrom = (rig: PanelRig): number => rig.panel.received.filter((r) => r.kind === 'positiveAck').length;
const ackRequested = (rig: PanelRig): number => rig.traffic.filter((r) => r.direction === 'rx' && r.summary.endsWith('(ack requested)')).length;

describe.each<Nx584Framing>(['binary', 'ascii'])('NX-584 session over a pty with the simulated panel (%s framing)', (framing) => {
  let rig: PanelRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('reads interface, system, partitions, zone names and zone states at start', async () => {
    rig = await openPanelRig({ framing, panel: { zoneNames: ['MACHINE RM DOOR', 'UPS ROOM PIR'] } });
    rig.session.start();
    await started(rig);
    const kinds = rig.panel.received.map((r) => r.kind);
    expect(kinds.slice(0, 4)).toEqual(['interfaceConfigurationRequest', 'systemStatusRequest', 'partitionsSnapshotRequest', 'partitionStatusRequest']);
    expect(kinds).toContain('zonesSnapshotRequest');
    expect(rig.latest('nx:interface:firmware')).toBe('1.00');
    expect(rig.latest('nx:zone:1:name')).toBe('MACHINE RM DOOR');
    expect(rig.latest('nx:zone:2:faulted')).toBe(false);
    expect(rig.latest('nx:partition:1:armed')).toBe(false);
    expect(rig.latest('nx:partition:1:readyToArm')).toBe(true);
    expect(rig.latest('nx:system:acFail')).toBe(false);
    expect(rig.readings.find((r) => r.key === 'nx:zone:1:faulted')?.label).toEqual({ zh: '防区 1（MACHINE RM DOOR） 触发', en: 'Zone 1 (MACHINE RM DOOR) faulted' });
    expect(rig.alarms).toEqual([]);
    for (const reply of rig.traffic.filter((r) => r.direction === 'rx' && r.summary.startsWith('04h'))) expect(reply.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('raises a zone alarm (critical) and the partition alarm, and restores both when the partition is disarmed', async () => {
    rig = await openPanelRig({ framing, panel: { zoneNames: ['', 'SERVER ROOM'] }, session: { pin: '1234' } });
    rig.session.start();
    await started(rig);
    rig.panel.alarm(2);
    const current = rig;
    await eventually('the zone alarm', () => states(current.alarms, 'nx.zoneAlarm').length === 1);
    await eventually('the partition alarm', () => states(current.alarms, 'nx.partitionAlarm').length === 1);
    expect(rig.alarms.find((a) => a.eventCode === 'nx.zoneAlarm')).toMatchObject({
      conditionKey: 'nx:zone:2:alarm',
      state: 'raised',
      severity: 'critical',
      point: 'zone 2',
      text: { en: 'Zone 2 (SERVER ROOM) alarm' },
    });
    expect(rig.alarms.find((a) => a.eventCode === 'nx.partitionAlarm')).toMatchObject({ severity: 'critical', detail: { sirenOn: true } });
    await eventually('the Alarm log event', () => current.alarms.some((a) => a.eventCode === 'nx.log.0'));
    await afterMorePolls(rig, 2);
    expect(states(rig.alarms, 'nx.zoneAlarm')).toEqual(['raised']);

    expect(await rig.session.runTestCommand('disarm', { partition: 1 })).toContain('accepted');
    await eventually('the zone alarm restore', () => states(current.alarms, 'nx.zoneAlarm').length === 2);
    await eventually('the partition alarm restore', () => states(current.alarms, 'nx.partitionAlarm').length === 2);
    expect(states(rig.alarms, 'nx.zoneAlarm')).toEqual(['raised', 'restored']);
    expect(rig.latest('nx:partition:1:sirenOn')).toBe(false);
  });

  it('answers every ack-requested message with 1Dh, so the panel never has to send one again', async () => {
    rig = await openPanelRig({ framing });
    rig.session.start();
    await started(rig);
    rig.panel.faultZone(1, true);
    rig.panel.tamper(3);
    rig.panel.acFail(true);
    const current = rig;
    await eventually('the tamper and AC alarms', () => current.alarms.some((a) => a.eventCode === 'nx.acFail') && current.alarms.some((a) => a.eventCode === 'nx.zoneTamper'));
    await eventually('an ack for every ack-requested message', () => ackRequested(current) > 0 && positiveAcksFrom(current) === ackRequested(current));
    expect(rig.panel.retransmissions).toBe(0);
    expect(rig.traffic.filter((r) => r.direction === 'tx' && r.summary === '1Dh positive acknowledge')).toHaveLength(positiveAcksFrom(rig));
  });

  it('disarms with the right PIN and reports a wrong PIN as a clear failure that changes nothing', async () => {
    rig = await openPanelRig({ framing, session: { pin: '1234' } });
    rig.session.start();
    await started(rig);
    expect(await rig.session.runTestCommand('armAway', { partition: 1 })).toContain('accepted');
    const current = rig;
    await eventually('the armed partition', () => current.latest('nx:partition:1:armed') === true);
    expect(await rig.session.runTestCommand('disarm', { partition: 1 })).toContain('accepted');
    await eventually('the disarmed partition', () => current.latest('nx:partition:1:armed') === false);
    expect(rig.panel.partition(1)?.armed).toBe(false);

    await rig.close();
    rig = await openPanelRig({ framing, session: { pin: '9999' } });
    rig.session.start();
    await started(rig);
    await expect(rig.session.runTestCommand('armStay', { partition: 1 })).rejects.toMatchObject({ code: 'devices.nx584.commandFailed', params: { command: 'armStay' } });
    expect(rig.panel.partition(1)?.armed).toBe(false);
  });

  it('never shows the PIN in a traffic summary or in the recorded bytes', async () => {
    rig = await openPanelRig({ framing, panel: { pin: '4321' }, session: { pin: '4321' } });
    rig.session.start();
    await started(rig);
    await rig.session.runTestCommand('armAway', { partition: 1 });
    await rig.session.runTestCommand('disarm', { partition: 1 });
    expect(rig.panel.received.filter((r) => r.kind === 'keypadFunctionWithPin')).toHaveLength(2);
    const commands = rig.traffic.filter((r) => r.direction === 'tx' && r.summary.startsWith('3Ch'));
    expect(commands).toHaveLength(2);
    for (const record of rig.traffic) {
      expect(record.summary).not.toContain('4321');
      // BCD of 4321 is 34 12: neither raw nor as ASCII hex.
      const text = Buffer.from(record.bytes).toString('hex');
      expect(text).not.toContain('3412');
      expect(String.fromCharCode(...record.bytes)).not.toContain('3412');
    }
    expect(commands[0]?.summary).toContain('PIN ****');
  });
});

describe('NX-584 session supervision and alarms (binary framing)', () => {
  let rig: PanelRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('acknowledges nothing until the alarm is committed, so the retransmitted message is reported once', async () => {
    let attempts = 0;
    rig = await openPanelRig({
      framing: 'binary',
      commitAlarm: async (alarm) => {
        if (alarm.eventCode !== 'nx.zoneTamper') return;
        attempts += 1;
        if (attempts === 1) throw new Error('database busy');
      },
    });
    rig.session.start();
    await started(rig);
    rig.panel.tamper(2);
    const current = rig;
    await eventually('the committed tamper alarm', () => current.alarms.some((a) => a.eventCode === 'nx.zoneTamper'));
    expect(rig.panel.retransmissions).toBeGreaterThanOrEqual(1);
    await afterMorePolls(rig, 2);
    expect(states(rig.alarms, 'nx.zoneTamper')).toEqual(['raised']);
    expect(attempts).toBe(2);
  });

  it('raises AC fail and low battery as major, phone line fault as minor, and restores them', async () => {
    rig = await openPanelRig({ framing: 'binary' });
    rig.session.start();
    await started(rig);
    rig.panel.acFail(true);
    rig.panel.lowBattery(true);
    rig.panel.phoneFault(true);
    rig.panel.trouble(4);
    const current = rig;
    const severityOf = (code: string): string | undefined => current.alarms.find((a) => a.eventCode === code && a.state === 'raised')?.severity;
    await eventually('the system alarms', () => ['nx.acFail', 'nx.lowBattery', 'nx.phoneLineFault', 'nx.zoneTrouble'].every((code) => severityOf(code)));
    expect([severityOf('nx.acFail'), severityOf('nx.lowBattery'), severityOf('nx.phoneLineFault'), severityOf('nx.zoneTrouble')]).toEqual(['major', 'major', 'minor', 'minor']);
    rig.panel.acFail(false);
    await eventually('the AC restore', () => states(current.alarms, 'nx.acFail').join() === 'raised,restored');
  });

  it('reports log events as status alarms with the time the panel logged them', async () => {
    const loggedAt = new Date(2026, 10, 25, 3, 7, 0).getTime();
    rig = await openPanelRig({ framing: 'binary', panel: { now: () => loggedAt }, session: { now: () => new Date(2026, 10, 25, 3, 9).getTime() } });
    rig.session.start();
    await started(rig);
    rig.panel.acFail(true);
    const current = rig;
    await eventually('the AC fail log event', () => current.alarms.some((a) => a.eventCode === 'nx.log.26'));
    expect(rig.alarms.find((a) => a.eventCode === 'nx.log.26')).toMatchObject({
      state: 'status',
      severity: 'major',
      at: loggedAt,
      point: 'device 8',
      text: { zh: '交流电故障', en: 'AC fail' },
    });
  });

  it('raises link.lost when the panel falls silent and restores it when it answers again', async () => {
    rig = await openPanelRig({ framing: 'binary' });
    rig.session.start();
    await started(rig);
    rig.panel.silence(true);
    const current = rig;
    await eventually('the link alarm', () => current.alarms.some((a) => a.eventCode === 'link.lost'));
    expect(rig.alarms.find((a) => a.eventCode === 'link.lost')).toMatchObject({ conditionKey: 'link', state: 'raised', severity: 'major' });
    rig.panel.silence(false);
    await eventually('the link restore', () => states(current.alarms, 'link.lost').join() === 'raised,restored');
  });

  it('reports line noise as bad frames and keeps working', async () => {
    rig = await openPanelRig({ framing: 'binary' });
    rig.session.start();
    await started(rig);
    await rig.panel.garbage(Uint8Array.from([0x01, 0x02, 0x7e, 0x05, 0x04, 0x00, 0x7e]));
    const current = rig;
    await eventually('the bad frames', () => current.traffic.filter((r) => !r.ok).length >= 2);
    await afterMorePolls(rig, 2);
    expect(rig.alarms).toEqual([]);
  });

  it('refuses wrong test command arguments and a PIN command without a PIN, before sending anything', async () => {
    rig = await openPanelRig({ framing: 'binary' });
    expect(rig.session.testCommands().filter((c) => c.dangerous).map((c) => c.id)).toEqual(['armAway', 'armStay', 'disarm', 'silence', 'bypassZone']);
    rig.session.start();
    await started(rig);
    const sent = rig.panel.received.length;
    await expect(rig.session.runTestCommand('disarm', { partition: 1 })).rejects.toMatchObject({ code: 'devices.nx584.pinRequired' });
    await expect(rig.session.runTestCommand('zoneStatus', { zone: 0 })).rejects.toMatchObject({ code: 'devices.nx584.badParam', params: { param: 'zone' } });
    await expect(rig.session.runTestCommand('partitionStatus', { partition: '1' })).rejects.toMatchObject({ code: 'devices.nx584.badParam' });
    await expect(rig.session.runTestCommand('zoneStatus', { zone: 1, pin: '1234' })).rejects.toMatchObject({ code: 'devices.nx584.badParam', params: { param: 'pin' } });
    await expect(rig.session.runTestCommand('open', {})).rejects.toMatchObject({ code: 'devices.nx584.unknownTestCommand' });
    expect(rig.panel.received.slice(sent).filter((r) => r.kind !== 'systemStatusRequest' && r.kind !== 'positiveAck')).toEqual([]);

    expect(await rig.session.runTestCommand('zoneStatus', { zone: 2 })).toBe('04h zone 2 status: none');
    expect(await rig.session.runTestCommand('bypassZone', { zone: 2 })).toContain('accepted');
    const current = rig;
    await eventually('the bypassed zone', () => current.latest('nx:zone:2:bypassed') === true);
  });
});
