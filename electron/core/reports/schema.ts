// The reports' tables as Kysely sees them (created by migrations 0082 and 0084).
import type { MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';
import type { MilestoneOutcome } from '../../../shared/domain/reports/sla-compliance';

/** The supervisor's suggestions (系统优化) printed in one month's service report; saving again replaces the text. */
export interface ReportSuggestionTable {
  /** YYYY-MM. */
  month: string;
  text: string;
  saved_at: number;
  saved_by: string;
}

type MilestoneColumns = {
  [K in MilestoneKind as `${K}_outcome`]: MilestoneOutcome;
} & {
  /** The deadline (met or overdue), else null. */
  [K in MilestoneKind as `${K}_due`]: number | null;
} & {
  /** When it was met (in time or late), else null. */
  [K in MilestoneKind as `${K}_met`]: number | null;
} & {
  /** Late by (met late) or overdue by (unmet), else 0. */
  [K in MilestoneKind as `${K}_late`]: number;
};

/** A settled incident's SLA judgement (migration 0084; written by incident-sla-summary.ts). */
export type ReportIncidentSlaTable = MilestoneColumns & {
  incident_seq: number;
  /** The last clock event's time: the judgement holds for a report made at or after it. */
  settled_from: number;
  level: SlaLevel;
};

export interface ReportTables {
  report_suggestion: ReportSuggestionTable;
  report_incident_sla: ReportIncidentSlaTable;
}
