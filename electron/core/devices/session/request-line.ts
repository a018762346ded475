// A device that speaks when asked: one request on the line at a time, its reply awaited, reports kept in order,
// the conditions raised and the link judged by how long the device has been silent.

import type { LocalText, SessionHandlers } from '../driver-session';
import { createConditionStates, type ConditionStates } from './condition-states';
import { createLinkWatch, linkLostAlarm, type LinkWatch } from './link-watch';
import { createReplyWait, type ReplyWait } from './reply-wait';
import { createSerialQueue, type SerialQueue } from './serial-queue';

/** An exchange that ended without a reply. */
export type LineFailure = { kind: 'noReply' } | { kind: 'writeFailed'; reason: string } | { kind: 'stopped' };

export interface RequestLineOptions {
  handlers: SessionHandlers;
  now: () => number;
  replyTimeoutMs: number;
  /** No valid reply for this long loses the link (the device's `link` condition). */
  linkLostAfterMs: number;
  linkText: { lost: LocalText; restored: LocalText };
  /** Whether the session is running; a request made while it is not ends `stopped` without being sent. */
  running(): boolean;
}

export interface RequestLine<Request, Reply> {
  /** The request awaiting its reply: the session settles it with what it decodes. */
  readonly awaited: ReplyWait<Request, Reply | LineFailure>;
  /** Sends `request` with `send` once every request before it is settled; resolves with its reply or why none came. */
  exchange(request: Request, send: (request: Request) => Promise<void>): Promise<Reply | LineFailure>;
  /** Readings and alarms go through here, one report after another in the order they came. */
  readonly reports: SerialQueue;
  /** A rejected commit leaves a condition as it was, so the next report of it tries again. */
  readonly conditions: ConditionStates;
  readonly link: LinkWatch;
  /** Ends the request awaiting its reply as `stopped`. */
  stop(): void;
}

export function createRequestLine<Request, Reply>(options: RequestLineOptions): RequestLine<Request, Reply> {
  const { now, replyTimeoutMs } = options;
  const awaited = createReplyWait<Request, Reply | LineFailure>();
  const requests = createSerialQueue();
  const conditions = createConditionStates(options.handlers);
  const link = createLinkWatch({ conditions, now, lostAfterMs: options.linkLostAfterMs, alarm: linkLostAlarm('link', options.linkText) });
  return {
    awaited,
    reports: createSerialQueue(),
    conditions,
    link,
    exchange: (request, send) =>
      requests.run(async () => {
        if (!options.running()) return { kind: 'stopped' } as const;
        const outcome = awaited.begin(request, now());
        awaited.expireAfter(replyTimeoutMs, { kind: 'noReply' });
        try {
          await send(request);
        } catch (error) {
          if (awaited.current?.request === request) awaited.settle({ kind: 'writeFailed', reason: error instanceof Error ? error.message : String(error) });
        }
        return outcome;
      }),
    stop: () => void awaited.settle({ kind: 'stopped' }),
  };
}
