// A polling session's start and stop: listen to the port while the poll loop runs, and nothing after the stop.

import type { DriverSession } from '../driver-session';
import type { BytePort } from '../port/byte-port';
import type { PollLoop } from './poll-loop';

export interface SessionLifecycleOptions {
  port: BytePort;
  onData(chunk: Uint8Array): void;
  loop: PollLoop;
  /** Before listening starts (the link's silence counts from here). */
  starting?: () => void;
  /** After listening stopped (what awaits a reply ends as stopped). */
  stopped?: () => void;
}

export function sessionLifecycle(options: SessionLifecycleOptions): Pick<DriverSession, 'start' | 'stop'> {
  const { port, loop } = options;
  let unsubscribe: (() => void) | undefined;
  return {
    start() {
      if (loop.running) return;
      options.starting?.();
      unsubscribe = port.onData(options.onData);
      loop.start();
    },
    stop() {
      loop.stop();
      unsubscribe?.();
      unsubscribe = undefined;
      options.stopped?.();
    },
  };
}
