// Plays a SurGard-compatible alarm receiver on a BytePort: sends Contact ID events and heartbeats, waits for ACKs.

import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort } from '../port/byte-port';
import { readConsoleReplies, type ConsoleReply } from './codec';
import { encodeContactIdEvent, encodeHeartbeat, type ContactIdEventInput, type ReceiverAddress } from './encoder';

export interface ReceiverSimulatorOptions {
  port: BytePort;
  receiver?: number;
  line?: number | string;
  /** Sur-Gard MLR2 manual: the computer must ACK within 4 s. */
  ackTimeoutMs?: number;
  /** Sur-Gard MLR2 manual: without an ACK (or on a NAK) the message is sent again three times, then given up. */
  maxRetransmissions?: number;
  heartbeatForm?: 'classic' | 'extended';
}

export interface ReceiverSimulatorStats {
  /** Messages written, first sends and retransmissions alike. */
  sent: number;
  acks: number;
  naks: number;
  /** Messages that got no reply within the ACK timeout. */
  timeouts: number;
  retransmissions: number;
}

export interface BurstResult {
  delivered: number;
  retransmissions: number;
  /** When the first byte was handed to the port, in ms since the epoch (comparable across processes). */
  startedAt: number;
  /** From then until the last event was ACKed (the messages are encoded before). */
  seconds: number;
}

export interface ReceiverSimulator {
  /** Sends one event; resolves with the number of attempts once ACKed, rejects after the last retransmission. */
  sendEvent(event: ContactIdEventInput): Promise<number>;
  fireAlarm(account: string, zone: number, group?: number): Promise<number>;
  restore(account: string, zone: number, code?: number, group?: number): Promise<number>;
  /** Sends one heartbeat (never retransmitted); resolves true if the console ACKed it in time. */
  heartbeat(): Promise<boolean>;
  startHeartbeats(periodMs: number): void;
  stopHeartbeats(): void;
  /**
   * `sequential` (default) is what a real receiver does: each event waits for its ACK before the next.
   * `pipelined` writes all events back to back, reads the replies in order, then resends the NAKed or
   * unanswered ones one by one; a stress mode for the console's queue.
   */
  burst(events: readonly ContactIdEventInput[], mode?: 'sequential' | 'pipelined'): Promise<BurstResult>;
  /** Writes raw bytes (line noise, a wrong receiver format); waits for nothing. */
  garbage(bytes: Uint8Array): Promise<void>;
  /** While silent nothing is sent: heartbeats are skipped and events wait, as in a receiver cut off from the computer. */
  silence(on: boolean): void;
  stats(): ReceiverSimulatorStats;
  /** Stops heartbeats and listening; leaves the port open. */
  close(): void;
}

type ReplyOrTimeout = ConsoleReply | 'timeout';

