// The readings history's tables as Kysely sees them (created by migration 0080).
import type { Generated } from 'kysely';

export interface ReadingSeriesTable {
  id: Generated<number>;
  link_id: string;
  key: string;
  label_zh: string;
  label_en: string;
  unit: string;
  created_at: number;
}

export interface ReadingRawTable {
  series_id: number;
  at: number;
  value: number;
}

/** A one-minute or one-hour aggregate of a series; `start` is the period's first millisecond (UTC-aligned). */
export interface ReadingAggregateTable {
  series_id: number;
  start: number;
  min: number;
  mean: number;
  max: number;
  count: number;
}

export interface ReadingRollupTable {
  level: 'minute' | 'hour';
  done_until: number;
}

export interface ReadingTables {
  reading_series: ReadingSeriesTable;
  reading_raw: ReadingRawTable;
  reading_minute: ReadingAggregateTable;
  reading_hour: ReadingAggregateTable;
  reading_rollup: ReadingRollupTable;
}
