// How the readings UI writes times, spans and values: local, in the reader's language.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** The axis and table format for a range: times within a day, days and times within a month, days beyond. */
export function timeFormatFor(spanMs: number, t: TFunction): string {
  if (spanMs <= 26 * 3_600_000) return t('readings:formats.time');
  if (spanMs <= 40 * 86_400_000) return t('readings:formats.dayTime');
  return t('readings:formats.day');
}

export function formatAt(at: number, format: string): string {
  return dayjs(at).format(format);
}

/** A bucket's width in words: "15 分钟", "1 h". */
export function formatDuration(ms: number, t: TFunction): string {
  if (ms < 60_000) return t('readings:duration.s', { n: Math.round(ms / 1_000) });
  if (ms < 3_600_000) return t('readings:duration.min', { n: Math.round(ms / 60_000) });
  if (ms < 86_400_000) return t('readings:duration.h', { n: Math.round(ms / 3_600_000) });
  return t('readings:duration.d', { n: Math.round(ms / 86_400_000) });
}

/** A value with at most two decimals and its unit. */
export function formatValue(value: number, unit: string): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 2).replace(/\.?0+$/, '');
  return unit ? `${text} ${unit}` : text;
}

/** A table row's time: to the second for raw buckets, to the minute for aggregates, the day for buckets of days. */
export function rowFormatFor(bucketMs: number, t: TFunction): string {
  if (bucketMs < 60_000) return t('readings:formats.dayTimeSeconds');
  if (bucketMs < 86_400_000) return t('readings:formats.dayTime');
  return t('readings:formats.day');
}
