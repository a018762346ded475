// Alarm and rule rows to contract values, and the query every alarm read starts from.
import type { Selectable } from 'kysely';
import type { Alarm, AlarmRule } from '../../../shared/contract/alarms';
import type { DetailValue } from '../../../shared/domain/devices/device-signals';
import type { Db, Trx } from '../db/database';
import type { AlarmRuleTable, AlarmTable } from './schema';

export type AlarmRow = Selectable<AlarmTable> & { incident_number: string | null };
export type AlarmRuleRow = Selectable<AlarmRuleTable>;

/** Alarms with their incident's number. */
export function selectAlarms(db: Db | Trx) {
  return db.selectFrom('alarm as a').leftJoin('incident as i', 'i.id', 'a.incident_id').selectAll('a').select('i.number as incident_number');
}

export function toAlarm(row: AlarmRow): Alarm {
  return {
    id: row.id,
    deviceId: row.device_id,
    deviceName: row.device_name,
    conditionKey: row.condition_key,
    eventCode: row.event_code,
    severity: row.severity,
    text: { zh: row.text_zh, en: row.text_en },
    point: row.point,
    state: row.state,
    raisedAt: row.raised_at,
    restoredAt: row.restored_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    ackComment: row.ack_comment,
    incidentId: row.incident_id,
    incidentNumber: row.incident_number,
    detail: JSON.parse(row.detail) as Record<string, DetailValue>,
  };
}

export function toAlarmRule(row: AlarmRuleRow): AlarmRule {
  return {
    id: row.id,
    eventPattern: row.event_pattern,
    label: { zh: row.label_zh, en: row.label_en },
    openIncident: row.open_incident === 1,
    level: row.level,
    systemId: row.system_id,
    enabled: row.enabled === 1,
    updatedAt: row.updated_at,
  };
}
