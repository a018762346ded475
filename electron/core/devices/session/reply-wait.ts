// The one request awaiting its reply on a half-duplex line, settled by the reply, a timeout or a stop.

export interface AwaitedRequest<Request> {
  request: Request;
  sentAt: number;
}

export interface ReplyWait<Request, Outcome> {
  /** The request now awaiting its reply, if any. */
  readonly current: AwaitedRequest<Request> | undefined;
  /** Awaits the reply to `request`; resolves with what `settle` or the timeout hands in. */
  begin(request: Request, sentAt: number): Promise<Outcome>;
  /** Settles the awaited request with `outcome` after `timeoutMs` unless something settles it first. */
  expireAfter(timeoutMs: number, outcome: Outcome): void;
  /** Settles the awaited request; returns it, or undefined when nothing was awaited. */
  settle(outcome: Outcome): AwaitedRequest<Request> | undefined;
}

export function createReplyWait<Request, Outcome>(): ReplyWait<Request, Outcome> {
  interface Entry extends AwaitedRequest<Request> {
    resolve(outcome: Outcome): void;
    timer?: ReturnType<typeof setTimeout>;
  }
  let awaited: Entry | undefined;
  const wait: ReplyWait<Request, Outcome> = {
    get current() {
      return awaited;
    },
    begin(request, sentAt) {
      return new Promise<Outcome>((resolve) => {
        awaited = { request, sentAt, resolve };
      });
    },
    expireAfter(timeoutMs, outcome) {
      const entry = awaited;
      if (!entry) return;
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        if (awaited === entry) wait.settle(outcome);
      }, timeoutMs);
    },
    settle(outcome) {
      const entry = awaited;
      if (!entry) return undefined;
      awaited = undefined;
      if (entry.timer) clearTimeout(entry.timer);
      entry.resolve(outcome);
      return entry;
    },
  };
  return wait;
}
