import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSerialSettings } from '../../../../../electron/core/devices/port/byte-port';
import { shippedModbusModel } from '../../../../../electron/core/devices/modbus/models/shipped-models';
import { createModbusSession, type ModbusSession } from '../../../../../electron/core/devices/modbus/session';
import { openVirtualSerialPair, type VirtualSerialPair } from '../../../../support/virtual-serial-pair';
import { eventually } from '../../../../support/eventually';
import { recordSession, type SessionRecorder } from '../../../../support/session-recorder';

const serverScript = fileURLToPath(new URL('./pymodbus_rtu_server.py', import.meta.url));

describe('interop with pymodbus 3.0 as the RTU slave', () => {
  let pair: VirtualSerialPair;
  let python: ChildProcess;
  let pythonOutput = '';

  beforeAll(async () => {
    pair = await openVirtualSerialPair();
    python = spawn('/usr/bin/python3', [serverScript, pair.b], { stdio: ['ignore', 'pipe', 'pipe'] });
    python.stdout?.on('data', (chunk: Buffer) => (pythonOutput += chunk.toString()));
    python.stderr?.on('data', (chunk: Buffer) => (pythonOutput += chunk.toString()));
    await eventually(`pymodbus to start (${pythonOutput})`, () => pythonOutput.includes('ready') || python.exitCode !== null, 15_000);
    if (!pythonOutput.includes('ready')) throw new Error(`pymodbus server did not start: ${pythonOutput}`);
  });

  afterAll(async () => {
    if (python && python.exitCode === null) {
      const exited = new Promise((resolve) => python.once('exit', resolve));
      python.kill('SIGTERM');
      await exited;
    }
    await pair?.unplug();
  });

  async function poll(modelId: string, slaveAddress: number, until: (recorder: SessionRecorder) => boolean): Promise<{ recorder: SessionRecorder; session: ModbusSession }> {
    const model = shippedModbusModel(modelId);
    if (!model) throw new Error(`no model ${modelId}`);
    const recorder = recordSession();
    const session = await createModbusSession({
      path: pair.a,
      serialSettings: defaultSerialSettings,
      handlers: recorder.handlers,
      now: Date.now,
      slaveAddress,
      model,
      pollIntervalMs: 100,
      timeoutMs: 1000,
      linkLostAfterFailures: 3,
    });
    session.start();
    try {
      await eventually('the readings', () => until(recorder), 10_000);
    } finally {
      await session.close();
    }
    return { recorder, session };
  }

  it('reads the transmitter\'s scaled, signed values from pymodbus', async () => {
    const { recorder, session } = await poll('th-rs485-generic', 1, (r) => r.latest('modbus:1:temperature') !== undefined);
    expect(recorder.latest('modbus:1:humidity')).toBe(62.6);
    expect(recorder.latest('modbus:1:temperature')).toBe(-10);
    expect(recorder.alarms.map((a) => a.conditionKey)).toEqual(['modbus:1:temperature:low']);
    expect(session.counters()).toMatchObject({ timeouts: 0, badReplies: 0, exceptions: 0 });
  });

  it('reads input registers, a low-word-first 32-bit counter and packed status bits from pymodbus', async () => {
    const { recorder } = await poll('precision-ac-generic', 3, (r) => r.latest('modbus:3:compressorHours') !== undefined && r.latest('modbus:3:running') !== undefined);
    expect(recorder.latest('modbus:3:returnTemperature')).toBe(28.5);
    expect(recorder.latest('modbus:3:returnHumidity')).toBe(45.6);
    expect(recorder.latest('modbus:3:supplyTemperature')).toBe(18);
    expect(recorder.latest('modbus:3:compressorHours')).toBe(70000);
    expect(recorder.latest('modbus:3:running')).toBe(true);
    expect(recorder.latest('modbus:3:highPressure')).toBe(false);
    expect(recorder.latest('modbus:3:lowPressure')).toBe(true);
    expect(recorder.latest('modbus:3:filterClogged')).toBe(true);
  });

  it('gets pymodbus\'s exception 02 for an address it does not hold, as an error and not a crash', async () => {
    const model = shippedModbusModel('th-rs485-generic');
    if (!model) throw new Error('no model');
    const recorder = recordSession();
    const session = await createModbusSession({
      path: pair.a, serialSettings: defaultSerialSettings, handlers: recorder.handlers, now: Date.now,
      slaveAddress: 1, model, pollIntervalMs: 1000, timeoutMs: 1000, linkLostAfterFailures: 3,
    });
    try {
      await expect(session.runTestCommand('readRegisters', { function: 3, address: 0x100, count: 1 })).rejects.toMatchObject({
        code: 'devices.modbus.exception', params: { exception: 2 },
      });
      expect(recorder.traffic.at(-1)).toMatchObject({ direction: 'rx', ok: true, summary: expect.stringContaining('illegal data address') });
    } finally {
      await session.close();
    }
  });
});
