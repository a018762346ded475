// An NX-584 panel session: start-up reads, transition messages acknowledged after commit, alarms on transitions, link supervision.

import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort } from '../port/byte-port';
import type { DriverSession, SessionHandlers } from '../driver-session';
import { createPollLoop } from '../session/poll-loop';
import { sessionLifecycle } from '../session/session-lifecycle';
import { createRequestLine } from '../session/request-line';
import { createPanelMessageDecoder } from './codec';
import { encodeFrame, type Nx584Framing } from './framing';
import { reportPanelMessage, type ConditionReport } from './panel-report';
import type { Nx584PanelMessage } from './panel-messages';
import { encodeRequest, isValidPin, type Nx584Request } from './requests';
import { describePanelMessage, describeRequest, frameForTraffic } from './summary';
import { nx584TestCommands, testCommandToRequest } from './test-commands';
import { answersRequest, resultOf, type ExchangeOutcome } from './exchange';

export interface Nx584SessionOptions {
  port: BytePort;
  handlers: SessionHandlers;
  now: () => number;
  /** As programmed in the panel's interface settings. */
  framing: Nx584Framing;
  /** The user PIN for arm/disarm (4 or 6 digits); never logged. */
  pin?: string;
  /** Zones read at start (names, status, snapshots); pynx584 defaults to 8. */
  zoneCount?: number;
  /** How often the system status is asked for, which is also the link check. */
  pollIntervalMs?: number;
  /** No valid frame for this long raises `link.lost`. */
  linkLostAfterMs?: number;
  replyTimeoutMs?: number;
}

const linkText = { lost: { zh: '报警主机通信中断', en: 'Alarm panel link lost' }, restored: { zh: '报警主机通信恢复', en: 'Alarm panel link restored' } };
/** How many recent log events are remembered to drop a retransmitted one. */
const seenLogEventLimit = 256;

