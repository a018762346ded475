// The alarms' tables as Kysely sees them (created by migration 0021).
import type { Generated } from 'kysely';
import type { AlarmSeverity } from '../../../shared/domain/devices/device-signals';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';

export interface AlarmTable {
  seq: Generated<number>;
  id: string;
  device_id: string;
  device_name: string;
  condition_key: string;
  event_code: string;
  severity: AlarmSeverity;
  text_zh: string;
  text_en: string;
  point: string;
  state: 'active' | 'restored' | 'status';
  /** 1 for a raised condition (a person acknowledges it); 0 for status reports and restores with nothing to clear. */
  ack_required: 0 | 1;
  raised_at: number;
  last_raised_at: number;
  repeats: Generated<number>;
  restored_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  ack_comment: Generated<string>;
  incident_id: string | null;
  /** JSON object of DetailValue. */
  detail: string;
}

export interface AlarmRuleTable {
  seq: Generated<number>;
  id: string;
  event_pattern: string;
  label_zh: string;
  label_en: string;
  open_incident: 0 | 1;
  level: SlaLevel;
  system_id: string;
  enabled: 0 | 1;
  updated_at: number;
}

/** Alarms committed on arrival and not yet recorded (migration 0031); a row with an error was set aside. */
export interface AlarmInboxTable {
  seq: Generated<number>;
  received_at: number;
  /** The AlarmToRecord array ({ source, alarm }) in arrival order, in V8's serialization format (alarm-inbox.ts). */
  items: Buffer;
  error: string | null;
}

export interface AlarmTables {
  alarm: AlarmTable;
  alarm_rule: AlarmRuleTable;
  alarm_inbox: AlarmInboxTable;
}
