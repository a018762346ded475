// The readings history while the core runs: the recorder taking the devices' readings, and the rollup job beside it.
import type { Clock } from '../context';
import { type PeriodicJob, startPeriodicJob } from '../periodic-job';
import { openReadingsConnection } from './readings-connection';
import { createReadingRecorder, type ReadingRecorder } from './reading-recorder';
import { rollUpReadings, type RollupOutcome } from './reading-rollup';

export interface ReadingsOptions {
  /** How often buffered readings are written. Default 1 s. */
  flushIntervalMs?: number;
  /** How often minutes and hours are folded and old rows pruned; 0 turns the timer off (tests run it). Default 60 s. */
  rollupIntervalMs?: number;
}

export interface ReadingsKeeper {
  recorder: ReadingRecorder;
  /** One rollup pass now (after the buffered readings are written). */
  rollUp(): Promise<RollupOutcome>;
  /** Writes what is buffered, waits for a rollup under way, closes the connection. */
  stop(): Promise<void>;
}

const defaultRollupIntervalMs = 60_000;

export async function startReadingsKeeper(databasePath: string, clock: Clock, options: ReadingsOptions = {}): Promise<ReadingsKeeper> {
  const db = await openReadingsConnection(databasePath);
  const recorder = createReadingRecorder(db, clock, { flushIntervalMs: options.flushIntervalMs });
  const rollUp = async (): Promise<RollupOutcome> => {
    await recorder.flush();
    return rollUpReadings(db, clock.now());
  };
  const interval = options.rollupIntervalMs ?? defaultRollupIntervalMs;
  const job: PeriodicJob | null = interval > 0 ? startPeriodicJob('readings rollup', interval, rollUp) : null;
  return {
    recorder,
    rollUp,
    async stop() {
      await job?.stop();
      await recorder.stop();
      await db.destroy();
    },
  };
}
