// A Modbus RTU master session: polls a device model's points, reports readings, limit alarms, link state and traffic.

import { AppError } from '../../../../shared/contract/app-error';
import type { ModbusDeviceModel, ModbusPoint } from '../../../../shared/domain/devices/modbus-register-map';
import type { DetailValue, DriverSession, SessionHandlers } from '../driver-session';
import type { SerialSettings } from '../port/byte-port';
import { exceptionNames, hexAddress } from './frame-summary';
import { decodeBlock, planReads } from './read-plan';
import type { PointValue } from './register-decoding';
import { openRtuClient, type RtuOutcome } from './rtu-client';
import type { ModbusRequest } from './rtu-frame';
import { exchangeTraffic, linkAlarm, linkConditionKey, thresholdAlarm, thresholdConditionKey } from './session-reports';
import { modbusTestCommands, parseReadRegistersParams, parseWriteRegisterParams } from './test-commands';
import { evaluateThresholds, type ThresholdKind } from './threshold-evaluation';

export interface ModbusSessionOptions {
  /** The serial device; modbus-serial opens it itself, so a Modbus session takes a path, not a BytePort. */
  path: string;
  serialSettings: SerialSettings;
  handlers: SessionHandlers;
  now: () => number;
  slaveAddress: number;
  model: ModbusDeviceModel;
  pollIntervalMs: number;
  timeoutMs: number;
  /** Consecutive timeouts or bad replies before `link.lost` is raised; any good reply restores it. */
  linkLostAfterFailures: number;
}

export interface ModbusCounters {
  requests: number;
  replies: number;
  exceptions: number;
  timeouts: number;
  badReplies: number;
  /** `handlers.alarm` rejections; the alarm is decided again on the next poll. */
  alarmCommitFailures: number;
}

export interface ModbusSession extends DriverSession {
  counters(): ModbusCounters;
  /** Stops polling and closes the serial port this session opened; `stop()` does the same without waiting. */
  close(): Promise<void>;
}

const thresholdKinds: readonly ThresholdKind[] = ['high', 'low', 'state'];

type Outcome = RtuOutcome<number[] | boolean[] | null>;

