// Maintenance's tables as Kysely sees them (created by migration 0060).
import type { Generated } from 'kysely';
import type { ItemOutcome } from '../../../shared/domain/maintenance/checklist-items';
import type { Frequency } from '../../../shared/domain/maintenance/frequency';
import type { TaskKind, TemplatePurpose } from '../../../shared/domain/maintenance/template-purposes';
import type { TaskState } from '../../../shared/contract/maintenance';

export interface MntTemplateTable { id: string; latest_version: number; builtin: number }

export interface MntTemplateVersionTable {
  template_id: string;
  version: number;
  system_id: string | null;
  purpose: TemplatePurpose;
  name_zh: string;
  name_en: string;
  default_frequency: Frequency | null;
  every_days: number | null;
  /** ChecklistItem[] as JSON. */
  items: string;
  saved_at: number;
  saved_by: string;
}

export interface MntPlanTable {
  seq: Generated<number>;
  id: string;
  name: string;
  site: string;
  template_id: string;
  /** PlanScope as JSON. */
  scope: string;
  frequency: Frequency;
  every_days: number | null;
  window_days: number;
  engineer: string;
  starts_on: string;
  occurrences: number;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface MntTaskTable {
  seq: Generated<number>;
  id: string;
  number: string;
  kind: TaskKind;
  plan_id: string | null;
  occurrence: number | null;
  title: string;
  site: string;
  system_id: string | null;
  template_id: string;
  template_version: number;
  engineer: string;
  due_on: string;
  deadline: string;
  state: TaskState;
  findings: string;
  suggestions: string;
  /** TaskDetails as JSON. */
  details: string;
  device_count: number;
  failed_count: number;
  started_at: number | null;
  finished_at: number | null;
  finished_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface MntTaskDeviceTable { task_id: string; device_id: string; sort: number }

export interface MntResultTable {
  task_id: string;
  device_id: string;
  item_id: string;
  /** ItemValue as JSON. */
  value: string;
  outcome: ItemOutcome | null;
  incident_id: string | null;
  updated_at: number;
  updated_by: string;
}

/** A finished record's PDF (migration 0061): its bytes under <dataDir>/attachments/<sha256>, made once. */
export interface MntRecordPdfTable {
  task_id: string;
  sha256: string;
  file_name: string;
  size: number;
  made_at: number;
}

export interface MaintenanceTables {
  mnt_template: MntTemplateTable;
  mnt_template_version: MntTemplateVersionTable;
  mnt_plan: MntPlanTable;
  mnt_task: MntTaskTable;
  mnt_task_device: MntTaskDeviceTable;
  mnt_result: MntResultTable;
  mnt_record_pdf: MntRecordPdfTable;
}
