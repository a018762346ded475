// Keeps every numeric reading the devices report: buffered in memory, written in one transaction per batch.
import type { DeviceReading } from '../../../shared/domain/devices/device-signals';
import type { Clock } from '../context';
import type { Db } from '../db/database';
import { toErrorData } from '../to-error-data';

export interface ReadingRecorderOptions {
  /** How often the buffer is written. Default 1 s: a batch of every sensor's latest poll. */
  flushIntervalMs?: number;
  /** Readings held at most while the file does not take them (a long lock): the oldest are dropped beyond. */
  maxBuffered?: number;
}

export interface ReadingRecorder {
  /** Takes a reading of a link (called on the device's path: never waits, never throws). */
  record(linkId: string, reading: DeviceReading): void;
  /** Writes what is buffered now; resolves once it is committed. */
  flush(): Promise<void>;
  /** How many readings were dropped because the buffer was full (logged as it happens). */
  dropped(): number;
  /** Stops the timer and writes the rest. */
  stop(): Promise<void>;
}

interface Pending {
  linkId: string;
  reading: DeviceReading;
  value: number;
}

const defaultFlushIntervalMs = 1_000;
const defaultMaxBuffered = 200_000;
/** Rows per insert statement: 3 parameters each, far under SQLite's limit of 32,766. */
const rowsPerStatement = 500;

const seriesKey = (linkId: string, key: string): string => `${linkId}\u0000${key}`;

/** Only numbers are kept as history (sensor values, voltages, load); states and texts stay live readings only. */
function numericValue(reading: DeviceReading): number | null {
  return typeof reading.value === 'number' && Number.isFinite(reading.value) ? reading.value : null;
}

export function createReadingRecorder(db: Db, clock: Clock, options: ReadingRecorderOptions = {}): ReadingRecorder {
  const maxBuffered = options.maxBuffered ?? defaultMaxBuffered;
  const seriesIds = new Map<string, number>();
  let buffer: Pending[] = [];
  let droppedCount = 0;
  let writing: Promise<void> = Promise.resolve();
  let stopped = false;

  const seriesIdsFor = async (trx: Db, batch: readonly Pending[]): Promise<void> => {
    const missing = new Map<string, Pending>();
    for (const item of batch) {
      const k = seriesKey(item.linkId, item.reading.key);
      if (!seriesIds.has(k)) missing.set(k, item);
    }
    if (missing.size === 0) return;
    const now = clock.now();
    for (const { linkId, reading } of missing.values()) {
      await trx
        .insertInto('reading_series')
        .values({ link_id: linkId, key: reading.key, label_zh: reading.label.zh, label_en: reading.label.en, unit: reading.unit, created_at: now })
        .onConflict((oc) => oc.columns(['link_id', 'key']).doNothing())
        .execute();
      const row = await trx.selectFrom('reading_series').select('id').where('link_id', '=', linkId).where('key', '=', reading.key).executeTakeFirstOrThrow();
      seriesIds.set(seriesKey(linkId, reading.key), row.id);
    }
  };

  const write = async (batch: Pending[]): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      await seriesIdsFor(trx, batch);
      for (let i = 0; i < batch.length; i += rowsPerStatement) {
        const rows = batch.slice(i, i + rowsPerStatement).map((item) => ({
          series_id: seriesIds.get(seriesKey(item.linkId, item.reading.key))!,
          at: item.reading.at,
          value: item.value,
        }));
        // The same reading twice (a session restarted within the millisecond) is kept once.
        await trx.insertInto('reading_raw').values(rows).onConflict((oc) => oc.doNothing()).execute();
      }
    });
  };

  const flush = (): Promise<void> => {
    writing = writing.then(async () => {
      if (buffer.length === 0) return;
      const batch = buffer;
      buffer = [];
      try {
        await write(batch);
      } catch (err) {
        // Kept for the next try (the file was locked or busy); series ids made in the failed transaction are forgotten.
        seriesIds.clear();
        buffer = batch.concat(buffer);
        trim();
        console.error('[readings] writing a batch failed:', toErrorData(err));
      }
    });
    return writing;
  };

  const trim = (): void => {
    const over = buffer.length - maxBuffered;
    if (over <= 0) return;
    buffer.splice(0, over);
    droppedCount += over;
    console.error(`[readings] buffer full: dropped the ${over} oldest readings (${droppedCount} so far)`);
  };

  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? defaultFlushIntervalMs);
  timer.unref();

  return {
    record(linkId, reading) {
      if (stopped) return;
      const value = numericValue(reading);
      if (value === null) return;
      buffer.push({ linkId, reading, value });
      trim();
    },
    flush,
    dropped: () => droppedCount,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await flush();
    },
  };
}
