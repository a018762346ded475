// A Modbus RTU master session: polls a device model's points, reports readings, limit alarms, link state and traffic.

import { AppError } from '../../../../shared/contract/app-error';
import type { ModbusDeviceModel, ModbusPoint } from '../../../../shared/domain/devices/modbus-register-map';
import type { DetailValue, DriverSession, SessionHandlers } from '../driver-session';
import type { SerialSettings } from '../port/byte-port';
import { exceptionNames, hexAddress } from './frame-summary';
import { decodeBlock, planReads } from './read-plan';
import type { PointValue } from './register-decoding';
import { createConditionStates } from '../session/condition-states';
import { createLinkWatch } from '../session/link-watch';
import { createPollLoop } from '../session/poll-loop';
import { createSerialQueue } from '../session/serial-queue';
import { openRtuClient, type RtuOutcome } from './rtu-client';
import type { ModbusRequest } from './rtu-frame';
import { exchangeTraffic, linkAlarm, thresholdAlarm, thresholdConditionKey } from './session-reports';
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
  /** Called once if the port closes under the session (unplugged); not after `close()`. */
  onPortGone(listener: (reason: string) => void): void;
}

const thresholdKinds: readonly ThresholdKind[] = ['high', 'low', 'state'];

type Outcome = RtuOutcome<number[] | boolean[] | null>;

/** Opens the port (rejects with `devices.portOpenFailed`); polling begins with `start()`. */
export async function createModbusSession(options: ModbusSessionOptions): Promise<ModbusSession> {
  const { handlers, now, slaveAddress: slave, model, timeoutMs } = options;
  const client = await openRtuClient({ path: options.path, serialSettings: options.serialSettings, slaveAddress: slave, timeoutMs });
  const blocks = planReads(model.points);
  const counters: ModbusCounters = { requests: 0, replies: 0, exceptions: 0, timeouts: 0, badReplies: 0, alarmCommitFailures: 0 };
  // A rejected commit leaves the state as it was: the next poll decides that alarm again.
  const conditions = createConditionStates(handlers, { onRejected: () => void counters.alarmCommitFailures++ });
  // The link is judged by consecutive failed requests, not by a silence: a slave speaks only when asked.
  const link = createLinkWatch({ conditions, now, lostAfterMs: Number.POSITIVE_INFINITY, alarm: (state, at, detail) => linkAlarm(slave, state, at, detail) });
  let failures = 0;
  let ended = false;
  const portGoneListeners: ((reason: string) => void)[] = [];
  // Polls and test commands run one after another, so two never judge the same alarm state at once.
  const work = createSerialQueue();

  const halt = (): void => {
    ended = true;
    loop.stop();
  };

  const portGone = async (reason: string): Promise<void> => {
    if (ended) return;
    halt();
    await link.lose({ reason, path: options.path, failures });
    await client.close();
    for (const listener of portGoneListeners) listener(reason);
  };
  client.onClose((reason) => void portGone(reason));

  const updateLink = async (kind: Outcome['kind']): Promise<void> => {
    if (kind === 'reply' || kind === 'exception') {
      failures = 0;
      await link.restore({ path: options.path });
      return;
    }
    failures++;
    if (failures >= options.linkLostAfterFailures) await link.lose({ reason: kind === 'timeout' ? 'timeout' : 'badReply', path: options.path, failures });
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
    const standing = new Set(thresholdKinds.filter((kind) => conditions.isRaised(thresholdConditionKey(slave, point.key, kind))));
    for (const decision of evaluateThresholds(point, value, standing)) await conditions.apply(thresholdAlarm(slave, point, decision, value, at));
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

  const loop = createPollLoop({
    now,
    intervalMs: options.pollIntervalMs,
    pace: 'gap',
    cycle: async () => void (await work.run(pollCycle)),
  });

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
    const outcome = await work.run(() => (ended ? Promise.resolve<Outcome>({ kind: 'portClosed' }) : exchange(request, send)));
    if (outcome.kind !== 'reply') throw failureOf(outcome);
    return outcome;
  };

  const close = async (): Promise<void> => {
    halt();
    await client.close();
    await work.run(async () => undefined);
  };

  return {
    start() {
      if (!ended) loop.start();
    },
    stop() {
      void close();
    },
    close,
    onPortGone: (listener) => void portGoneListeners.push(listener),
    counters: () => ({ ...counters }),
    testCommands: () => modbusTestCommands.map((spec) => ({ ...spec, params: { ...spec.params } })),
    async runTestCommand(id: string, params: Record<string, DetailValue>): Promise<string> {
      if (ended) throw failureOf({ kind: 'portClosed' });
      if (id === 'readAll') return (await work.run(pollCycle)).join(', ');
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
