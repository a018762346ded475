import { afterEach, describe, expect, it } from 'vitest';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { shippedModbusModel } from '../../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSession, type ModbusSession } from '../../../../../electron/core/devices/modbus/session';
import { createModbusSimulator, type ModbusSimulator } from '../../../../../electron/core/devices/modbus/simulator';
import { encodeResponse, type ModbusRequest } from '../../../../../electron/core/devices/modbus/rtu-frame';
import { eventually, sleep } from '../../../../support/eventually';
import { recordSession, type SessionRecorder } from '../../../../support/session-recorder';
import { openSessionRig } from '../../../../support/session-rig';
import type { VirtualSerialPair } from '../../../../support/virtual-serial-pair';

interface Rig {
  pair: VirtualSerialPair;
  simulator: ModbusSimulator;
  session: ModbusSession;
  recorder: SessionRecorder;
  requests: ModbusRequest[];
}

const rigs: (() => Promise<void>)[] = [];

/** A simulated device of a shipped model on a socat pty pair, and a session polling it from the other end. */
async function rig(modelId: string, options: { linkLostAfterFailures?: number } = {}): Promise<Rig> {
  const model = shippedModbusModel(modelId);
  if (!model) throw new Error(`no model ${modelId}`);
  const requests: ModbusRequest[] = [];
  const { pair, simulator, session, recorder, close } = await openSessionRig({
    serial: defaultSerialSettings,
    simulator: (port) => {
      const simulator = createModbusSimulator({ port, model });
      simulator.onRequest((request) => requests.push(request));
      return simulator;
    },
    session: (end, handlers) =>
      createModbusSession({
        path: end.path,
        serialSettings: defaultSerialSettings,
        handlers,
        now: Date.now,
        slaveAddress: model.defaults.slaveAddress,
        model,
        pollIntervalMs: 40,
        timeoutMs: 150,
        linkLostAfterFailures: options.linkLostAfterFailures ?? 3,
      }),
  });
  rigs.push(close);
  return { pair, simulator, session, recorder, requests };
}

afterEach(async () => {
  for (const close of rigs.splice(0)) await close();
});

const alarmLog = (recorder: SessionRecorder, key: string) =>
  recorder.alarms.filter((a) => a.conditionKey === key).map((a) => a.state);

