// The machine room's key readings with their last hours: the dashboard's sparklines and the wall screen's figures.
import type { KeyReading } from '../../../shared/contract/readings';
import { historyResolution } from '../../../shared/domain/readings/history-resolution';
import { isKeyReading, keyReadingRank } from '../../../shared/domain/readings/key-readings';
import type { Db } from '../db/database';
import { listSeries, findSeries, seriesPoints } from './reading-history';

/** Points per sparkline: a quarter-hour each over a day. */
const sparklinePoints = 96;
/** A wall or a dashboard shows a room's worth; a site with more sensors shows its first ones. */
const maxKeyReadings = 24;

export async function keyReadings(db: Db, now: number, hours: number): Promise<KeyReading[]> {
  const series = (await listSeries(db, {}))
    .filter((s) => isKeyReading(s.key))
    .sort((a, b) => keyReadingRank(a.key) - keyReadingRank(b.key) || a.linkName.localeCompare(b.linkName))
    .slice(0, maxKeyReadings);
  const from = now - hours * 3_600_000;
  const { level, bucketMs } = historyResolution(from, now, now, sparklinePoints);
  const result: KeyReading[] = [];
  for (const s of series) {
    const { id } = await findSeries(db, s.linkId, s.key);
    const latest = await db.selectFrom('reading_raw').select(['value', 'at']).where('series_id', '=', id).orderBy('at', 'desc').limit(1).executeTakeFirst();
    result.push({ series: s, latest: latest ?? null, points: await seriesPoints(db, id, from, now + 1, level, bucketMs) });
  }
  return result;
}
