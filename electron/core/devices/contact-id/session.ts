// The alarm receiver session: decodes the receiver's messages in order, commits each event, then ACKs it.

import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort } from '../port/byte-port';
import { createConditionStates } from '../session/condition-states';
import { createLinkWatch } from '../session/link-watch';
import type { AlarmOutcome, DetailValue, DeviceAlarm, DriverSession, SessionHandlers, TestCommandSpec } from '../driver-session';
import { createReceiverDecoder, type ReceiverDecoded } from './codec';
import { ackBytes, nakBytes } from './encoder';
import { contactIdAlarm, linkAlarm } from './event-alarm';
import { describeReceiverMessage, summarizeReceiverMessage } from './frame-summary';

export interface ContactIdSessionOptions {
  port: BytePort;
  handlers: SessionHandlers;
  now: () => number;
  /**
   * No decodable message (heartbeat, event or other) for this long raises `link.lost`. The receiver sends its
   * heartbeat about every 30 s (Sur-Gard MLR2 manual), so the default allows for one missed beat and a half.
   */
  heartbeatTimeoutMs?: number;
  /** Longest message kept while waiting for its DC4. */
  maxMessageBytes?: number;
}

type Job = { kind: 'message'; item: ReceiverDecoded; at: number } | { kind: 'silence'; at: number };