describe('the Modbus session against the simulator over a pty', () => {
  it('reports every point scaled, keyed by slave and point, reading both in one request', async () => {
    const { session, simulator, recorder, requests } = await rig('th-rs485-generic');
    simulator.set('humidity', 62.6);
    simulator.set('temperature', -10.5);
    session.start();
    await eventually('readings', () => recorder.latest('modbus:1:temperature') !== undefined);
    expect(recorder.latest('modbus:1:humidity')).toBe(62.6);
    expect(recorder.latest('modbus:1:temperature')).toBe(-10.5);
    expect(recorder.readings.find((r) => r.key === 'modbus:1:temperature')).toMatchObject({ unit: '°C', label: { zh: '温度', en: 'Temperature' } });
    expect(requests[0]).toEqual({ slave: 1, function: 3, address: 0, count: 2 });
  });

  it('shows each exchange in traffic with the real bytes and the latency', async () => {
    const { session, recorder } = await rig('th-rs485-generic');
    session.start();
    await eventually('a reply', () => recorder.traffic.some((t) => t.direction === 'rx'));
    const [tx, rx] = recorder.traffic;
    expect(tx).toMatchObject({ direction: 'tx', ok: true, summary: 'slave 1 read holding registers 0x0000 ×2' });
    expect(Buffer.from(tx?.bytes ?? []).toString('hex')).toBe('010300000002c40b');
    expect(rx).toMatchObject({ direction: 'rx', ok: true, summary: 'slave 1 read holding registers 0x0000: 550 230' });
    expect(rx?.bytes).toHaveLength(9);
    expect(rx?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('raises a high temperature once, holds it while the value hovers in the deadband, restores below it', async () => {
    const { session, simulator, recorder } = await rig('th-rs485-generic');
    const key = 'modbus:1:temperature:high';
    session.start();
    await eventually('first reading', () => recorder.latest('modbus:1:temperature') === 23);
    simulator.overThreshold('temperature');
    await eventually('the raise', () => alarmLog(recorder, key).length === 1);
    expect(recorder.alarms.find((a) => a.conditionKey === key)).toMatchObject({
      state: 'raised', eventCode: 'modbus.high', severity: 'major', point: 'temperature',
      text: { zh: '机房温度过高', en: 'Room temperature high' },
      detail: { slave: 1, value: 28.1, limit: 28, hysteresis: 0.5, unit: '°C' },
    });
    for (const hovering of [28, 27.6, 28.4, 27.8, 28.2]) {
      simulator.set('temperature', hovering);
      await eventually(`a reading of ${hovering}`, () => recorder.latest('modbus:1:temperature') === hovering);
    }
    expect(alarmLog(recorder, key)).toEqual(['raised']);
    simulator.set('temperature', 27.5);
    await eventually('the restore', () => alarmLog(recorder, key).length === 2);
    expect(alarmLog(recorder, key)).toEqual(['raised', 'restored']);
  });

  it('decides an alarm again on the next poll when committing it failed', async () => {
    const { session, simulator, recorder } = await rig('th-rs485-generic');
    recorder.failNextCommits(1);
    simulator.overThreshold('temperature');
    session.start();
    await eventually('the raise', () => alarmLog(recorder, 'modbus:1:temperature:high').length === 1);
    expect(session.counters().alarmCommitFailures).toBe(1);
  });

  it('raises a leak and a broken sensing cable from the leak controller', async () => {
    const { session, simulator, recorder } = await rig('leak-rs485-generic');
    session.start();
    await eventually('first reading', () => recorder.latest('modbus:2:leak') === false);
    simulator.leak(true);
    simulator.set('cableBreak', true);
    await eventually('both alarms', () => recorder.alarms.length === 2);
    expect(recorder.alarms.map((a) => [a.conditionKey, a.eventCode, a.severity])).toEqual(
      expect.arrayContaining([
        ['modbus:2:leak:state', 'modbus.state', 'critical'],
        ['modbus:2:cableBreak:state', 'modbus.state', 'major'],
      ]),
    );
    simulator.leak(false);
    await eventually('the leak restored', () => alarmLog(recorder, 'modbus:2:leak:state').join() === 'raised,restored');
  });

  it('reads a multi-block map: packed status bits and a low-word-first 32-bit counter', async () => {
    const { session, simulator, recorder, requests } = await rig('precision-ac-generic');
    simulator.set('compressorHours', 70000);
    simulator.set('lowPressure', true);
    session.start();
    await eventually('readings', () => recorder.latest('modbus:3:compressorHours') !== undefined && recorder.latest('modbus:3:lowPressure') !== undefined);
    expect(recorder.latest('modbus:3:compressorHours')).toBe(70000);
    expect(recorder.latest('modbus:3:lowPressure')).toBe(true);
    expect(recorder.latest('modbus:3:highPressure')).toBe(false);
    expect(recorder.latest('modbus:3:running')).toBe(true);
    // The status word and the alarm word share one read; the four input registers (one is 32-bit) another.
    expect(requests.slice(0, 2)).toEqual([
      { slave: 3, function: 3, address: 0x10, count: 2 },
      { slave: 3, function: 4, address: 0, count: 5 },
    ]);
    await eventually('the low-pressure alarm', () => alarmLog(recorder, 'modbus:3:lowPressure:state').length === 1);
  });

  it('counts an exception reply, shows it in traffic and keeps polling', async () => {
    const { session, simulator, recorder } = await rig('th-rs485-generic');
    simulator.exception(4);
    session.start();
    await eventually('a reading after the exception', () => recorder.readings.length > 0);
    expect(session.counters()).toMatchObject({ exceptions: 1 });
    expect(recorder.traffic.find((t) => t.summary.includes('exception'))).toMatchObject({
      direction: 'rx', ok: true, summary: 'slave 1 read holding registers exception 04 slave device failure',
    });
    expect(recorder.alarms.filter((a) => a.eventCode === 'link.lost')).toEqual([]);
  });

  it('counts a reply with a bad CRC as a failure and shows its bytes as rejected', async () => {
    const { session, simulator, recorder } = await rig('th-rs485-generic', { linkLostAfterFailures: 5 });
    simulator.silence(true);
    const corrupted = encodeResponse({ slave: 1, function: 3, registers: [550, 230] });
    corrupted[8] = (corrupted[8] ?? 0) ^ 0xff;
    let sent = false;
    simulator.onRequest(() => {
      if (sent) return;
      sent = true;
      void simulator.garbage(corrupted);
    });
    session.start();
    await eventually('the bad reply', () => session.counters().badReplies === 1);
    expect(recorder.traffic.find((t) => t.direction === 'rx' && !t.ok)).toMatchObject({ bytes: corrupted, summary: 'slave 1 bad reply: CRC error' });
    expect(recorder.readings).toEqual([]);
    simulator.silence(false);
    await eventually('a good reading after it', () => recorder.readings.length > 0);
  });

  it('raises link.lost after N silent polls, once, and restores it on the next reply', async () => {
    const { session, simulator, recorder } = await rig('th-rs485-generic', { linkLostAfterFailures: 3 });
    session.start();
    await eventually('first reading', () => recorder.readings.length > 0);
    simulator.silence(true);
    await eventually('link lost', () => alarmLog(recorder, 'modbus:1:link').length === 1, 3000);
    expect(session.counters().timeouts).toBe(3);
    await sleep(400);
    expect(alarmLog(recorder, 'modbus:1:link')).toEqual(['raised']);
    expect(recorder.alarms.find((a) => a.conditionKey === 'modbus:1:link')).toMatchObject({ eventCode: 'link.lost', detail: { reason: 'timeout', failures: 3 } });
    expect(recorder.traffic.filter((t) => t.direction === 'rx' && !t.ok).length).toBeGreaterThanOrEqual(3);
    simulator.silence(false);
    await eventually('link restored', () => alarmLog(recorder, 'modbus:1:link').length === 2);
    expect(alarmLog(recorder, 'modbus:1:link')).toEqual(['raised', 'restored']);
  });

  it('reports link lost and stops cleanly when the port vanishes', async () => {
    const { session, recorder, pair } = await rig('th-rs485-generic');
    session.start();
    await eventually('first reading', () => recorder.readings.length > 0);
    await pair.unplug();
    await eventually('link lost', () => alarmLog(recorder, 'modbus:1:link').length === 1, 3000);
    // The reason is how the loss showed first: the port's close, the device node gone, or the OS error of a read cut off.
    expect(recorder.alarms.at(-1)).toMatchObject({ eventCode: 'link.lost', state: 'raised', detail: { path: pair.a, reason: expect.stringMatching(/\S/) } });
    expect(session.counters().timeouts).toBe(0);
    await expect(session.runTestCommand('readAll', {})).rejects.toMatchObject({ code: 'devices.modbus.portClosed' });
    const count = recorder.traffic.length;
    await sleep(300);
    expect(recorder.traffic.length).toBe(count);
  });

  it('reads registers on demand, and refuses a bad function, address or count by name', async () => {
    const { session, simulator } = await rig('th-rs485-generic');
    simulator.set('humidity', 40);
    await expect(session.runTestCommand('readRegisters', { function: 3, address: 0, count: 2 })).resolves.toBe('0x0000: 400 230');
    await expect(session.runTestCommand('readRegisters', { function: 5, address: 0, count: 1 })).rejects.toMatchObject({
      code: 'devices.modbus.invalidParams', params: { field: 'function' },
    });
    await expect(session.runTestCommand('readRegisters', { function: 3, address: 0, count: 126 })).rejects.toMatchObject({
      code: 'devices.modbus.invalidParams', params: { field: 'count' },
    });
    await expect(session.runTestCommand('readRegisters', { function: 3, address: '0', count: 1 })).rejects.toMatchObject({
      code: 'devices.modbus.invalidParams', params: { field: 'address' },
    });
    await expect(session.runTestCommand('readRegisters', { function: 3, address: 9, count: 1 })).rejects.toMatchObject({
      code: 'devices.modbus.exception', params: { exception: 2 },
    });
  });

  it('writes a single register only as a dangerous command with valid parameters', async () => {
    const { session, simulator } = await rig('th-rs485-generic');
    expect(session.testCommands().find((c) => c.id === 'writeRegister')).toMatchObject({ dangerous: true, params: { address: 'number', value: 'number' } });
    await expect(session.runTestCommand('writeRegister', { address: 1, value: 70000 })).rejects.toMatchObject({
      code: 'devices.modbus.invalidParams', params: { field: 'value' },
    });
    await expect(session.runTestCommand('writeRegister', { address: 1.5, value: 1 })).rejects.toMatchObject({
      code: 'devices.modbus.invalidParams', params: { field: 'address' },
    });
    await expect(session.runTestCommand('writeRegister', { address: 1, value: -100 })).resolves.toBe('0x0001 = 65436');
    expect(simulator.value('temperature')).toBe(-10);
    await expect(session.runTestCommand('nope', {})).rejects.toMatchObject({ code: 'devices.modbus.unknownCommand' });
  });

  it('refuses a port that does not exist with a clear error', async () => {
    const model = shippedModbusModel('th-rs485-generic');
    if (!model) throw new Error('no model');
    await expect(createModbusSession({
      path: '/dev/does-not-exist-duty', serialSettings: defaultSerialSettings, handlers: recordSession().handlers, now: Date.now,
      slaveAddress: 1, model, pollIntervalMs: 40, timeoutMs: 150, linkLostAfterFailures: 3,
    })).rejects.toMatchObject({ code: 'devices.portOpenFailed', params: { path: '/dev/does-not-exist-duty' } });
  });

  it('reads all points now on demand', async () => {
    const { session } = await rig('th-rs485-generic');
    await expect(session.runTestCommand('readAll', {})).resolves.toBe('humidity 55 %RH, temperature 23 °C');
  });
});
