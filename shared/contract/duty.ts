// The duty log and shift handover: entries a guard writes, the outgoing guard's summary, the incoming guard's confirmation.
import { z } from 'zod';
import type { IncidentState } from '../domain/incidents/incident-lifecycle';
import type { MilestoneKind } from '../domain/incidents/sla-clock';
import type { SlaLevel } from '../domain/incidents/sla-levels';
import { command, query } from './define';
import type { JournalHead } from './journal';

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** What a guard writes down; `incident` entries are the ones a report adds (kept for the log's completeness). */
export const dutyEntryKinds = ['patrol', 'call', 'visitor', 'note', 'incident'] as const;
export type DutyEntryKind = (typeof dutyEntryKinds)[number];
/** The kinds a guard adds by hand. */
export const manualDutyEntryKinds = ['patrol', 'call', 'visitor', 'note'] as const;

export interface DutyLogEntry {
  id: string;
  kind: DutyEntryKind;
  at: number;
  text: string;
  operator: string;
  /** The handover that closed the shift the entry belongs to; null while the shift is open. */
  handoverId: string | null;
  createdAt: number;
}

/** An open incident as the handover carries it: frozen at the time of the handover. */
export interface HandoverIncident {
  id: string;
  number: string;
  level: SlaLevel;
  state: IncidentState;
  title: string;
  reportedAt: number;
  /** Milestones past their deadline when the summary was taken. */
  overdue: MilestoneKind[];
}

export interface HandoverDraft {
  asOf: number;
  openIncidents: HandoverIncident[];
  entriesSinceLastHandover: DutyLogEntry[];
  /** The last handover's time, or null for the first shift. */
  since: number | null;
}

export interface ShiftHandover {
  id: string;
  outgoingOperator: string;
  summary: string;
  notes: string;
  openIncidents: HandoverIncident[];
  entries: DutyLogEntry[];
  createdAt: number;
  incomingOperator: string | null;
  confirmedAt: number | null;
  /** The journal's head when the summary was submitted, printed on the sheet; null for handovers before it was kept. */
  journalHead: JournalHead | null;
}

export type ShiftHandoverListItem = Omit<ShiftHandover, 'entries' | 'openIncidents'> & { openIncidentCount: number; entryCount: number };

export const dutyContract = {
  'duty.add': command<DutyLogEntry>()(
    z.object({ kind: z.enum(manualDutyEntryKinds), text: text(2000).min(1), at: epochMs.optional() }),
  ),
  /** Entries with from ≤ at < to, oldest first; the renderer computes a local day's bounds. */
  'duty.list': query<DutyLogEntry[]>()(
    z.object({ from: epochMs, to: epochMs, limit: z.number().int().min(1).max(2000).default(500) }),
  ),
  'duty.handoverDraft': query<HandoverDraft>()(z.object({})),
  'duty.handoverSubmit': command<ShiftHandover>()(z.object({ summary: text(4000).min(1), notes: text(4000).default('') })),
  /** The incoming guard confirms; `name`/`password` are checked against the operators once login exists. */
  'duty.handoverConfirm': command<ShiftHandover>()(
    z.object({ id, name: text(100).optional(), password: z.string().max(200).optional() }),
  ),
  'duty.handovers': query<ShiftHandoverListItem[]>()(z.object({ limit: z.number().int().min(1).max(200).default(50) })),
  'duty.handover': query<ShiftHandover>()(z.object({ id })),
};
