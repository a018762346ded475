// A Megatec/Q1 UPS session: one command at a time over a BytePort, Q1 polling, status-bit alarms and link supervision.

import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort } from '../port/byte-port';
import type { DriverSession, SessionHandlers } from '../driver-session';
import { createPollLoop } from '../session/poll-loop';
import { sessionLifecycle } from '../session/session-lifecycle';
import { createRequestLine, type LineFailure } from '../session/request-line';
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

type ExchangeOutcome = MegatecReply | LineFailure;

/** Replies that prove the UPS is there and speaking the protocol. */
const validReplyKinds = new Set<ExchangeOutcome['kind']>(['status', 'rating', 'identity', 'accepted', 'refused']);

export function createMegatecSession(options: MegatecSessionOptions): DriverSession {
  const { port, handlers, now } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const linkLostAfterMs = options.linkLostAfterMs ?? 10_000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 1000;

  const decoder = createLineDecoder();
  // Commands go out one at a time: a Megatec reply carries nothing saying which command it answers. Readings and
  // alarms are reported in order, so two status replies never raise the same alarm twice.
  const linkText = { lost: linkLostText, restored: linkRestoredText };
  const line = createRequestLine<MegatecCommand, MegatecReply>({ handlers, now, replyTimeoutMs, linkLostAfterMs, linkText, running: () => loop.running });
  const { awaited, reports, conditions, link } = line;

  function onData(chunk: Uint8Array): void {
    for (const event of decoder.push(chunk)) {
      const at = now();
      const request = awaited.current;
      if (event.type === 'error') {
        const summary = `${event.error.code}: ${event.error.detail}`;
        handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary, ok: false, ...(request ? { latencyMs: at - request.sentAt } : {}) });
        awaited.settle({ kind: 'error', error: event.error });
        continue;
      }
      if (!request) {
        handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary: `unsolicited line: ${event.text}`, ok: false });
        continue;
      }
      const reply = decodeReply(event.text, request.request);
      handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary: describeReply(reply), ok: reply.kind !== 'error', latencyMs: at - request.sentAt });
      awaited.settle(reply);
    }
  }

  function exchange(command: MegatecCommand): Promise<ExchangeOutcome> {
    return line.exchange(command, async () => {
      const bytes = encodeCommand(command);
      handlers.traffic({ at: now(), direction: 'tx', bytes, summary: describeCommand(command), ok: true });
      await port.write(bytes);
    });
  }

  async function noteOutcome(outcome: ExchangeOutcome): Promise<void> {
    if (outcome.kind === 'stopped') return;
    if (validReplyKinds.has(outcome.kind)) {
      link.heard();
      await link.restore();
      return;
    }
    await link.checkSilence({ lastOutcome: outcome.kind });
  }

  async function reportStatus(status: UpsStatus): Promise<void> {
    const at = now();
    for (const reading of statusReadings(status, at)) handlers.reading(reading);
    for (const spec of statusBitAlarms) {
      const on = status.bits[spec.bit];
      await conditions.apply({
        conditionKey: spec.conditionKey,
        state: on ? 'raised' : 'restored',
        eventCode: spec.eventCode,
        severity: spec.severity,
        text: on ? spec.text : spec.restoredText,
        point: '',
        at,
        detail: { inputVoltage: status.inputVoltage, outputVoltage: status.outputVoltage, batteryVoltage: status.batteryVoltage, loadPercent: status.loadPercent },
      });
    }
  }

  /** Sends one command and reports what its reply means; resolves with the outcome for the caller. */
  async function run(command: MegatecCommand): Promise<ExchangeOutcome> {
    const outcome = await exchange(command);
    await reports.run(async () => {
      await noteOutcome(outcome);
      const at = now();
      if (outcome.kind === 'status') await reportStatus(outcome.status);
      if (outcome.kind === 'rating') for (const reading of ratingReadings(outcome.rating, at)) handlers.reading(reading);
      if (outcome.kind === 'identity') for (const reading of identityReadings(outcome.identity, at)) handlers.reading(reading);
    });
    return outcome;
  }

  const loop = createPollLoop({
    now,
    intervalMs: pollIntervalMs,
    pace: 'period',
    startUp: async (still) => {
      await run({ kind: 'identity' });
      if (still()) await run({ kind: 'rating' });
    },
    cycle: async () => void (await run({ kind: 'status' })),
  });

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
    ...sessionLifecycle({ port, onData, loop, starting: () => link.heard(), stopped: () => line.stop() }),
    testCommands: () => megatecTestCommands.map((spec) => ({ ...spec, label: { ...spec.label }, params: { ...spec.params } })),
    async runTestCommand(id, params) {
      const command = testCommandToMegatec(id, params);
      if (!loop.running) throw new AppError('devices.megatec.notStarted', 'devices.megatec.notStarted', { command: id });
      return resultOf(command, await run(command));
    },
  };
}
