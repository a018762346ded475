// Records one device alarm inside a transaction: a new active row or a repeat, a restore, or a status report.
import type { Alarm, AlarmRule } from '../../../shared/contract/alarms';
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { CoreContext } from '../context';
import type { Trx } from '../db/database';
import type { NewEntry } from '../journal/service';
import { alarmSystemOperator, openAlarmIncident } from './alarm-incident';
import { selectAlarms, toAlarm } from './alarm-rows';
import type { AlarmSource } from './alarm-source';
import { ruleFor } from './rule-matching';

export interface RecordedAlarm {
  alarm: Alarm;
  /** A new raise (not a repeat of one still active): what sounds the alarm. */
  isNewRaise: boolean;
  /** The incident a rule opened, and the register devices it was linked to. */
  incidentId: string | null;
  linkedAssetIds: string[];
}

type Journal = (entry: NewEntry) => Promise<void>;

async function reread(trx: Trx, id: string): Promise<Alarm> {
  return toAlarm(await selectAlarms(trx).where('a.id', '=', id).executeTakeFirstOrThrow());
}

function entryPayload(source: AlarmSource, alarm: DeviceAlarm, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    deviceId: source.deviceId,
    deviceName: source.deviceName,
    conditionKey: alarm.conditionKey,
    eventCode: alarm.eventCode,
    severity: alarm.severity,
    text: alarm.text,
    point: alarm.point,
    at: alarm.at,
    detail: alarm.detail,
    ...extra,
  };
}

export async function recordAlarm(
  ctx: CoreContext,
  trx: Trx,
  journal: Journal,
  source: AlarmSource,
  alarm: DeviceAlarm,
  rules: readonly AlarmRule[],
): Promise<RecordedAlarm> {
  const active = await trx
    .selectFrom('alarm')
    .select(['id', 'repeats'])
    .where('device_id', '=', source.deviceId)
    .where('condition_key', '=', alarm.conditionKey)
    .where('state', '=', 'active')
    .executeTakeFirst();
  const detail = JSON.stringify(alarm.detail);
  const entry = (type: string, id: string, extra: Record<string, unknown>) =>
    journal({ type, entityType: 'alarm', entityId: id, payload: entryPayload(source, alarm, extra), operator: alarmSystemOperator });
  const none = { isNewRaise: false, incidentId: null, linkedAssetIds: [] };

  if (alarm.state === 'raised' && active) {
    const repeats = active.repeats + 1;
    await trx.updateTable('alarm').set({ repeats, last_raised_at: alarm.at, detail }).where('id', '=', active.id).execute();
    await entry('alarm.raised', active.id, { repeat: true, repeats });
    return { alarm: await reread(trx, active.id), ...none };
  }
  if (alarm.state === 'restored' && active) {
    await trx.updateTable('alarm').set({ state: 'restored', restored_at: alarm.at }).where('id', '=', active.id).execute();
    await entry('alarm.restored', active.id, {});
    return { alarm: await reread(trx, active.id), ...none };
  }

  // A raise with nothing active, a status report, or a restore of a condition not known to be active (raised before
  // the console watched this device): a row of its own; only a raise asks for a person's acknowledgement.
  const id = ctx.newId();
  const state = alarm.state === 'raised' ? 'active' : alarm.state;
  await trx
    .insertInto('alarm')
    .values({
      id,
      device_id: source.deviceId,
      device_name: source.deviceName,
      condition_key: alarm.conditionKey,
      event_code: alarm.eventCode,
      severity: alarm.severity,
      text_zh: alarm.text.zh,
      text_en: alarm.text.en,
      point: alarm.point,
      state,
      ack_required: alarm.state === 'raised' ? 1 : 0,
      raised_at: alarm.at,
      last_raised_at: alarm.at,
      restored_at: alarm.state === 'restored' ? alarm.at : null,
      acknowledged_at: null,
      acknowledged_by: null,
      incident_id: null,
      detail,
    })
    .execute();
  if (alarm.state !== 'raised') {
    await entry(`alarm.${alarm.state}`, id, alarm.state === 'restored' ? { unmatched: true } : {});
    return { alarm: await reread(trx, id), ...none };
  }

  const rule = ruleFor(rules, alarm.eventCode);
  const filed = rule?.openIncident ? await openAlarmIncident(ctx, trx, journal, source, alarm, rule) : null;
  if (filed) await trx.updateTable('alarm').set({ incident_id: filed.incident.id }).where('id', '=', id).execute();
  await entry('alarm.raised', id, {
    ruleId: rule?.id ?? null,
    incidentId: filed?.incident.id ?? null,
    incidentNumber: filed?.incident.number ?? null,
    ...(rule?.openIncident && !filed ? { incidentSkipped: 'catalog_unknown_system', systemId: rule.systemId } : {}),
  });
  return { alarm: await reread(trx, id), isNewRaise: true, incidentId: filed?.incident.id ?? null, linkedAssetIds: filed?.devices.map((d) => d.id) ?? [] };
}