export function createNx584Session(options: Nx584SessionOptions): DriverSession {
  const { port, handlers, now, framing, pin } = options;
  if (pin !== undefined && !isValidPin(pin)) throw new AppError('devices.nx584.badPin', 'devices.nx584.badPin', {});
  const zoneCount = options.zoneCount ?? 8;
  const pollIntervalMs = options.pollIntervalMs ?? 10_000;
  const linkLostAfterMs = options.linkLostAfterMs ?? 30_000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 2000;

  const decoder = createPanelMessageDecoder(framing);
  const zoneNames = new Map<number, string>();
  const seenLogEvents: string[] = [];
  // One request at a time: the panel's reply is matched to the request by its message number. Messages are reported
  // (and acknowledged) in arrival order; an alarm not committed is not acknowledged, so the panel retransmits it.
  type Reply = Extract<ExchangeOutcome, { kind: 'reply' }>;
  const line = createRequestLine<Nx584Request, Reply>({ handlers, now, replyTimeoutMs, linkLostAfterMs, linkText, running: () => loop.running });
  const { awaited, reports, conditions, link } = line;

  async function send(request: Nx584Request): Promise<void> {
    const frame = encodeRequest(request);
    handlers.traffic({ at: now(), direction: 'tx', bytes: encodeFrame(frameForTraffic(frame), framing), summary: describeRequest(request), ok: true });
    await port.write(encodeFrame(frame, framing));
  }

  const applyCondition = (condition: ConditionReport, at: number): Promise<boolean> =>
    conditions.apply({
      conditionKey: condition.conditionKey,
      state: condition.active ? 'raised' : 'restored',
      eventCode: condition.eventCode,
      severity: condition.severity,
      text: condition.active ? condition.raisedText : condition.restoredText,
      point: condition.point,
      at,
      detail: condition.detail,
    });

  /** Reports one message; true when everything it carried is committed (and so may be acknowledged). */
  async function report(message: Nx584PanelMessage): Promise<boolean> {
    const at = now();
    if (message.kind === 'zoneName') zoneNames.set(message.zone, message.name);
    const result = reportPanelMessage(message, { at, zoneCount, zoneName: (zone) => zoneNames.get(zone) });
    for (const reading of result.readings) handlers.reading(reading);
    let committed = true;
    for (const condition of result.conditions) committed = (await applyCondition(condition, at)) && committed;
    for (const alarm of result.statusAlarms) {
      const key = `${alarm.conditionKey}|${alarm.eventCode}|${alarm.point}|${alarm.at}`;
      if (seenLogEvents.includes(key)) continue;
      if (!(await conditions.commit(alarm))) {
        committed = false;
        continue;
      }
      seenLogEvents.push(key);
      if (seenLogEvents.length > seenLogEventLimit) seenLogEvents.shift();
    }
    return committed;
  }

  function onData(chunk: Uint8Array): void {
    for (const event of decoder.push(chunk)) {
      const at = now();
      if (event.type === 'error') {
        handlers.traffic({ at, direction: 'rx', bytes: event.bytes, summary: `${event.error.code}: ${event.error.detail}`, ok: false });
        continue;
      }
      const { message, frame } = event;
      link.heard();
      const request = awaited.current && answersRequest(awaited.current.request, message) ? awaited.current : undefined;
      const ack = frame.ackRequested ? ' (ack requested)' : '';
      handlers.traffic({
        at,
        direction: 'rx',
        bytes: event.bytes,
        summary: `${describePanelMessage(message)}${ack}`,
        ok: true,
        ...(request ? { latencyMs: at - request.sentAt } : {}),
      });
      if (request) awaited.settle({ kind: 'reply', message });
      void reports.run(async () => {
        await link.restore();
        const committed = await report(message);
        // The acknowledge goes out only after the alarms it covers are committed; otherwise the panel retransmits.
        if (frame.ackRequested && committed && loop.running) await send({ kind: 'positiveAck' }).catch(() => undefined);
      });
    }
  }

  /** Sends a request and, when nothing answered, lets link supervision see it. */
  async function ask(request: Nx584Request): Promise<ExchangeOutcome> {
    const outcome = await line.exchange(request, send);
    if (outcome.kind !== 'reply') await reports.run(() => link.checkSilence());
    // Replies are reported by onData; wait for that so a caller sees the readings it caused.
    await reports.run(async () => undefined);
    return outcome;
  }

  const loop = createPollLoop({
    now,
    intervalMs: pollIntervalMs,
    pace: 'period',
    firstCycleAfterMs: pollIntervalMs,
    startUp: async (still) => {
      await ask({ kind: 'interfaceConfigurationRequest' });
      const system = still() ? await ask({ kind: 'systemStatusRequest' }) : undefined;
      const partitions = system?.kind === 'reply' && system.message.kind === 'systemStatus' && system.message.validPartitions.length ? system.message.validPartitions : [1];
      if (still()) await ask({ kind: 'partitionsSnapshotRequest' });
      for (const partition of partitions) if (still()) await ask({ kind: 'partitionStatusRequest', partition });
      for (let zone = 1; zone <= zoneCount; zone += 1) if (still()) await ask({ kind: 'zoneNameRequest', zone });
      for (let firstZone = 1; firstZone <= zoneCount; firstZone += 16) if (still()) await ask({ kind: 'zonesSnapshotRequest', firstZone });
      for (let zone = 1; zone <= zoneCount; zone += 1) if (still()) await ask({ kind: 'zoneStatusRequest', zone });
    },
    cycle: async () => void (await ask({ kind: 'systemStatusRequest' })),
  });

  return {
    ...sessionLifecycle({ port, onData, loop, starting: () => link.heard(), stopped: () => line.stop() }),
    testCommands: () => nx584TestCommands.map((spec) => ({ ...spec, label: { ...spec.label }, params: { ...spec.params } })),
    async runTestCommand(id, params) {
      const request = testCommandToRequest(id, params, pin);
      if (!loop.running) throw new AppError('devices.nx584.notStarted', 'devices.nx584.notStarted', { command: id });
      return resultOf(id, request, await ask(request), replyTimeoutMs);
    },
  };
}
