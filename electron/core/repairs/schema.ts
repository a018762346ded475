// Repairs' tables as Kysely sees them (parts and spare loans by migration 0073, replacement quotes by 0074, a part's
// withdrawal by 0075).
import type { Generated } from 'kysely';
import type { PartKind, PartSource, QuoteOptionKind } from '../../../shared/contract/repairs';

export interface RepairPartTable {
  seq: Generated<number>;
  id: string;
  incident_id: string;
  device_id: string | null;
  kind: PartKind;
  name: string;
  quantity: number;
  unit_cost_fen: number;
  currency: Generated<string>;
  source: PartSource;
  stock_system_id: string | null;
  stock_type_id: string | null;
  note: string;
  recorded_by: string;
  recorded_at: number;
  /** Withdrawn as recorded by mistake (migration 0075): kept, not counted. */
  withdrawn_at: number | null;
  withdrawn_by: string | null;
  withdraw_reason: Generated<string>;
}

export interface SpareLoanTable {
  seq: Generated<number>;
  id: string;
  incident_id: string;
  spare_device_id: string;
  faulty_device_id: string;
  borrower: string;
  lent_at: number;
  due_at: number | null;
  lent_by: string;
  note: string;
  returned_at: number | null;
  returned_by: string | null;
  return_note: string;
}

export interface ReplacementQuoteTable {
  seq: Generated<number>;
  id: string;
  incident_id: string;
  device_id: string;
  note: string;
  recorded_by: string;
  recorded_at: number;
  chosen_option_id: string | null;
  chosen_by: string | null;
  choice_recorded_by: string | null;
  chosen_at: number | null;
  choice_note: string;
}

export interface ReplacementOptionTable {
  seq: Generated<number>;
  id: string;
  quote_id: string;
  kind: QuoteOptionKind;
  brand: string;
  model: string;
  price_fen: number;
  currency: Generated<string>;
  supplier: string;
  valid_until: string;
  note: string;
}

export interface RepairTables {
  repair_part: RepairPartTable;
  spare_loan: SpareLoanTable;
  replacement_quote: ReplacementQuoteTable;
  replacement_option: ReplacementOptionTable;
}
