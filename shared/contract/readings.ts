// The readings history's contract: which readings a device has kept, a reading over a range (chart and table), the
// machine room's key readings with their last day (dashboard sparklines).
import { z } from 'zod';
import type { AlarmSeverity, LocalText } from '../domain/devices/device-signals';
import type { HistoryLevel } from '../domain/readings/history-resolution';
import { query } from './define';

const id = z.string().min(1).max(64);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** One reading of one link kept as a time series. */
export interface ReadingSeries {
  linkId: string;
  linkName: string;
  assetId: string | null;
  key: string;
  label: LocalText;
  unit: string;
}

/** One bucket of a series: raw values or aggregates folded into the chart's spacing. */
export interface HistoryPoint {
  /** The bucket's first millisecond. */
  at: number;
  min: number;
  mean: number;
  max: number;
  /** Raw values behind it. */
  count: number;
}

/** A limit set on the reading (a Modbus point's high/low alarm): drawn as a line across the chart. */
export interface ReadingThreshold {
  kind: 'high' | 'low';
  value: number;
  severity: AlarmSeverity;
  text: LocalText;
}

/** An alarm raised on the reading in the range: marked on the chart at its time. */
export interface ReadingAlarmMark {
  id: string;
  raisedAt: number;
  restoredAt: number | null;
  severity: AlarmSeverity;
  text: LocalText;
}

export interface ReadingHistory {
  series: ReadingSeries;
  from: number;
  to: number;
  /** Which table answered and the points' spacing (picked from the range, shared/domain/readings/history-resolution.ts). */
  level: HistoryLevel;
  bucketMs: number;
  points: HistoryPoint[];
  thresholds: ReadingThreshold[];
  alarms: ReadingAlarmMark[];
}

/** A key reading of the machine room: its latest value and its last hours, for a sparkline. */
export interface KeyReading {
  series: ReadingSeries;
  latest: { value: number; at: number } | null;
  points: HistoryPoint[];
}

export const historyInputSchema = z
  .object({
    linkId: id,
    key: z.string().min(1).max(120),
    from: epochMs,
    to: epochMs,
    /** The most points wanted (a chart's width); the bucket grows to fit. */
    maxPoints: z.number().int().min(10).max(5_000).default(1_000),
  })
  .refine((input) => input.to > input.from, { message: 'to_not_after_from', path: ['to'] });

export const readingsContract = {
  /** The readings kept for the links of a register device (its page), or of one link. */
  'readings.series': query<ReadingSeries[]>()(z.object({ assetId: id.optional(), linkId: id.optional() })),
  'readings.history': query<ReadingHistory>()(historyInputSchema),
  /** Temperature, humidity, UPS load and battery of every link, each with its last `hours`. */
  'readings.keyReadings': query<KeyReading[]>()(z.object({ hours: z.number().int().min(1).max(168).default(24) })),
};
