// Opens the incident a rule asks for, inside the alarm's own transaction, filed as the system on the device's behalf.
import type { AlarmRule } from '../../../shared/contract/alarms';
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { CoreContext } from '../context';
import type { Trx } from '../db/database';
import { fileIncident, type FiledIncident } from '../incidents/incident-report';
import type { NewEntry } from '../journal/service';
import type { AlarmSource } from './alarm-source';

/** The journal's operator for what the device layer does by itself. */
export const alarmSystemOperator = 'system';

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Null when the rule's system has left the catalog: the alarm itself must still commit (and the receiver get its
 * ACK), so a broken rule never blocks it; the journal entry says why no incident was opened.
 */
export async function openAlarmIncident(
  ctx: CoreContext,
  trx: Trx,
  journal: (entry: NewEntry) => Promise<void>,
  source: AlarmSource,
  alarm: DeviceAlarm,
  rule: Pick<AlarmRule, 'level' | 'systemId'>,
): Promise<FiledIncident | null> {
  const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', rule.systemId).executeTakeFirst();
  if (!system) return null;
  const asset = source.assetId ? await trx.selectFrom('device').select('id').where('id', '=', source.assetId).executeTakeFirst() : undefined;
  const where = alarm.point ? ` · ${alarm.point}` : '';
  return fileIncident(ctx, trx, journal, { operator: alarmSystemOperator }, {
    systemId: rule.systemId,
    title: clip(`${alarm.text.zh} — ${source.deviceName}${where}`, 200),
    description: clip(`${alarm.text.zh} (${alarm.text.en})\n${source.deviceName}${where}\n${alarm.eventCode}`, 4000),
    location: '',
    reporter: clip(`系统自动 (${source.deviceName})`, 100),
    callbackPhone: '',
    deviceIds: asset ? [asset.id] : [],
    deviceText: asset ? '' : clip(source.deviceName, 200),
    // A device clock ahead of ours must not make the incident start in the future.
    occurredAt: Math.min(alarm.at, ctx.clock.now()),
    facts: {},
    level: rule.level,
  });
}
