// How long each level of the readings history is kept, and which level (and bucket) a chart over a range reads.

export type HistoryLevel = 'raw' | 'minute' | 'hour';

const minute = 60_000;
const hour = 3_600_000;
const day = 86_400_000;

/** How long each level is kept (issue 16): raw 48 hours, one-minute aggregates 90 days, hourly five years. */
export const historyRetentionMs: Readonly<Record<HistoryLevel, number>> = {
  raw: 48 * hour,
  minute: 90 * day,
  hour: 5 * 365 * day,
};

/** A level's own step: raw values have none (a poll's interval), aggregates their period. */
export const levelStepMs: Readonly<Record<HistoryLevel, number>> = { raw: 1, minute, hour };

/** The longest range each level serves: beyond it the next coarser level is enough for a chart's width. */
const longestSpanMs: Readonly<Record<HistoryLevel, number>> = { raw: 6 * hour, minute: 31 * day, hour: Number.POSITIVE_INFINITY };

export interface HistoryResolution {
  level: HistoryLevel;
  /** The points' spacing: the range cut into at most `maxPoints` buckets, a whole multiple of the level's step. */
  bucketMs: number;
}

/**
 * The finest level that still holds `from` (by retention, at `now`) and whose range is not far wider than a chart
 * can show; then the bucket that brings the points down to `maxPoints`.
 */
export function historyResolution(from: number, to: number, now: number, maxPoints: number): HistoryResolution {
  const span = Math.max(1, to - from);
  const levels: HistoryLevel[] = ['raw', 'minute', 'hour'];
  const level = levels.find((l) => from >= now - historyRetentionMs[l] && span <= longestSpanMs[l]) ?? 'hour';
  const step = levelStepMs[level];
  const wanted = Math.ceil(span / Math.max(1, maxPoints));
  // Round up to a whole number of steps; for raw values to a whole second (buckets line up with the minute marks).
  const unit = level === 'raw' ? 1_000 : step;
  return { level, bucketMs: Math.max(unit, Math.ceil(wanted / unit) * unit) };
}
