// Records a batch of device alarms inside one transaction: new active rows or repeats, restores, status reports.
// One read of the conditions still active, the changes worked out in memory in arrival order, then one UPDATE per
// row that was already active and multi-row INSERTs for the new ones: a burst costs a few statements, not three each.
import type { Alarm, AlarmRule } from '../../../shared/contract/alarms';
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { CoreContext } from '../context';
import type { Trx } from '../db/database';
import type { NewEntry } from '../journal/service';
import { alarmSystemOperator, openAlarmIncident } from './alarm-incident';
import { type AlarmRow, selectAlarms, toAlarm } from './alarm-rows';
import type { AlarmSource } from './alarm-source';
import { ruleFor } from './rule-matching';

export interface RecordedAlarm {
  /** The alarm as this event left it. */
  alarm: Alarm;
  /** A new raise (not a repeat of one still active): what sounds the alarm. */
  isNewRaise: boolean;
  /** The incident a rule opened, and the register devices it was linked to. */
  incidentId: string | null;
  linkedAssetIds: string[];
}

export interface AlarmToRecord {
  source: AlarmSource;
  alarm: DeviceAlarm;
}

type Journal = (entry: NewEntry) => Promise<void>;

/** Rows per INSERT: twenty columns each, well under SQLite's bound-parameter limit (32,766). */
const rowsPerInsert = 400;

const conditionOf = (deviceId: string, conditionKey: string): string => `${deviceId}\u0000${conditionKey}`;

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

/** The rows of the batch's raised or restored conditions that are active now, by device and condition. */
async function activeRows(trx: Trx, batch: readonly AlarmToRecord[]): Promise<Map<string, AlarmRow>> {
  const clearing = batch.filter((b) => b.alarm.state !== 'status');
  const active = new Map<string, AlarmRow>();
  if (clearing.length === 0) return active;
  const deviceIds = [...new Set(clearing.map((b) => b.source.deviceId))];
  const keys = [...new Set(clearing.map((b) => b.alarm.conditionKey))];
  const rows = await selectAlarms(trx)
    .where('a.state', '=', 'active')
    .where('a.device_id', 'in', deviceIds)
    .where('a.condition_key', 'in', keys)
    .execute();
  for (const row of rows) active.set(conditionOf(row.device_id, row.condition_key), row);
  return active;
}

function newRow(id: string, source: AlarmSource, alarm: DeviceAlarm): AlarmRow {
  return {
    seq: 0,
    id,
    device_id: source.deviceId,
    device_name: source.deviceName,
    condition_key: alarm.conditionKey,
    event_code: alarm.eventCode,
    severity: alarm.severity,
    text_zh: alarm.text.zh,
    text_en: alarm.text.en,
    point: alarm.point,
    state: alarm.state === 'raised' ? 'active' : alarm.state,
    ack_required: alarm.state === 'raised' ? 1 : 0,
    raised_at: alarm.at,
    last_raised_at: alarm.at,
    repeats: 0,
    restored_at: alarm.state === 'restored' ? alarm.at : null,
    acknowledged_at: null,
    acknowledged_by: null,
    ack_comment: '',
    incident_id: null,
    detail: JSON.stringify(alarm.detail),
    incident_number: null,
  };
}

/** Writes what the batch changed: rows active before it first (a restore frees its condition), then the new rows. */
async function writeRows(trx: Trx, changed: Iterable<AlarmRow>, inserted: readonly AlarmRow[]): Promise<void> {
  for (const row of changed) {
    await trx
      .updateTable('alarm')
      .set({ repeats: row.repeats, last_raised_at: row.last_raised_at, detail: row.detail, state: row.state, restored_at: row.restored_at })
      .where('id', '=', row.id)
      .execute();
  }
  for (let i = 0; i < inserted.length; i += rowsPerInsert) {
    const values = inserted.slice(i, i + rowsPerInsert).map(({ seq: _seq, incident_number: _number, ...row }) => row);
    await trx.insertInto('alarm').values(values).execute();
  }
}

/**
 * Records the alarms in the order they arrived. A raise of a condition still active is a repeat; a restore clears
 * it; anything else (a first raise, a status report, a restore of a condition not known to be active) is a row of
 * its own, and only a raise asks for a person's acknowledgement and may open an incident by rule.
 */
export async function recordAlarms(
  ctx: CoreContext,
  trx: Trx,
  journal: Journal,
  batch: readonly AlarmToRecord[],
  rules: readonly AlarmRule[],
): Promise<RecordedAlarm[]> {
  const active = await activeRows(trx, batch);
  const changed = new Set<AlarmRow>();
  const inserted = new Set<AlarmRow>();
  const recorded: RecordedAlarm[] = [];

  for (const { source, alarm } of batch) {
    const condition = conditionOf(source.deviceId, alarm.conditionKey);
    const row = alarm.state === 'status' ? undefined : active.get(condition);
    const entry = (type: string, id: string, extra: Record<string, unknown>) =>
      journal({ type, entityType: 'alarm', entityId: id, payload: entryPayload(source, alarm, extra), operator: alarmSystemOperator });
    const none = { isNewRaise: false, incidentId: null, linkedAssetIds: [] };

    if (row) {
      if (alarm.state === 'raised') {
        row.repeats += 1;
        row.last_raised_at = alarm.at;
        row.detail = JSON.stringify(alarm.detail);
        await entry('alarm.raised', row.id, { repeat: true, repeats: row.repeats });
      } else {
        row.state = 'restored';
        row.restored_at = alarm.at;
        active.delete(condition);
        await entry('alarm.restored', row.id, {});
      }
      if (!inserted.has(row)) changed.add(row);
      recorded.push({ alarm: toAlarm(row), ...none });
      continue;
    }

    const created = newRow(ctx.newId(), source, alarm);
    inserted.add(created);
    if (alarm.state !== 'raised') {
      await entry(`alarm.${alarm.state}`, created.id, alarm.state === 'restored' ? { unmatched: true } : {});
      recorded.push({ alarm: toAlarm(created), ...none });
      continue;
    }
    active.set(condition, created);
    const rule = ruleFor(rules, alarm.eventCode);
    const filed = rule?.openIncident ? await openAlarmIncident(ctx, trx, journal, source, alarm, rule) : null;
    if (filed) {
      created.incident_id = filed.incident.id;
      created.incident_number = filed.incident.number;
    }
    await entry('alarm.raised', created.id, {
      ruleId: rule?.id ?? null,
      incidentId: filed?.incident.id ?? null,
      incidentNumber: filed?.incident.number ?? null,
      ...(rule?.openIncident && !filed ? { incidentSkipped: 'catalog_unknown_system', systemId: rule.systemId } : {}),
    });
    recorded.push({ alarm: toAlarm(created), isNewRaise: true, incidentId: filed?.incident.id ?? null, linkedAssetIds: filed?.devices.map((d) => d.id) ?? [] });
  }

  await writeRows(trx, changed, [...inserted]);
  return recorded;
}
