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
  /** The points' spacing: the range cut into at most `maxPoints` buckets, a round whole multiple of the level's step. */
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
  const wanted = Math.ceil(span / Math.max(1, maxPoints));
  const step = levelStepMs[level];
  const ladder = bucketLadderMs.filter((b) => b % step === 0);
  return { level, bucketMs: ladder.find((b) => b >= wanted) ?? Math.ceil(wanted / day) * day };
}

/**
 * The spacings a chart is drawn at: round figures a reader takes in (ticks land on whole minutes and hours), and from a
 * whole hour up a multiple of the hourly fold, which then answers those buckets exactly as the minutes would.
 */
const bucketLadderMs: readonly number[] = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
  minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute,
  hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day,
];
