// The incidents' tables as Kysely sees them (created by migration 0011).
import type { Generated } from 'kysely';
import type { IncidentState } from '../../../shared/domain/incidents/incident-lifecycle';
import type { SuggestionBasis } from '../../../shared/domain/incidents/level-suggestion';
import type { IncidentEventType } from '../../../shared/domain/incidents/sla-clock';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';

export interface IncidentTable {
  seq: Generated<number>;
  id: string;
  number: string;
  level: SlaLevel;
  suggested_level: SlaLevel;
  suggestion_basis: SuggestionBasis;
  state: IncidentState;
  system_id: string;
  title: string;
  description: string;
  location: string;
  reporter: string;
  callback_phone: string;
  device_text: string;
  occurred_at: number;
  fault_type: string;
  cause: string;
  method: string;
  loss: string;
  prevention: string;
  plan: string;
  emergency_plan: string;
  reported_at: number;
  reported_by: string;
  updated_at: number;
  /** The clock events of incident_event as a JSON array, copied there by a trigger (migration 0083) for the reports. */
  clock_events: Generated<string>;
}

/** One step of an incident's timeline: the rows slaMilestones reads. Append-only. */
export interface IncidentEventTable {
  seq: Generated<number>;
  incident_id: string;
  type: IncidentEventType;
  at: number;
  by: string;
  /** JSON object: the event's own fields (level, reason, text) and what came with it (plan, note). */
  data: string;
}

export interface IncidentDeviceTable {
  incident_id: string;
  device_id: string;
  linked_at: number;
  linked_by: string;
}

export interface IncidentAttachmentTable {
  incident_id: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  added_at: number;
  added_by: string;
}

/** A deadline crossing already journaled: unique per incident and crossingKey, so it is journaled once. */
export interface SlaCrossingTable {
  seq: Generated<number>;
  incident_id: string;
  crossing_key: string;
  milestone: string;
  round: number;
  level: SlaLevel;
  due_at: number;
  at: number;
  recorded_at: number;
}

/** One row (id 1): up to when deadline crossings have been looked for. */
export interface SlaWatchTable {
  id: number;
  last_checked_at: number;
}

export interface IncidentTables {
  incident: IncidentTable;
  incident_event: IncidentEventTable;
  incident_device: IncidentDeviceTable;
  incident_attachment: IncidentAttachmentTable;
  sla_crossing: SlaCrossingTable;
  sla_watch: SlaWatchTable;
}
