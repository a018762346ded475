// Decides when a point's alarm limits are crossed: raise once on crossing, restore only past the hysteresis band.

import type {
  ModbusLimitAlarm,
  ModbusPoint,
  ModbusStateAlarm,
} from '../../../../shared/domain/devices/modbus-register-map';
import type { PointValue } from './register-decoding';

export type ThresholdKind = 'high' | 'low' | 'state';

export type ThresholdDecision =
  | { kind: 'high' | 'low'; action: 'raise' | 'restore'; alarm: ModbusLimitAlarm; limit: number; hysteresis: number }
  | { kind: 'state'; action: 'raise' | 'restore'; alarm: ModbusStateAlarm; limit: boolean; hysteresis: 0 };

/**
 * `raised` is which of the point's alarms stand now. A high alarm raises when the value goes above
 * the limit and restores once it is at or below `limit − hysteresis`; a low alarm mirrors that; a
 * state alarm stands while the bool equals its value. An unreadable value (null) changes nothing.
 */
export function evaluateThresholds(point: ModbusPoint, value: PointValue, raised: ReadonlySet<ThresholdKind>): ThresholdDecision[] {
  const { high, low, state, hysteresis } = point.alarms;
  const decisions: ThresholdDecision[] = [];
  if (typeof value === 'number') {
    if (high) {
      if (!raised.has('high') && value > high.value) decisions.push({ kind: 'high', action: 'raise', alarm: high, limit: high.value, hysteresis });
      else if (raised.has('high') && value <= high.value - hysteresis) decisions.push({ kind: 'high', action: 'restore', alarm: high, limit: high.value, hysteresis });
    }
    if (low) {
      if (!raised.has('low') && value < low.value) decisions.push({ kind: 'low', action: 'raise', alarm: low, limit: low.value, hysteresis });
      else if (raised.has('low') && value >= low.value + hysteresis) decisions.push({ kind: 'low', action: 'restore', alarm: low, limit: low.value, hysteresis });
    }
  }
  if (typeof value === 'boolean' && state) {
    if (!raised.has('state') && value === state.value) decisions.push({ kind: 'state', action: 'raise', alarm: state, limit: state.value, hysteresis: 0 });
    else if (raised.has('state') && value !== state.value) decisions.push({ kind: 'state', action: 'restore', alarm: state, limit: state.value, hysteresis: 0 });
  }
  return decisions;
}
