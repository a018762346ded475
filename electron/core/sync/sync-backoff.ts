// Waits between attempts while the upstream is down or refuses an item: doubling up to a cap, with jitter so many
// consoles coming back after one outage do not all knock at the same second.
import type { BackoffOptions } from '../devices/reconnect-backoff';

/** "Equal jitter": half the doubled wait for sure, the other half at random. `attempt` counts from 1. */
export function jitteredDelay(options: BackoffOptions, attempt: number, random: () => number): number {
  const wait = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(wait / 2 + (random() * wait) / 2);
}
