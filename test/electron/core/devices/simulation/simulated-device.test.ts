import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createContactIdSession } from '../../../../../electron/core/devices/contact-id/session';
import type { DriverSession } from '../../../../../electron/core/devices/driver-session';
import { createMegatecSession } from '../../../../../electron/core/devices/megatec/session';
import { shippedModbusModel } from '../../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSession } from '../../../../../electron/core/devices/modbus/session';
import { createNx584Session } from '../../../../../electron/core/devices/nx584/session';
import { createOsdpSession } from '../../../../../electron/core/devices/osdp/session';
import type { BytePort } from '../../../../../electron/core/devices/port/byte-port';
import { openSerialBytePort } from '../../../../../electron/core/devices/port/serial-byte-port';
import { startSimulatedDevice, type SimulatedDevice, type StartSimulatedDeviceInput } from '../../../../../electron/core/devices/simulation/simulated-device';
import { openVirtualSerialPair } from '../../../../support/virtual-serial-pair';
import { socatProcessesMentioning } from './socat-processes';
import { eventually } from '../../../../support/eventually';
import { recordSession } from '../../../../support/session-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulated(input: StartSimulatedDeviceInput): Promise<SimulatedDevice> {
  const device = await startSimulatedDevice(input);
  cleanups.push(() => device.stop());
  return device;
}

/** The console's side: the path the simulated device says to configure, opened as the device layer would. */
async function consolePort(device: SimulatedDevice): Promise<BytePort> {
  if (!device.consolePath) throw new Error('no console path');
  const port = await openSerialBytePort(device.consolePath, device.serial);
  cleanups.push(() => port.close());
  return port;
}

function started<S extends DriverSession>(session: S): S {
  session.start();
  cleanups.push(() => session.stop());
  return session;
}

describe('a simulated device on a fresh pty pair answers the real driver session', () => {
  it('alarm receiver: "fire 1234 3" reaches the Contact ID session, which ACKs it after the commit', async () => {
    const device = await simulated({ kind: 'contact-id', options: { heartbeatMs: null } });
    const recorder = recordSession();
    started(createContactIdSession({ port: await consolePort(device), handlers: recorder.handlers, now: Date.now }));
    expect(await device.run('fire 1234 3')).toBe('E110 fire, account 1234, zone 003: ACKed after 1 attempt');
    expect(recorder.alarms).toEqual([expect.objectContaining({ conditionKey: 'cid:1234:110:01:003', state: 'raised', eventCode: 'cid.110', severity: 'critical' })]);
    await device.run('restore 1234 3');
    expect(recorder.alarms.map((a) => a.state)).toEqual(['raised', 'restored']);
    expect(await device.run('status')).toContain('sent 2, ACKs 2, NAKs 0');
  });

  it('OSDP readers: a swipe and a tamper reach the ACU session from the right PD', async () => {
    const device = await simulated({ kind: 'osdp' });
    const recorder = recordSession();
    const port = await consolePort(device);
    started(createOsdpSession({ port, handlers: recorder.handlers, now: Date.now, pds: [{ address: 1 }, { address: 2 }], replyTimeoutMs: 150, pollIntervalMs: 5 }));
    expect(await device.run('swipe 2 8106606')).toContain('PD 2: card 8106606 (hex 7BB26E, 26 bits, facility 123, number 45678)');
    const card = await eventually('card read', () => recorder.alarms.find((a) => a.eventCode === 'osdp.card'));
    expect(card).toMatchObject({ conditionKey: 'osdp:2:card', detail: { cardNumber: '8106606', facility: 123, card: 45678, parityOk: true } });
    await device.run('tamper 1 on');
    await eventually('tamper', () => recorder.alarms.find((a) => a.conditionKey.startsWith('osdp:1:') && a.eventCode === 'osdp.tamper' && a.state === 'raised'));
    await expect(device.run('swipe 3 1')).rejects.toMatchObject({ code: 'devices.sim.badCommand', params: { reason: 'no PD at address 3 on this bus (PDs: 1, 2)' } });
  });

  it('NX-584 panel: a zone alarm and an AC failure reach the session', async () => {
    const device = await simulated({ kind: 'nx584', options: { zones: 4 } });
    const recorder = recordSession();
    const port = await consolePort(device);
    started(createNx584Session({ port, framing: 'binary', handlers: recorder.handlers, now: Date.now, zoneCount: 4, pollIntervalMs: 200, replyTimeoutMs: 400 }));
    await eventually('zone names read', () => recorder.latest('nx:zone:4:name'));
    expect(recorder.latest('nx:zone:1:name')).toBe('FRONT DOOR');
    await device.run('alarm 3');
    await eventually('zone 3 alarm', () => recorder.alarms.find((a) => a.conditionKey === 'nx:zone:3:alarm' && a.state === 'raised'));
    await device.run('ac off');
    await eventually('AC failure', () => recorder.alarms.find((a) => a.eventCode === 'nx.acFail' && a.state === 'raised'));
    await expect(device.run('alarm 5')).rejects.toMatchObject({ params: { reason: 'no zone 5 on this panel (zones 1–4)' } });
  });

  it('UPS: "mains fail" raises ups.onBattery through the Megatec session and "mains ok" restores it', async () => {
    const device = await simulated({ kind: 'megatec' });
    const recorder = recordSession();
    started(createMegatecSession({ port: await consolePort(device), handlers: recorder.handlers, now: Date.now, pollIntervalMs: 50, replyTimeoutMs: 250 }));
    await device.run('mains fail');
    await eventually('on battery', () => recorder.alarms.find((a) => a.conditionKey === 'ups:onBattery' && a.state === 'raised'));
    await device.run('mains ok');
    await eventually('back on line', () => recorder.alarms.find((a) => a.conditionKey === 'ups:onBattery' && a.state === 'restored'));
  });

  it('Modbus sensor: a set value is read by the Modbus session and "over temperature" raises the high limit', async () => {
    const device = await simulated({ kind: 'modbus', options: { modelId: 'th-rs485-generic' } });
    const model = shippedModbusModel('th-rs485-generic');
    if (!model || !device.consolePath) throw new Error('setup');
    const recorder = recordSession();
    const session = await createModbusSession({
      path: device.consolePath,
      serialSettings: device.serial,
      handlers: recorder.handlers,
      now: Date.now,
      model,
      slaveAddress: 1,
      pollIntervalMs: 40,
      timeoutMs: 150,
      linkLostAfterFailures: 3,
    });
    session.start();
    cleanups.push(() => session.close());
    expect(await device.run('set temperature 24.6')).toBe('temperature = 24.6 °C');
    await eventually('24.6 °C read', () => recorder.latest('modbus:1:temperature') === 24.6);
    expect(await device.run('over temperature')).toBe('temperature = 28.1 °C (past its limit)');
    await eventually('high temperature', () => recorder.alarms.find((a) => a.conditionKey === 'modbus:1:temperature:high' && a.state === 'raised'));
    await expect(device.run('set pressure 3')).rejects.toMatchObject({ params: { reason: 'model th-rs485-generic has no point "pressure" (points: humidity, temperature)' } });
    await expect(device.run('set temperature 9999')).rejects.toMatchObject({ code: 'devices.sim.badCommand' });
  });
});

