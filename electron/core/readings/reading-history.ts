// The readings history's queries: a reading over a range at the resolution the range calls for, and the series kept.
import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { HistoryPoint, ReadingHistory, ReadingSeries } from '../../../shared/contract/readings';
import { type HistoryLevel, historyResolution } from '../../../shared/domain/readings/history-resolution';
import type { Db } from '../db/database';
import { readingAlarmMarks, readingThresholds } from './reading-marks';

export interface HistoryQuery {
  linkId: string;
  key: string;
  from: number;
  /** Exclusive. */
  to: number;
  maxPoints: number;
}

interface SeriesRow {
  id: number;
  link_id: string;
  key: string;
  label_zh: string;
  label_en: string;
  unit: string;
  link_name: string | null;
  asset_id: string | null;
}

const toSeries = (row: SeriesRow): ReadingSeries => ({
  linkId: row.link_id,
  linkName: row.link_name ?? row.link_id,
  assetId: row.asset_id,
  key: row.key,
  label: { zh: row.label_zh, en: row.label_en },
  unit: row.unit,
});

function seriesQuery(db: Db) {
  return db
    .selectFrom('reading_series as s')
    .leftJoin('link as l', 'l.id', 's.link_id')
    .select(['s.id', 's.link_id', 's.key', 's.label_zh', 's.label_en', 's.unit', 'l.name as link_name', 'l.asset_id']);
}

/** The readings kept for a register device's links, or for one link; ordered by link, then key. */
export async function listSeries(db: Db, filter: { assetId?: string; linkId?: string }): Promise<ReadingSeries[]> {
  let query = seriesQuery(db);
  if (filter.assetId) query = query.where('l.asset_id', '=', filter.assetId);
  if (filter.linkId) query = query.where('s.link_id', '=', filter.linkId);
  const rows = await query.orderBy('l.name').orderBy('s.link_id').orderBy('s.key').execute();
  return rows.map(toSeries);
}

export async function findSeries(db: Db, linkId: string, key: string): Promise<{ id: number; series: ReadingSeries }> {
  const row = await seriesQuery(db).where('s.link_id', '=', linkId).where('s.key', '=', key).executeTakeFirst();
  if (!row) throw new AppError('reading_not_found', 'reading_not_found', { linkId, key });
  return { id: row.id, series: toSeries(row) };
}

const hourMs = 3_600_000;

interface BucketRow {
  at: number;
  min: number;
  mean: number;
  max: number;
  count: number;
}

/**
 * One level's rows in [from, to), folded into buckets of `bucketMs` aligned on the epoch. A bucket at a time, each a
 * seek and a short walk of the primary key: `group by` over a computed bucket would sort every row first (about five
 * times slower on a month of minutes, measured by scripts/bench-readings.ts).
 */
async function bucketsOf(db: Db, level: HistoryLevel, seriesId: number, from: number, to: number, bucketMs: number): Promise<BucketRow[]> {
  const first = from - (from % bucketMs);
  const buckets = sql`with recursive b(s) as (select ${first} union all select s + ${bucketMs} from b where s + ${bucketMs} < ${to})`;
  let query: RawBuilder<{ at: number; agg: string }>;
  if (level === 'raw') {
    query = sql`${buckets} select s as at, (select json_array(min(value), avg(value), max(value), count(*)) from reading_raw
      where series_id = ${seriesId} and at >= max(s, ${from}) and at < min(s + ${bucketMs}, ${to})) as agg from b`;
  } else {
    const table = sql.table(level === 'minute' ? 'reading_minute' : 'reading_hour');
    query = sql`${buckets} select s as at, (select json_array(min(min), sum(mean * count) / sum(count), max(max), sum(count)) from ${table}
      where series_id = ${seriesId} and start >= max(s, ${from}) and start < min(s + ${bucketMs}, ${to})) as agg from b`;
  }
  const rows: BucketRow[] = [];
  for (const { at, agg } of (await query.execute(db)).rows) {
    const [min, mean, max, count] = JSON.parse(agg) as [number | null, number | null, number | null, number | null];
    if (count && min !== null && mean !== null && max !== null) rows.push({ at, min, mean, max, count });
  }
  return rows;
}

/** Two partial buckets at a level's seam (the same bucket from two tables) become one. */
function mergeBuckets(parts: readonly BucketRow[][]): HistoryPoint[] {
  const byAt = new Map<number, HistoryPoint>();
  for (const rows of parts) {
    for (const r of rows) {
      const seen = byAt.get(r.at);
      if (!seen) byAt.set(r.at, { at: r.at, min: r.min, mean: r.mean, max: r.max, count: r.count });
      else {
        const count = seen.count + r.count;
        byAt.set(r.at, { at: r.at, min: Math.min(seen.min, r.min), max: Math.max(seen.max, r.max), mean: (seen.mean * seen.count + r.mean * r.count) / count, count });
      }
    }
  }
  return [...byAt.values()].sort((a, b) => a.at - b.at);
}

/**
 * A series' points over [from, to): the level the range calls for, and beyond what that level has folded so far (the
 * last minute or hour) the finer level's rows, so a chart reaches the latest reading.
 */
export async function seriesPoints(db: Db, seriesId: number, from: number, to: number, resolution: HistoryLevel, bucketMs: number): Promise<HistoryPoint[]> {
  let level = resolution;
  const done = await db.selectFrom('reading_rollup').select(['level', 'done_until']).execute();
  const doneUntil = (l: 'minute' | 'hour'): number => done.find((d) => d.level === l)?.done_until ?? 0;
  // Each level answers from where the coarser one stops (or from `from`) up to where it has been folded (or `to`).
  const spans: { level: HistoryLevel; from: number; to: number }[] = [];
  // Whole-hour buckets of minutes are what the hourly fold already holds (the same min, max, weighted mean and count):
  // read from it, a month of one-minute data is 720 rows a series instead of 43,200.
  if (level === 'minute' && bucketMs % hourMs === 0) level = 'hour';
  if (level === 'hour') spans.push({ level: 'hour', from, to: Math.min(to, doneUntil('hour')) });
  if (level !== 'raw') {
    const start = level === 'hour' ? Math.max(from, doneUntil('hour')) : from;
    spans.push({ level: 'minute', from: start, to: Math.min(to, doneUntil('minute')) });
  }
  spans.push({ level: 'raw', from: level === 'raw' ? from : Math.max(from, doneUntil('minute')), to });
  const parts: BucketRow[][] = [];
  for (const span of spans) if (span.to > span.from) parts.push(await bucketsOf(db, span.level, seriesId, span.from, span.to, bucketMs));
  return mergeBuckets(parts);
}

/**
 * "Readings of device X, reading K, range, resolution": the one query for charts and reports. The resolution is picked
 * from the range (historyResolution) unless a report passes its own `level` and `bucketMs`.
 */
export async function readingHistory(db: Db, now: number, query: HistoryQuery, resolution?: { level: HistoryLevel; bucketMs: number }): Promise<ReadingHistory> {
  if (!(query.to > query.from)) throw new AppError('invalid_range', 'invalid_range', { from: String(query.from), to: String(query.to) });
  const { id, series } = await findSeries(db, query.linkId, query.key);
  const { level, bucketMs } = resolution ?? historyResolution(query.from, query.to, now, query.maxPoints);
  const [points, thresholds, alarms] = [
    await seriesPoints(db, id, query.from, query.to, level, bucketMs),
    await readingThresholds(db, query.linkId, query.key),
    await readingAlarmMarks(db, query.linkId, query.key, query.from, query.to),
  ];
  return { series, from: query.from, to: query.to, level, bucketMs, points, thresholds, alarms };
}
