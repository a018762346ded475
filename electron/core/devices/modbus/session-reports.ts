// What the Modbus session reports, built from what happened: limit and link alarms, traffic records.

import type { ModbusPoint } from '../../../../shared/domain/devices/modbus-register-map';
import type { DeviceAlarm, TrafficRecord } from '../driver-session';
import { linkLostAlarm, type LinkState } from '../session/link-watch';
import { describeException, describeReply, describeRequest } from './frame-summary';
import type { PointValue } from './register-decoding';
import type { RtuOutcome } from './rtu-client';
import { encodeRequest, type ModbusRequest } from './rtu-frame';
import type { ThresholdDecision, ThresholdKind } from './threshold-evaluation';

export const thresholdConditionKey = (slave: number, pointKey: string, kind: ThresholdKind): string => `modbus:${slave}:${pointKey}:${kind}`;
export const linkConditionKey = (slave: number): string => `modbus:${slave}:link`;

export function thresholdAlarm(slave: number, point: ModbusPoint, decision: ThresholdDecision, value: PointValue, at: number): DeviceAlarm {
  return {
    conditionKey: thresholdConditionKey(slave, point.key, decision.kind),
    state: decision.action === 'raise' ? 'raised' : 'restored',
    eventCode: `modbus.${decision.kind}`,
    severity: decision.alarm.severity,
    text: decision.alarm.text,
    point: point.key,
    at,
    detail: {
      slave,
      value,
      limit: decision.limit,
      hysteresis: decision.hysteresis,
      unit: point.unit,
      function: point.function,
      address: point.address,
    },
  };
}

export function linkAlarm(slave: number, state: LinkState, at: number, detail: DeviceAlarm['detail']): DeviceAlarm {
  const alarm = linkLostAlarm(linkConditionKey(slave), { lost: { zh: '通信中断', en: 'Communication lost' }, restored: { zh: '通信恢复', en: 'Communication restored' } });
  return alarm(state, at, { slave, ...detail });
}

/**
 * The request as sent and what came back. modbus-serial returns the exact bytes it wrote and read
 * (debug mode, see rtu-client.ts); only if it did not is the request rebuilt here with our own
 * encoder and CRC, for display — an RTU request is fully determined by its fields, so the bytes match.
 */
export function exchangeTraffic(
  request: ModbusRequest,
  outcome: Exclude<RtuOutcome<number[] | boolean[] | null>, { kind: 'portClosed' }>,
  sentAt: number,
  settledAt: number,
  timeoutMs: number,
): [TrafficRecord, TrafficRecord] {
  const tx: TrafficRecord = {
    at: sentAt,
    direction: 'tx',
    bytes: outcome.request ?? encodeRequest(request),
    summary: describeRequest(request),
    ok: true,
  };
  const rx = (bytes: Uint8Array | null, summary: string, ok: boolean): TrafficRecord => ({
    at: settledAt,
    direction: 'rx',
    bytes: bytes ?? new Uint8Array(0),
    summary,
    ok,
    latencyMs: settledAt - sentAt,
  });
  switch (outcome.kind) {
    case 'reply':
      return [tx, rx(outcome.reply, describeReply(request, outcome.value), true)];
    case 'exception':
      return [tx, rx(outcome.reply, describeException(request, outcome.code), true)];
    case 'timeout':
      return [tx, rx(null, `slave ${request.slave} no reply within ${timeoutMs} ms`, false)];
    case 'badReply':
      return [tx, rx(outcome.reply, `slave ${request.slave} bad reply: ${outcome.reason}`, false)];
  }
}
