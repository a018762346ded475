// What a chart draws over a reading besides its values: the limits set on it, the alarms raised on it.
import type { ReadingAlarmMark, ReadingThreshold } from '../../../shared/contract/readings';
import { modbusSettingsSchema } from '../../../shared/contract/device-protocols';
import type { Db } from '../db/database';
import { shippedModbusModel } from '../devices/modbus/models/shipped-models';

const maxAlarmMarks = 500;

/**
 * The limits on a reading. Today only Modbus points carry numeric limits (their register map's high/low alarms, which
 * the session evaluates); a reading key is `modbus:<slave>:<point>`. Other drivers' readings have none.
 */
export async function readingThresholds(db: Db, linkId: string, key: string): Promise<ReadingThreshold[]> {
  const link = await db.selectFrom('link').select(['driver', 'protocol']).where('id', '=', linkId).executeTakeFirst();
  const [prefix, , pointKey] = key.split(':');
  if (!link || link.driver !== 'modbus' || prefix !== 'modbus' || !pointKey) return [];
  const settings = modbusSettingsSchema.safeParse(JSON.parse(link.protocol));
  if (!settings.success) return [];
  const model = settings.data.model ?? shippedModbusModel(settings.data.modelId);
  const point = model?.points.find((p) => p.key === pointKey);
  if (!point) return [];
  const thresholds: ReadingThreshold[] = [];
  for (const kind of ['high', 'low'] as const) {
    const alarm = point.alarms[kind];
    if (alarm) thresholds.push({ kind, value: alarm.value, severity: alarm.severity, text: alarm.text });
  }
  return thresholds;
}

/** Alarms of the link whose condition is this reading (`<key>` or `<key>:<kind>`) standing at some time in the range. */
export async function readingAlarmMarks(db: Db, linkId: string, key: string, from: number, to: number): Promise<ReadingAlarmMark[]> {
  const rows = await db
    .selectFrom('alarm')
    .select(['id', 'raised_at', 'restored_at', 'severity', 'text_zh', 'text_en'])
    .where('device_id', '=', linkId)
    .where('state', '!=', 'status')
    .where((eb) => eb.or([eb('condition_key', '=', key), eb(eb.fn('substr', ['condition_key', eb.val(1), eb.val(key.length + 1)]), '=', `${key}:`)]))
    .where('raised_at', '<', to)
    .where((eb) => eb.or([eb('restored_at', 'is', null), eb('restored_at', '>=', from)]))
    .orderBy('raised_at')
    .limit(maxAlarmMarks)
    .execute();
  return rows.map((r) => ({ id: r.id, raisedAt: r.raised_at, restoredAt: r.restored_at, severity: r.severity, text: { zh: r.text_zh, en: r.text_en } }));
}
