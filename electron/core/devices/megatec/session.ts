// A Megatec/Q1 UPS session: one command at a time over a BytePort, Q1 polling, status-bit alarms and link supervision.

import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort } from '../port/byte-port';
import type { DeviceAlarm, DriverSession, SessionHandlers } from '../driver-session';
import { commandText, createLineDecoder, encodeCommand, type MegatecCommand } from './codec';
import { decodeReply, type MegatecReply, type UpsStatus } from './reply';
import {
  describeCommand,
  describeReply,
  describeStatus,
  identityReadings,
  linkLostText,
  linkRestoredText,
  ratingReadings,
  statusBitAlarms,
  statusReadings,
} from './status-report';
import { megatecTestCommands, testCommandToMegatec } from './test-commands';

export interface MegatecSessionOptions {
  port: BytePort;
  handlers: SessionHandlers;
  now: () => number;
  /** The protocol note says poll about every 2 s. */
  pollIntervalMs?: number;
  /** No valid reply for this long raises `link.lost`. */
  linkLostAfterMs?: number;
  /** How long to wait for a reply (or for the echo that means "not supported"). */
  replyTimeoutMs?: number;
}

type ExchangeOutcome = MegatecReply | { kind: 'noReply' } | { kind: 'writeFailed'; reason: string } | { kind: 'stopped' };

interface PendingRequest {
  command: MegatecCommand;
  sentAt: number;
  timer: ReturnType<typeof setTimeout>;
  settle(outcome: ExchangeOutcome): void;
}

/** Replies that prove the UPS is there and speaking the protocol. */
const validReplyKinds = new Set<ExchangeOutcome['kind']>(['status', 'rating', 'identity', 'accepted', 'refused']);

