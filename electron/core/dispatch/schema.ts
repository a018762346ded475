// Engineers' grades and incidents' dispatch records as Kysely sees them (created by migration 0072).
import type { Generated } from 'kysely';
import type { EngineerGrade } from '../../../shared/domain/operators/engineer-grades';

export interface EngineerGradeTable {
  operator_id: string;
  grade: EngineerGrade;
  updated_at: number;
}

export interface IncidentDispatchTable {
  seq: Generated<number>;
  id: string;
  incident_id: string;
  engineer_id: string;
  engineer_name: string;
  grade: EngineerGrade;
  dispatched_at: number;
  expected_at: number;
  arrived_at: number | null;
  recorded_by: string;
}

export interface DispatchTables {
  engineer_grade: EngineerGradeTable;
  incident_dispatch: IncidentDispatchTable;
}