const linkCheckCommand: TestCommandSpec = {
  id: 'link-check',
  label: { zh: '检查接警机链路', en: 'Check receiver link' },
  dangerous: false,
  params: {},
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createContactIdSession(options: ContactIdSessionOptions): DriverSession {
  const { port, handlers, now, heartbeatTimeoutMs = 75_000, maxMessageBytes } = options;
  const decoder = createReceiverDecoder(maxMessageBytes);
  // Jobs run strictly one after another: the receiver sends the next message only after our ACK, and a
  // burst already buffered in the port must be committed in the order it was sent.
  const jobs: Job[] = [];
  let draining = false;
  let running = false;
  let unsubscribe: (() => void) | undefined;
  let startedAt = 0;
  let lastFrameAt: number | undefined;
  let lastHeartbeatAt: number | undefined;
  /** Why the last link alarm could not be committed (it is retried); shown by `link-check`. */
  let linkCommitError: string | undefined;

  interface Reply {
    bytes: Uint8Array;
    since: number;
    summary: string;
  }

  /** Sends replies that are due together in one write: a burst's ACKs cost one write per commit, not one each. */
  const replyAll = async (replies: readonly Reply[]): Promise<void> => {
    if (replies.length === 0) return;
    const bytes = new Uint8Array(replies.reduce((n, r) => n + r.bytes.length, 0));
    let offset = 0;
    for (const r of replies) {
      bytes.set(r.bytes, offset);
      offset += r.bytes.length;
    }
    let failure: string | undefined;
    try {
      await port.write(bytes);
    } catch (error) {
      // The receiver resends an unanswered message, so a failed write loses nothing; it shows in traffic.
      failure = errorText(error);
    }
    const at = now();
    for (const r of replies) {
      if (failure === undefined) handlers.traffic({ at, direction: 'tx', bytes: r.bytes, summary: r.summary, ok: true, latencyMs: at - r.since });
      else handlers.traffic({ at, direction: 'tx', bytes: r.bytes, summary: `${r.summary} not sent: ${failure}`, ok: false });
    }
  };

  /** Replies waiting to go out, in the order their messages came (the receiver pairs them so). */
  interface Outgoing {
    /** Set once the commit they wait for settled. */
    replies?: readonly Reply[];
    written: () => void;
  }
  const outgoing: Outgoing[] = [];
  let writing = false;

  /** Writes every reply that is due, oldest first, as few writes as possible: all settled batches in a row go together. */
  const writeDue = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    try {
      while (outgoing[0]?.replies) {
        const sent: Outgoing[] = [];
        while (outgoing[0]?.replies) sent.push(outgoing.shift()!);
        await replyAll(sent.flatMap((entry) => entry.replies!));
        for (const entry of sent) entry.written();
      }
    } finally {
      writing = false;
    }
  };

  /** Queues replies behind those before them; resolves once they are written. */
  const queueReplies = (replies: Promise<readonly Reply[]>): Promise<void> =>
    new Promise<void>((written) => {
      const entry: Outgoing = { written };
      outgoing.push(entry);
      void replies.then((settled) => {
        entry.replies = settled;
        void writeDue();
      });
    });

  const reply = (bytes: Uint8Array, since: number, summary: string): Promise<void> => queueReplies(Promise.resolve([{ bytes, since, summary }]));

  const conditions = createConditionStates(handlers, {
    onRejected: (error, alarm) => {
      linkCommitError = `link ${alarm.state} not committed: ${errorText(error)}`;
    },
  });
  // Silence is measured on the monotonic clock: `now` may be set back or forward while the receiver talks.
  const link = createLinkWatch({ conditions, now, lostAfterMs: heartbeatTimeoutMs, clock: () => performance.now(), alarm: linkAlarm });
  /** When the committed `link.lost` was raised (or, left by an earlier session, when this one started). */
  let linkLostAt: number | undefined = link.lost ? now() : undefined;

  const linkDetail = (state: 'raised' | 'restored', at: number): Record<string, DetailValue> =>
    state === 'raised'
      ? { port: port.name, heartbeatTimeoutMs, lastMessageAt: lastFrameAt ?? null, silentMs: at - (lastFrameAt ?? startedAt) }
      : { port: port.name, heartbeatTimeoutMs, lostAt: linkLostAt ?? null, downMs: at - (linkLostAt ?? at) };

  const handleSilence = async (at: number): Promise<void> => {
    if (link.lost) return;
    if (await link.lose(linkDetail('raised', at), at)) {
      linkLostAt = at;
      linkCommitError = undefined;
    }
    // Not committed and still silent: try again after another timeout.
    else if (running) link.rewatch();
  };

  const restoreLink = async (at: number): Promise<void> => {
    if (!(await link.restore(linkDetail('restored', at), at))) return;
    linkLostAt = undefined;
    linkCommitError = undefined;
  };

  const handleMessage = async (item: ReceiverDecoded, at: number): Promise<void> => {
    handlers.traffic({ at, direction: 'rx', bytes: item.bytes, summary: summarizeReceiverMessage(item), ok: item.kind !== 'error' });
    if (item.kind === 'error') {
      await reply(nakBytes, at, `NAK (${item.reason})`);
      return;
    }
    if (link.lost) await restoreLink(at);
    if (item.kind !== 'event') {
      await reply(ackBytes, at, 'ACK');
      return;
    }
    const alarm: DeviceAlarm = contactIdAlarm(item, at);
    try {
      await handlers.alarm(alarm);
    } catch (error) {
      // Not committed: a NAK makes the receiver send it again (Sur-Gard MLR2 manual, "Acknowledgment of the Signal").
      await reply(nakBytes, at, `NAK (commit failed: ${errorText(error)})`);
      return;
    }
    await reply(ackBytes, at, `ACK ${alarm.eventCode} ${alarm.conditionKey}`);
  };

  type EventJob = { kind: 'message'; item: Extract<ReceiverDecoded, { kind: 'event' }>; at: number };
  const isEventJob = (job: Job | undefined): job is EventJob => job?.kind === 'message' && job.item.kind === 'event';

  const replyFor = (alarm: DeviceAlarm, since: number, error: unknown): Reply =>
    error == null
      ? { bytes: ackBytes, since, summary: `ACK ${alarm.eventCode} ${alarm.conditionKey}` }
      : { bytes: nakBytes, since, summary: `NAK (commit failed: ${errorText(error)})` };

  /** Commits alarms handed in together: with one promise for all where the device layer offers it, else one by one. */
  const commitAll = (alarms: readonly DeviceAlarm[]): Promise<readonly AlarmOutcome[]> =>
    handlers.alarms
      ? handlers.alarms(alarms)
      : Promise.all(alarms.map((alarm) => handlers.alarm(alarm).then((): AlarmOutcome => null, (error: unknown) => (error instanceof Error ? error : new Error(String(error))))));

  /** Records the events and hands their alarms in at once; resolves with their replies: ACK, or NAK for one not committed. */
  const beginEvents = (events: readonly EventJob[]): Promise<Reply[]> => {
    const alarms = events.map(({ item, at }) => {
      // Described when the monitor reads it: a burst's 10,000 lines would otherwise each keep a string of their own.
      handlers.traffic({ at, direction: 'rx', bytes: item.bytes, summary: '', describe: describeReceiverMessage, ok: true });
      return contactIdAlarm(item, at);
    });
    return commitAll(alarms).then(
      (outcomes) => alarms.map((alarm, i) => replyFor(alarm, events[i]!.at, outcomes[i] ?? null)),
      (error: unknown) => alarms.map((alarm, i) => replyFor(alarm, events[i]!.at, error ?? 'not committed')),
    );
  };

  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    try {
      for (let job = jobs.shift(); job && running; job = jobs.shift()) {
        if (job.kind === 'silence') await handleSilence(job.at);
        else if (isEventJob(job) && !link.lost) {
          // Events already waiting are handed in together, so the device layer can commit them in one statement
          // (group commit); the ACKs still go out in order, only after the events are committed.
          const events: EventJob[] = [job];
          for (let next = jobs[0]; isEventJob(next); next = jobs[0]) events.push(jobs.shift() as EventJob);
          const replies = beginEvents(events);
          // Their replies follow in order while the events that arrive meanwhile are handed in: waiting here for the
          // ACKs to be written would leave the next commit idle behind the serial write.
          void queueReplies(replies);
        } else await handleMessage(job.item, job.at);
      }
    } finally {
      draining = false;
    }
  };

  const onData = (chunk: Uint8Array): void => {
    const at = now();
    for (const item of decoder.push(chunk)) {
      jobs.push({ kind: 'message', item, at });
      // Only a message that decodes shows the link works; noise or a misconfigured receiver does not.
      if (item.kind === 'error') continue;
      lastFrameAt = at;
      if (item.kind === 'heartbeat') lastHeartbeatAt = at;
      link.heard();
    }
    void drain();
  };

  const seconds = (ms: number): string => (ms / 1000).toFixed(1);

  const linkCheck = (): string => {
    const at = now();
    const message = lastFrameAt === undefined ? `no message since start ${seconds(at - startedAt)} s ago` : `last message ${seconds(at - lastFrameAt)} s ago`;
    const heartbeat = lastHeartbeatAt === undefined ? 'no heartbeat yet' : `last heartbeat ${seconds(at - lastHeartbeatAt)} s ago`;
    const state = !running ? 'session stopped' : link.lost ? 'link LOST' : 'link up';
    const commit = linkCommitError ? `, ${linkCommitError}` : '';
    return `${state}: ${message}, ${heartbeat} (timeout ${seconds(heartbeatTimeoutMs)} s), ${jobs.length} queued${commit}`;
  };

  return {
    start() {
      if (running) return;
      running = true;
      startedAt = now();
      unsubscribe = port.onData(onData);
      link.watchSilence(() => {
        jobs.push({ kind: 'silence', at: now() });
        void drain();
      });
    },
    stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = undefined;
      link.stopWatching();
      // Unanswered messages are not lost: the receiver keeps them and resends them.
      jobs.length = 0;
    },
    testCommands: () => [linkCheckCommand],
    runTestCommand(id, params) {
      if (id !== linkCheckCommand.id) {
        return Promise.reject(new AppError('devices.contactId.unknownCommand', 'devices.contactId.unknownCommand', { id }));
      }
      const extra = Object.keys(params);
      if (extra.length > 0) {
        return Promise.reject(new AppError('devices.contactId.badParams', 'devices.contactId.badParams', { id, params: extra.join(', ') }));
      }
      return Promise.resolve(linkCheck());
    },
  };
}
