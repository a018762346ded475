// Escalations' contract: the engineer's "cannot resolve on site", SLA milestones missed, the supervisor's queue.
import { z } from 'zod';
import type { MilestoneKind } from '../domain/incidents/sla-clock';
import type { SlaLevel } from '../domain/incidents/sla-levels';
import { command, query } from './define';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

export type EscalationKind = 'cannot_resolve' | 'sla_overdue';

export interface Escalation {
  id: string;
  incidentId: string;
  incidentNumber: string;
  incidentTitle: string;
  level: SlaLevel;
  kind: EscalationKind;
  /** sla_overdue: the milestone whose deadline passed. */
  milestone: MilestoneKind | null;
  /** cannot_resolve: what the engineer tried on site. */
  tried: string;
  raisedBy: string;
  raisedAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  /** What the supervisor will do, given with the acknowledgement. */
  action: string;
  /** Escalations go upstream as well: waiting for the sync until it takes them. */
  upstream: 'waiting_for_sync' | 'sent';
}

export const escalationsContract = {
  /** 行为规范 (3): the engineer cannot resolve it on site, and says what was tried. */
  'escalations.raise': command<Escalation>()(z.object({ incidentId: id, tried: text(4000).min(1) })),
  /** open: not yet acknowledged, oldest first (the supervisor's queue); all: newest first. */
  'escalations.list': query<Escalation[]>()(z.object({ scope: z.enum(['open', 'all']).default('open'), incidentId: id.optional() })),
  'escalations.acknowledge': command<Escalation>()(z.object({ id, action: text(2000).min(1) })),
};