describe('running and stopping a simulated device', () => {
  it('plays on a given device path (an adapter, an existing pty) and leaves that port alone when stopped', async () => {
    const pair = await openVirtualSerialPair();
    cleanups.push(() => pair.unplug());
    const device = await startSimulatedDevice({ kind: 'megatec', path: pair.b });
    expect(device.consolePath).toBeNull();
    expect(device.devicePath).toBe(pair.b);
    const recorder = recordSession();
    const port = await openSerialBytePort(pair.a, device.serial);
    cleanups.push(() => port.close());
    const session = started(createMegatecSession({ port, handlers: recorder.handlers, now: Date.now, pollIntervalMs: 50, replyTimeoutMs: 250 }));
    await eventually('a UPS reading', () => recorder.readings.length > 0);
    session.stop();
    await device.stop();
    expect(existsSync(pair.a)).toBe(true);
  });

  it('refuses a bad line without stopping: the next command still runs', async () => {
    const device = await simulated({ kind: 'megatec' });
    await expect(device.run('mains maybe')).rejects.toMatchObject({ code: 'devices.sim.badCommand', params: { reason: 'mains: mains must be fail or ok, got "maybe"' } });
    await expect(device.run('launch rockets')).rejects.toMatchObject({ params: { reason: 'unknown command "launch" for the megatec simulator; type help for the list' } });
    expect(await device.run('mains fail; status')).toMatch(/^mains failed.*\nUPS: input 0 V .*on battery yes/s);
  });

  it('runs a script with waits in order, through the injected wait', async () => {
    const waits: number[] = [];
    const device = await simulated({ kind: 'megatec', wait: async (ms) => void waits.push(ms) });
    expect((await device.run('fault on; wait 500; fault off; silence on')).split('\n')).toEqual(['UPS fault', 'waited 500 ms', 'UPS fault cleared', 'silence on']);
    expect(waits).toEqual([500]);
    expect(await device.run('status')).toMatch(/; silent$/);
  });

  it('kills its socat when stopped: the console path and the process are gone, and later commands are refused', async () => {
    const device = await startSimulatedDevice({ kind: 'contact-id', options: { heartbeatMs: null } });
    const consolePath = device.consolePath ?? '';
    expect(existsSync(consolePath)).toBe(true);
    expect(socatProcessesMentioning(consolePath)).toHaveLength(1);
    await device.stop();
    await device.stop();
    expect(existsSync(consolePath)).toBe(false);
    expect(socatProcessesMentioning(consolePath)).toEqual([]);
    await expect(device.run('heartbeat')).rejects.toMatchObject({ code: 'devices.sim.stopped' });
  });

  it('tells when the device port goes away by itself, and not when stopped', async () => {
    const pair = await openVirtualSerialPair();
    const device = await simulated({ kind: 'megatec', path: pair.b });
    const closed = new Promise<Error | undefined>((resolve) => device.onClose(resolve));
    await pair.unplug();
    // serialport's DisconnectedError, or devices.portGone if the node vanishing is noticed first.
    expect(await closed).toBeInstanceOf(Error);
    const quiet = await simulated({ kind: 'megatec' });
    let told = false;
    quiet.onClose(() => (told = true));
    await quiet.stop();
    expect(told).toBe(false);
  });
});
