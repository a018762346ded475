// How long to wait before the next attempt to reach a lost device: doubling from a short first wait up to a cap.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/** A pulled adapter is often back within a second; a dead one should not be hammered more than twice a minute. */
export const defaultBackoff: BackoffOptions = { initialMs: 250, maxMs: 30_000 };

export interface ReconnectBackoff {
  /** The wait before the next attempt; each call doubles the one after, up to the cap. */
  next(): number;
  /** After a successful connection the next loss starts from the first wait again. */
  reset(): void;
}

export function createBackoff(options: BackoffOptions = defaultBackoff): ReconnectBackoff {
  let wait = options.initialMs;
  return {
    next() {
      const now = wait;
      wait = Math.min(wait * 2, options.maxMs);
      return now;
    },
    reset() {
      wait = options.initialMs;
    },
  };
}
