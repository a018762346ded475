import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateThresholds, type ThresholdKind } from '../../../../../electron/core/devices/modbus/threshold-evaluation';
import { parseModbusDeviceModel, type ModbusPoint } from '../../../../../shared/domain/devices/modbus-register-map';

const text = { zh: '文', en: 'text' };

const temperature: ModbusPoint = parseModbusDeviceModel({
  id: 't',
  name: text,
  points: [{
    key: 'temperature', label: text, function: 3, address: 1, type: 's16', scale: 0.1,
    alarms: { high: { value: 28, severity: 'major', text }, low: { value: 18, severity: 'minor', text }, hysteresis: 0.5 },
  }],
}).points[0] as ModbusPoint;

const leak: ModbusPoint = parseModbusDeviceModel({
  id: 'l',
  name: text,
  points: [{ key: 'leak', label: text, function: 3, address: 0, type: 'bool', alarms: { state: { value: true, severity: 'critical', text } } }],
}).points[0] as ModbusPoint;

/** Feeds values through the evaluator as the session does; returns the decisions in order. */
function run(point: ModbusPoint, values: (number | boolean | null)[]): string[] {
  const raised = new Set<ThresholdKind>();
  const log: string[] = [];
  for (const value of values) {
    for (const d of evaluateThresholds(point, value, raised)) {
      log.push(`${d.action} ${d.kind}`);
      if (d.action === 'raise') raised.add(d.kind);
      else raised.delete(d.kind);
    }
  }
  return log;
}

describe('threshold evaluation', () => {
  it('raises a high alarm once above the limit and restores it only below limit − hysteresis', () => {
    expect(run(temperature, [25, 28, 28.1, 29, 28.1, 27.6, 28.3, 27.5])).toEqual(['raise high', 'restore high']);
  });

  it('mirrors that for the low limit', () => {
    expect(run(temperature, [20, 17.9, 18.2, 17.5, 18.4, 18.5])).toEqual(['raise low', 'restore low']);
  });

  it('follows a bool state alarm exactly', () => {
    expect(run(leak, [false, true, true, false, true])).toEqual(['raise state', 'restore state', 'raise state']);
  });

  it('changes nothing on an unreadable value', () => {
    expect(run(temperature, [30, null, null])).toEqual(['raise high']);
  });

  it('never raises twice in a row, and a value hovering inside the band never flaps', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 100, max: 350 }).map((n) => n / 10), { maxLength: 80 }), (values) => {
        const log = run(temperature, values);
        for (const kind of ['high', 'low']) {
          const mine = log.filter((entry) => entry.endsWith(kind));
          mine.forEach((entry, i) => expect(entry.startsWith(i % 2 === 0 ? 'raise' : 'restore')).toBe(true));
        }
        // Between 27.6 and 28.4 °C: above the restore point (27.5), around the limit (28).
        const hovering = values.map((v) => (276 + (Math.round(v * 10) % 9)) / 10);
        expect(run(temperature, [30, ...hovering]).filter((e) => e.endsWith('high'))).toEqual(['raise high']);
      }),
      { numRuns: 300 },
    );
  });
});