/** Opens the port (rejects with `devices.portOpenFailed`); polling begins with `start()`. */
export async function createModbusSession(options: ModbusSessionOptions): Promise<ModbusSession> {
  const { handlers, now, slaveAddress: slave, model, timeoutMs } = options;
  const client = await openRtuClient({ path: options.path, serialSettings: options.serialSettings, slaveAddress: slave, timeoutMs });
  const blocks = planReads(model.points);
  const raised = new Map<string, Set<ThresholdKind>>();
  const counters: ModbusCounters = { requests: 0, replies: 0, exceptions: 0, timeouts: 0, badReplies: 0, alarmCommitFailures: 0 };
  let failures = 0;
  let linkLost = handlers.leftActive?.(linkConditionKey(slave)) ?? false;
  let running = false;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Polls and test commands run one after another, so two never judge the same alarm state at once.
  let work: Promise<unknown> = Promise.resolve();

  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const result = work.then(task);
    work = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };

  /** True once the device layer has committed the alarm; a rejected commit leaves the state as it was, to be retried. */
  const commit = async (alarm: Parameters<SessionHandlers['alarm']>[0]): Promise<boolean> => {
    try {
      await handlers.alarm(alarm);
      return true;
    } catch {
      counters.alarmCommitFailures++;
      return false;
    }
  };

  const halt = (): void => {
    ended = true;
    running = false;
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const portGone = async (reason: string): Promise<void> => {
    if (ended) return;
    halt();
    if (!linkLost && (await commit(linkAlarm(slave, 'raised', now(), { reason, path: options.path, failures })))) linkLost = true;
    await client.close();
  };
  client.onClose((reason) => void portGone(reason));

  const updateLink = async (kind: Outcome['kind']): Promise<void> => {
    if (kind === 'reply' || kind === 'exception') {
      failures = 0;
      if (linkLost && (await commit(linkAlarm(slave, 'restored', now(), { path: options.path })))) linkLost = false;
      return;
    }
    failures++;
    if (!linkLost && failures >= options.linkLostAfterFailures) {
      const reason = kind === 'timeout' ? 'timeout' : 'badReply';
      if (await commit(linkAlarm(slave, 'raised', now(), { reason, path: options.path, failures }))) linkLost = true;
    }
  };

  const exchange = async (request: ModbusRequest, send: () => Promise<Outcome>): Promise<Outcome> => {
    const sentAt = now();
    const outcome = await send();
    if (ended) return outcome;
    if (outcome.kind === 'portClosed') {
      await portGone('portClosed');
      return outcome;
    }
    counters.requests++;
    if (outcome.kind === 'reply') counters.replies++;
    else if (outcome.kind === 'exception') counters.exceptions++;
    else if (outcome.kind === 'timeout') counters.timeouts++;
    else counters.badReplies++;
    for (const record of exchangeTraffic(request, outcome, sentAt, now(), timeoutMs)) handlers.traffic(record);
    await updateLink(outcome.kind);
    return outcome;
  };

  const applyThresholds = async (point: ModbusPoint, value: PointValue, at: number): Promise<void> => {
    const standing = raised.get(point.key) ?? new Set(thresholdKinds.filter((kind) => handlers.leftActive?.(thresholdConditionKey(slave, point.key, kind))));
    raised.set(point.key, standing);
    for (const decision of evaluateThresholds(point, value, standing)) {
      if (!(await commit(thresholdAlarm(slave, point, decision, value, at)))) continue;
      if (decision.action === 'raise') standing.add(decision.kind);
      else standing.delete(decision.kind);
    }
  };

  /** One pass over every read block; returns a line per point (or failed block) for the engineer. */
  const pollCycle = async (): Promise<string[]> => {
    const lines: string[] = [];
    for (const block of blocks) {
      if (ended) break;
      const request: ModbusRequest = { slave, function: block.function, address: block.address, count: block.count };
      const outcome = await exchange(request, () => client.read(block.function, block.address, block.count));
      if (ended) break;
      if (outcome.kind !== 'reply' || outcome.value === null) {
        lines.push(`${hexAddress(block.address)} ×${block.count}: ${failureOf(outcome).code}`);
        continue;
      }
      const at = now();
      for (const { point, value } of decodeBlock(block, outcome.value)) {
        handlers.reading({ key: `modbus:${slave}:${point.key}`, label: point.label, value, unit: point.unit, at });
        await applyThresholds(point, value, at);
        lines.push(`${point.key} ${value === null ? '—' : String(value)}${point.unit ? ` ${point.unit}` : ''}`);
      }
    }
    return lines;
  };

  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = null;
      void serialized(pollCycle).finally(() => {
        if (running && !ended) schedule(options.pollIntervalMs);
      });
    }, delayMs);
  };

  /** An outcome other than a good reply, as the error a test command rejects with. */
  const failureOf = (outcome: Outcome): AppError => {
    const error = (what: string, params: Record<string, string | number>): AppError =>
      new AppError(`devices.modbus.${what}`, `devices.modbus.${what}`, { slave, ...params });
    switch (outcome.kind) {
      case 'exception':
        return error('exception', { exception: outcome.code, name: exceptionNames[outcome.code] ?? 'unknown' });
      case 'timeout':
        return error('timeout', { timeoutMs });
      case 'badReply':
        return error('badReply', { reason: outcome.reason });
      default:
        return error('portClosed', { path: options.path });
    }
  };

  const runExchange = async (request: ModbusRequest, send: () => Promise<Outcome>): Promise<Outcome & { kind: 'reply' }> => {
    const outcome = await serialized(() => (ended ? Promise.resolve<Outcome>({ kind: 'portClosed' }) : exchange(request, send)));
    if (outcome.kind !== 'reply') throw failureOf(outcome);
    return outcome;
  };

  const close = async (): Promise<void> => {
    halt();
    await client.close();
    await work;
  };

  return {
    start() {
      if (running || ended) return;
      running = true;
      schedule(0);
    },
    stop() {
      void close();
    },
    close,
    counters: () => ({ ...counters }),
    testCommands: () => modbusTestCommands.map((spec) => ({ ...spec, params: { ...spec.params } })),
    async runTestCommand(id: string, params: Record<string, DetailValue>): Promise<string> {
      if (ended) throw failureOf({ kind: 'portClosed' });
      if (id === 'readAll') return (await serialized(pollCycle)).join(', ');
      if (id === 'readRegisters') {
        const p = parseReadRegistersParams(params);
        const request: ModbusRequest = { slave, function: p.function, address: p.address, count: p.count };
        const reply = await runExchange(request, () => client.read(p.function, p.address, p.count));
        const values = (reply.value ?? []).map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
        return `${hexAddress(p.address)}: ${values.join(' ')}`;
      }
      if (id === 'writeRegister') {
        const p = parseWriteRegisterParams(params);
        await runExchange({ slave, function: 6, address: p.address, value: p.value }, () => client.writeRegister(p.address, p.value));
        return `${hexAddress(p.address)} = ${p.value}`;
      }
      throw new AppError('devices.modbus.unknownCommand', 'devices.modbus.unknownCommand', { id });
    },
  };
}
