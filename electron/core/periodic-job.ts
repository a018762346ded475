// A job the core runs every so often while it is open (SLA deadlines, idle sign-ins): never two runs at once.
import { toErrorData } from './to-error-data';

export interface PeriodicJob {
  /** Stops the timer and waits for a run under way, so the database can close after it. */
  stop(): Promise<void>;
}

/** Runs `work` every `intervalMs`; a tick that finds the previous run still going is skipped. */
export function startPeriodicJob(name: string, intervalMs: number, work: () => Promise<unknown>): PeriodicJob {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = work()
      .then(() => undefined)
      // A timer has no caller to answer: log the code, try again at the next tick.
      .catch((err: unknown) => console.error(`[core] ${name} failed:`, toErrorData(err)))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  // The job alone must not keep a process alive (tests, the headless host shutting down).
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
