// The problem records' tables as Kysely sees them (created by migration 0070).
import type { Generated } from 'kysely';
import type { DefectState } from '../../../shared/domain/problems/defect-lifecycle';

export interface ConsultationTable {
  seq: Generated<number>;
  id: string;
  number: string;
  asked_by: string;
  channel: 'hotline' | 'on_site';
  question: string;
  answer: string;
  answered_by: string;
  answered_at: number;
  system_id: string;
  defect_id: string | null;
  recorded_by: string;
  recorded_at: number;
}

export interface DefectTable {
  seq: Generated<number>;
  id: string;
  number: string;
  state: DefectState;
  title: string;
  description: string;
  submitter: string;
  system_id: string;
  incident_id: string | null;
  consultation_id: string | null;
  upstream: Generated<'none' | 'waiting_for_sync' | 'sent'>;
  submitted_by: string;
  submitted_at: number;
  updated_at: number;
}

export interface DefectStepTable {
  seq: Generated<number>;
  defect_id: string;
  action: string;
  by: string;
  at: number;
  /** JSON object: the step's own fields (classification, proposal, reason, change records…). */
  data: string;
}

export interface DefectDeviceTable {
  defect_id: string;
  device_id: string;
  linked_at: number;
}

export interface ProblemTables {
  consultation: ConsultationTable;
  defect: DefectTable;
  defect_step: DefectStepTable;
  defect_device: DefectDeviceTable;
}
