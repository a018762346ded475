// The escalations' table as Kysely sees it (created by migration 0071).
import type { Generated } from 'kysely';

export interface EscalationTable {
  seq: Generated<number>;
  id: string;
  incident_id: string;
  kind: 'cannot_resolve' | 'sla_overdue';
  crossing_key: string | null;
  milestone: string | null;
  tried: string;
  raised_by: string;
  raised_at: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  action: Generated<string>;
  upstream: Generated<'waiting_for_sync' | 'sent'>;
}

export interface EscalationTables {
  escalation: EscalationTable;
}