export function createMegatecSession(options: MegatecSessionOptions): DriverSession {
  const { port, handlers, now } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const linkLostAfterMs = options.linkLostAfterMs ?? 10_000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;

  const decoder = createLineDecoder();
  let running = false;
  // A stop() then start() must not leave the old poll loop running beside the new one.
  let generation = 0;
  let unsubscribe: (() => void) | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: PendingRequest | undefined;
  // Commands go out one at a time: a Megatec reply carries nothing saying which command it answers.
  let commandQueue: Promise<unknown> = Promise.resolve();
  // Readings and alarms are reported in order, so two status replies never raise the same alarm twice.
  let reportQueue: Promise<unknown> = Promise.resolve();
  let lastValidReplyAt = 0;
  let linkLost = handlers.leftActive?.('link') ?? false;
  /** The bits whose raise has been committed; a bit's alarm changes only once its commit resolved. */
  const raisedBits = new Set(statusBitAlarms.filter((spec) => handlers.leftActive?.(spec.conditionKey)).map((spec) => spec.bit));

  const inOrder = <T>(queue: 'command' | 'report', task: () => Promise<T>): Promise<T> => {
    const previous = queue === 'command' ? commandQueue : reportQueue;
    const result = previous.then(task);
    const settled = result.catch(() => undefined);
    if (queue === 'command') commandQueue = settled;
    else reportQueue = settled;
    return result;
  };

  function settlePending(outcome: ExchangeOutcome): PendingRequest | undefined {
    const current = pending;
    if (!current) return undefined;
    pending = undefined;
    clearTimeout(current.timer);
    current.settle(outcome);
    return current;
  }

  function onData(chunk: Uint8Array): void {
    for (const event of decoder.push(chunk)) {
      const at = now();
      const request = pending;
      if (event.type === 'error') {
        const summary = `${event.error.code}: ${event.error.detail}`;
        handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary, ok: false, ...(request ? { latencyMs: at - request.sentAt } : {}) });
        settlePending({ kind: 'error', error: event.error });
        continue;
      }
      if (!request) {
        handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary: `unsolicited line: ${event.text}`, ok: false });
        continue;
      }
      const reply = decodeReply(event.text, request.command);
      handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary: describeReply(reply), ok: reply.kind !== 'error', latencyMs: at - request.sentAt });
      settlePending(reply);
    }
  }

  function exchange(command: MegatecCommand): Promise<ExchangeOutcome> {
    return inOrder('command', async () => {
      if (!running) return { kind: 'stopped' } as const;
      const bytes = encodeCommand(command);
      const outcome = new Promise<ExchangeOutcome>((settle) => {
        const request: PendingRequest = {
          command,
          sentAt: now(),
          settle,
          timer: setTimeout(() => {
            if (pending === request) settlePending({ kind: 'noReply' });
          }, replyTimeoutMs),
        };
        pending = request;
      });
      handlers.traffic({ at: now(), direction: 'tx', bytes, summary: describeCommand(command), ok: true });
      try {
        await port.write(bytes);
      } catch (error) {
        settlePending({ kind: 'writeFailed', reason: error instanceof Error ? error.message : String(error) });
      }
      return outcome;
    });
  }

  async function commitAlarm(alarm: Omit<DeviceAlarm, 'point'>): Promise<boolean> {
    try {
      await handlers.alarm({ ...alarm, point: '' });
      return true;
    } catch {
      // Not committed: the state stays as it was, so the next poll reports the change again.
      return false;
    }
  }

  async function noteOutcome(outcome: ExchangeOutcome): Promise<void> {
    if (outcome.kind === 'stopped') return;
    if (validReplyKinds.has(outcome.kind)) {
      lastValidReplyAt = now();
      if (linkLost) {
        const restored = await commitAlarm({ conditionKey: 'link', state: 'restored', eventCode: 'link.lost', severity: 'major', text: linkRestoredText, at: now(), detail: {} });
        if (restored) linkLost = false;
      }
      return;
    }
    const silentForMs = now() - lastValidReplyAt;
    if (linkLost || silentForMs < linkLostAfterMs) return;
    const detail = { silentForMs, lastOutcome: outcome.kind };
    linkLost = await commitAlarm({ conditionKey: 'link', state: 'raised', eventCode: 'link.lost', severity: 'major', text: linkLostText, at: now(), detail });
  }

  async function reportStatus(status: UpsStatus): Promise<void> {
    const at = now();
    for (const reading of statusReadings(status, at)) handlers.reading(reading);
    for (const spec of statusBitAlarms) {
      const on = status.bits[spec.bit];
      if (on === raisedBits.has(spec.bit)) continue;
      const committed = await commitAlarm({
        conditionKey: spec.conditionKey,
        state: on ? 'raised' : 'restored',
        eventCode: spec.eventCode,
        severity: spec.severity,
        text: on ? spec.text : spec.restoredText,
        at,
        detail: { inputVoltage: status.inputVoltage, outputVoltage: status.outputVoltage, batteryVoltage: status.batteryVoltage, loadPercent: status.loadPercent },
      });
      if (committed && on) raisedBits.add(spec.bit);
      if (committed && !on) raisedBits.delete(spec.bit);
    }
  }

  /** Sends one command and reports what its reply means; resolves with the outcome for the caller. */
  async function run(command: MegatecCommand): Promise<ExchangeOutcome> {
    const outcome = await exchange(command);
    await inOrder('report', async () => {
      await noteOutcome(outcome);
      const at = now();
      if (outcome.kind === 'status') await reportStatus(outcome.status);
      if (outcome.kind === 'rating') for (const reading of ratingReadings(outcome.rating, at)) handlers.reading(reading);
      if (outcome.kind === 'identity') for (const reading of identityReadings(outcome.identity, at)) handlers.reading(reading);
    });
    return outcome;
  }

  async function pollCycle(loop: number): Promise<void> {
    const startedAt = now();
    await run({ kind: 'status' });
    if (!running || loop !== generation) return;
    pollTimer = setTimeout(() => void pollCycle(loop), Math.max(0, pollIntervalMs - (now() - startedAt)));
  }

  async function startUp(loop: number): Promise<void> {
    await run({ kind: 'identity' });
    await run({ kind: 'rating' });
    if (running && loop === generation) await pollCycle(loop);
  }

  function resultOf(command: MegatecCommand, outcome: ExchangeOutcome): string {
    const text = commandText(command);
    switch (outcome.kind) {
      case 'status':
        return describeStatus(outcome.status);
      case 'rating':
      case 'identity':
        return describeReply(outcome);
      case 'accepted':
        return `${text}: accepted`;
      case 'noReply':
        if (command.kind === 'status' || command.kind === 'rating' || command.kind === 'identity') {
          throw new AppError('devices.megatec.noReply', 'devices.megatec.noReply', { command: text, timeoutMs: replyTimeoutMs });
        }
        // These commands have no answer in the protocol: silence is the normal outcome.
        return `${describeCommand(command)}: sent; the UPS does not answer this command`;
      case 'notSupported':
        throw new AppError('devices.megatec.notSupported', 'devices.megatec.notSupported', { command: text });
      case 'refused':
        throw new AppError('devices.megatec.refused', 'devices.megatec.refused', { command: text });
      case 'error':
        throw new AppError('devices.megatec.badReply', 'devices.megatec.badReply', { command: text, reason: `${outcome.error.code}: ${outcome.error.detail}` });
      case 'writeFailed':
        throw new AppError('devices.megatec.writeFailed', 'devices.megatec.writeFailed', { command: text, reason: outcome.reason });
      case 'stopped':
        throw new AppError('devices.megatec.notStarted', 'devices.megatec.notStarted', { command: text });
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      generation += 1;
      lastValidReplyAt = now();
      unsubscribe = port.onData(onData);
      void startUp(generation);
    },
    stop() {
      running = false;
      clearTimeout(pollTimer);
      unsubscribe?.();
      unsubscribe = undefined;
      settlePending({ kind: 'stopped' });
    },
    testCommands: () => megatecTestCommands.map((spec) => ({ ...spec, label: { ...spec.label }, params: { ...spec.params } })),
    async runTestCommand(id, params) {
      const command = testCommandToMegatec(id, params);
      if (!running) throw new AppError('devices.megatec.notStarted', 'devices.megatec.notStarted', { command: id });
      return resultOf(command, await run(command));
    },
  };
}