export function createReceiverSimulator(options: ReceiverSimulatorOptions): ReceiverSimulator {
  const { port, ackTimeoutMs = 4000, maxRetransmissions = 3, heartbeatForm = 'classic' } = options;
  const address: ReceiverAddress = { receiver: options.receiver ?? 1, line: options.line ?? 1 };
  const counts: ReceiverSimulatorStats = { sent: 0, acks: 0, naks: 0, timeouts: 0, retransmissions: 0 };
  const replies: ConsoleReply[] = [];
  let waiter: ((reply: ReplyOrTimeout) => void) | undefined;
  let heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  let silent = false;
  let audible: { promise: Promise<void>; resolve: () => void } | undefined;
  // One message on the line at a time: the receiver waits for the reply before it sends anything else.
  let lineBusy: Promise<unknown> = Promise.resolve();

  const unsubscribe = port.onData((chunk) => {
    for (const reply of readConsoleReplies(chunk)) {
      if (reply === 'ack') counts.acks += 1;
      else counts.naks += 1;
      if (waiter) waiter(reply);
      else replies.push(reply);
    }
  });

  const nextReply = (timeoutMs: number): Promise<ReplyOrTimeout> => {
    const buffered = replies.shift();
    if (buffered) return Promise.resolve(buffered);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      const finish = (reply: ReplyOrTimeout): void => {
        clearTimeout(timer);
        waiter = undefined;
        resolve(reply);
      };
      waiter = finish;
    });
  };

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = lineBusy.then(work, work);
    lineBusy = run.catch(() => undefined);
    return run;
  };

  const whenAudible = (): Promise<void> => audible?.promise ?? Promise.resolve();

  /** Writes a message and reads its reply; replies left from earlier timed-out attempts are dropped first. */
  const sendOnce = async (bytes: Uint8Array): Promise<ReplyOrTimeout> => {
    await whenAudible();
    replies.length = 0;
    counts.sent += 1;
    await port.write(bytes);
    const reply = await nextReply(ackTimeoutMs);
    if (reply === 'timeout') counts.timeouts += 1;
    return reply;
  };

  const sendUntilAcked = async (bytes: Uint8Array): Promise<number> => {
    for (let attempt = 1; ; attempt += 1) {
      const reply = await sendOnce(bytes);
      if (reply === 'ack') return attempt;
      if (attempt > maxRetransmissions) {
        throw new AppError('devices.contactId.notAcknowledged', 'devices.contactId.notAcknowledged', { attempts: attempt, lastReply: reply });
      }
      counts.retransmissions += 1;
    }
  };

  /** Writes the messages back to back (`all` holds `frames` in a row) and reads the replies in order. */
  const sendPipelined = async (frames: readonly Uint8Array[], all: Uint8Array): Promise<number> => {
    replies.length = 0;
    counts.sent += frames.length;
    await port.write(all);
    const unanswered: Uint8Array[] = [];
    // The console answers strictly in order, so the n-th reply is for the n-th event. After a timeout that
    // pairing is lost: everything from there on counts as unanswered and is resent one by one.
    let paired = true;
    for (const frame of frames) {
      let reply: ReplyOrTimeout = 'timeout';
      if (paired) {
        reply = await nextReply(ackTimeoutMs);
        if (reply === 'timeout') {
          counts.timeouts += 1;
          paired = false;
        }
      }
      if (reply !== 'ack') unanswered.push(frame);
    }
    for (const frame of unanswered) {
      counts.retransmissions += 1;
      await sendUntilAcked(frame);
    }
    return unanswered.length;
  };

  const encode = (event: ContactIdEventInput): Uint8Array => encodeContactIdEvent(address, event);

  const heartbeat = (): Promise<boolean> =>
    exclusive(async () => (silent ? false : (await sendOnce(encodeHeartbeat(address, heartbeatForm))) === 'ack'));

  const sendEvent = (event: ContactIdEventInput): Promise<number> =>
    exclusive(async () => sendUntilAcked(encode(event)));

  return {
    sendEvent,
    fireAlarm: (account, zone, group = 1) => sendEvent({ account, qualifier: 'E', code: 110, group, zone }),
    restore: (account, zone, code = 110, group = 1) => sendEvent({ account, qualifier: 'R', code, group, zone }),
    heartbeat,
    startHeartbeats(periodMs) {
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = setInterval(() => {
        // A heartbeat the console missed is simply not answered; the receiver does not resend it.
        if (!silent) void heartbeat().catch(() => false);
      }, periodMs);
    },
    stopHeartbeats() {
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = undefined;
    },
    burst(events, mode = 'sequential') {
      return exclusive(async () => {
        const frames = events.map(encode);
        const all = mode === 'pipelined' ? Buffer.concat(frames) : undefined;
        await whenAudible();
        const started = performance.now();
        let retransmissions = 0;
        if (all) retransmissions = await sendPipelined(frames, all);
        else for (const frame of frames) retransmissions += (await sendUntilAcked(frame)) - 1;
        return { delivered: frames.length, retransmissions, startedAt: performance.timeOrigin + started, seconds: (performance.now() - started) / 1000 };
      });
    },
    garbage: (bytes) =>
      exclusive(async () => {
        await whenAudible();
        await port.write(bytes);
      }),
    silence(on) {
      silent = on;
      if (on && !audible) {
        let resolve: () => void = () => undefined;
        const promise = new Promise<void>((done) => (resolve = done));
        audible = { promise, resolve };
      } else if (!on && audible) {
        audible.resolve();
        audible = undefined;
      }
    },
    stats: () => ({ ...counts }),
    close() {
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = undefined;
      unsubscribe();
    },
  };
}
