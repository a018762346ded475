// The readings history's queries: a reading over a range at the resolution the range calls for, and the series kept.
import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { HistoryPoint, ReadingHistory, ReadingSeries } from '../../../shared/contract/readings';
import { type HistoryLevel, historyResolution, levelStepMs } from '../../../shared/domain/readings/history-resolution';
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
 * times slower on a month of minutes, measured by scripts/bench-readings.ts). The buckets come back as one text,
 * `at,min,mean,max,count;…`: a row object per bucket from the driver cost three times the query itself. SQLite writes
 * a REAL as the shortest text that reads back as the same double, so nothing is rounded on the way.
 */
async function bucketsOf(db: Db, level: HistoryLevel, seriesId: number, from: number, to: number, bucketMs: number): Promise<BucketRow[]> {
  let query: RawBuilder<{ rows: string | null }>;
  if (level !== 'raw' && bucketMs === levelStepMs[level]) {
    // Buckets of the level's own period (a month of hours as the device page asks): each row is a bucket already.
    const table = sql.table(level === 'minute' ? 'reading_minute' : 'reading_hour');
    query = sql`select group_concat(start || ',' || min || ',' || mean || ',' || max || ',' || count, ';') as rows
      from ${table} where series_id = ${seriesId} and start >= ${from} and start < ${to}`;
  } else {
    const first = from - (from % bucketMs);
    const buckets = sql`with recursive b(s) as (select ${first} union all select s + ${bucketMs} from b where s + ${bucketMs} < ${to})`;
    // HAVING: an empty bucket is no row, so no point.
    const bucket =
      level === 'raw'
        ? sql`select s || ',' || min(value) || ',' || avg(value) || ',' || max(value) || ',' || count(*) from reading_raw
            where series_id = ${seriesId} and at >= max(s, ${from}) and at < min(s + ${bucketMs}, ${to}) having count(*) > 0`
        : sql`select s || ',' || min(min) || ',' || (sum(mean * count) / sum(count)) || ',' || max(max) || ',' || sum(count)
            from ${sql.table(level === 'minute' ? 'reading_minute' : 'reading_hour')}
            where series_id = ${seriesId} and start >= max(s, ${from}) and start < min(s + ${bucketMs}, ${to}) having count(*) > 0`;
    query = sql`${buckets} select group_concat(agg, ';') as rows from (select s, (${bucket}) as agg from b)`;
  }
  const text = (await query.execute(db)).rows[0]?.rows;
  if (!text) return [];
  const cells = text.split(/[,;]/);
  const rows: BucketRow[] = [];
  for (let i = 0; i + 4 < cells.length; i += 5) {
    rows.push({ at: Number(cells[i]), min: Number(cells[i + 1]), mean: Number(cells[i + 2]), max: Number(cells[i + 3]), count: Number(cells[i + 4]) });
  }
  // They come in the order the key (or the buckets) were walked; an ORDER BY in the aggregate would sort them again.
  return rows.every((r, i) => i === 0 || rows[i - 1]!.at < r.at) ? rows : rows.sort((a, b) => a.at - b.at);
}

/** Two partial buckets at a level's seam (the same bucket from two tables) become one; the parts come in time order. */
function mergeBuckets(parts: readonly BucketRow[][]): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const rows of parts) {
    for (const r of rows) {
      const seen = points.at(-1);
      // Each row is a fresh object of the point's shape: kept as it is.
      if (!seen || seen.at < r.at) points.push(r);
      else if (seen.at === r.at) {
        const count = seen.count + r.count;
        points[points.length - 1] = { at: r.at, min: Math.min(seen.min, r.min), max: Math.max(seen.max, r.max), mean: (seen.mean * seen.count + r.mean * r.count) / count, count };
      } else return mergeSorted(parts);
    }
  }
  return points;
}

/** The general case (a part reaching back before the one above it ended): by time, through a map. */
function mergeSorted(parts: readonly BucketRow[][]): HistoryPoint[] {
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
