import { describe, expect, it } from 'vitest';
import {
  parseModbusDeviceModel,
  type ModbusDeviceModelInput,
} from '../../../../shared/domain/devices/modbus-register-map';

const text = { zh: '温度', en: 'Temperature' };

function model(points: ModbusDeviceModelInput['points']): ModbusDeviceModelInput {
  return { id: 'test-model', name: { zh: '测试', en: 'Test' }, points };
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseModbusDeviceModel(input);
  } catch (error) {
    expect(error).toMatchObject({ code: 'devices.modbus.mapInvalid' });
    return (error as { issues: { path: string; message: string }[] }).issues;
  }
  throw new Error('the map was accepted');
}

describe('the Modbus register map schema', () => {
  it('fills serial defaults, word order, scale and an empty alarm set', () => {
    const parsed = parseModbusDeviceModel(model([{ key: 't', label: text, function: 3, address: 1, type: 's16' }]));
    expect(parsed.defaults).toEqual({ baudRate: 9600, parity: 'none', stopBits: 1, slaveAddress: 1, pollIntervalMs: 2000, timeoutMs: 500 });
    expect(parsed.points[0]).toMatchObject({ wordOrder: 'big', scale: 1, offset: 0, unit: '', alarms: { hysteresis: 0 } });
  });

  it('names the field of every problem', () => {
    const issues = issuesOf(
      model([
        { key: 'ok', label: text, function: 3, address: 0, type: 'u16' },
        { key: 'bad', label: text, function: 3, address: 70000, type: 'u16', scale: 0 },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['points.1.address', 'points.1.scale']));
  });

  it('rejects a slave address outside 1–247 and a baud rate nobody uses', () => {
    const issues = issuesOf({ ...model([{ key: 't', label: text, function: 3, address: 0, type: 'u16' }]), defaults: { slaveAddress: 248, baudRate: 9601 } });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['defaults.slaveAddress', 'defaults.baudRate']));
  });

  it('rejects duplicate keys, numbers in coil tables and a 32-bit value running past the last register', () => {
    const issues = issuesOf(
      model([
        { key: 'a', label: text, function: 3, address: 0, type: 'u16' },
        { key: 'a', label: text, function: 3, address: 1, type: 'u16' },
        { key: 'c', label: text, function: 1, address: 0, type: 'u16' },
        { key: 'd', label: text, function: 4, address: 0xffff, type: 'f32' },
      ]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'points.1.key', message: 'key_duplicate' }),
        expect.objectContaining({ path: 'points.2.type', message: 'type_needs_register_function' }),
        expect.objectContaining({ path: 'points.3.address', message: 'address_past_end' }),
      ]),
    );
  });

  it('rejects limits that cannot work: high not above low, a deadband wider than the band, a limit on a bool', () => {
    const alarm = (value: number) => ({ value, severity: 'major' as const, text });
    const issues = issuesOf(
      model([
        { key: 'a', label: text, function: 3, address: 0, type: 'u16', alarms: { high: alarm(10), low: alarm(20) } },
        { key: 'b', label: text, function: 3, address: 1, type: 'u16', alarms: { high: alarm(30), low: alarm(20), hysteresis: 10 } },
        { key: 'c', label: text, function: 3, address: 2, type: 'bool', alarms: { high: alarm(1) } },
        { key: 'd', label: text, function: 3, address: 3, type: 'u16', alarms: { state: { value: true, severity: 'minor', text } } },
      ]),
    );
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual(
      expect.arrayContaining([
        'points.0.alarms.high.value high_not_above_low',
        'points.1.alarms.hysteresis hysteresis_too_wide',
        'points.2.alarms.high limit_on_bool',
        'points.3.alarms.state state_on_number',
      ]),
    );
  });

  it('allows a bit index only for a bool read from a register', () => {
    const issues = issuesOf(
      model([
        { key: 'a', label: text, function: 3, address: 0, type: 'bool', bit: 3 },
        { key: 'b', label: text, function: 2, address: 0, type: 'bool', bit: 3 },
        { key: 'c', label: text, function: 3, address: 1, type: 'u16', bit: 3 },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['points.1.bit', 'points.2.bit']);
  });
});
