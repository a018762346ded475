// The poll loop: start-up reads once, then a cycle over and over until stopped; a restart never leaves two loops.

export interface PollLoopOptions {
  now: () => number;
  intervalMs: number;
  /**
   * `period`: a cycle starts `intervalMs` after the one before started (at once if it took longer);
   * `gap`: `intervalMs` of quiet after each cycle ends.
   */
  pace: 'period' | 'gap';
  /** Reads done once when the loop starts; `still()` turns false once the loop was stopped. */
  startUp?: (still: () => boolean) => Promise<void>;
  /** Wait before the first cycle, after the start-up reads: 0 unless given. */
  firstCycleAfterMs?: number;
  cycle(still: () => boolean): Promise<void>;
  /** A cycle that throws: told, and the loop goes on. */
  onError?: (error: unknown) => void;
}

export interface PollLoop {
  readonly running: boolean;
  start(): void;
  stop(): void;
}

export function createPollLoop(options: PollLoopOptions): PollLoop {
  const { now, intervalMs, pace } = options;
  let running = false;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const attempt = async (task: () => Promise<void>): Promise<void> => {
    try {
      await task();
    } catch (error) {
      options.onError?.(error);
    }
  };

  const cycleAfter = (delayMs: number, loop: number, still: () => boolean): void => {
    timer = setTimeout(() => {
      timer = undefined;
      void runCycle(loop, still);
    }, delayMs);
  };

  async function runCycle(loop: number, still: () => boolean): Promise<void> {
    if (!still()) return;
    const startedAt = now();
    await attempt(() => options.cycle(still));
    if (!still()) return;
    cycleAfter(pace === 'period' ? Math.max(0, intervalMs - (now() - startedAt)) : intervalMs, loop, still);
  }

  async function begin(loop: number): Promise<void> {
    const still = (): boolean => running && loop === generation;
    if (options.startUp) await attempt(() => options.startUp!(still));
    if (!still()) return;
    const firstAfterMs = options.firstCycleAfterMs ?? 0;
    if (firstAfterMs > 0) cycleAfter(firstAfterMs, loop, still);
    else await runCycle(loop, still);
  }

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      generation += 1;
      void begin(generation);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
