// A journal entry of an incident as one line a person reads: what happened, and the words that came with it.
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../../shared/contract';
import { type IncidentState, incidentStateLabels, incidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import { isSlaLevel } from '../../../shared/domain/incidents/sla-levels';
import { upstreamAuthorOf } from '../../../shared/domain/sync/upstream-operator';
import { repairTimelineDetails } from '../repairs/timeline-details';

/** The payload fields worth showing under a step, in this order. */
const shownFields = ['plan', 'note', 'text', 'reason', 'comment', 'faultType', 'cause', 'method', 'loss', 'prevention', 'fileName', 'description'] as const;

export interface TimelineLine {
  title: string;
  details: { label: string; value: string }[];
  alarm: boolean;
  /** A change the service center made (pulled by the sync): who made it there, shown instead of the operator. */
  upstream: { author: string } | null;
}

/** The sync journals what it pulls under the operator `upstream:<author>`. */
function upstreamOf(entry: JournalEntry, p: Record<string, unknown>): TimelineLine['upstream'] {
  const fromOperator = upstreamAuthorOf(entry.operator);
  if (!entry.type.startsWith('incident.upstream_') && fromOperator === null) return null;
  const author = typeof p.author === 'string' && p.author ? p.author : (fromOperator ?? '');
  return { author };
}

const isIncidentState = (x: unknown): x is IncidentState => (incidentStates as readonly unknown[]).includes(x);

/** What became of a status the service center set: applied here, or why not (never silently dropped). */
function upstreamStatusOutcome(p: Record<string, unknown>, t: TFunction<'incidents'>, english: boolean): string | null {
  if (isIncidentState(p.applied)) return t('upstream.applied', { state: incidentStateLabels[p.applied][english ? 'en' : 'zh'] });
  if (typeof p.notAppliedReason === 'string' && p.notAppliedReason) return t(`upstream.notApplied.${p.notAppliedReason}`, { defaultValue: p.notAppliedReason });
  return null;
}

function payloadOf(entry: JournalEntry): Record<string, unknown> {
  return entry.payload !== null && typeof entry.payload === 'object' ? (entry.payload as Record<string, unknown>) : {};
}

export function timelineLine(entry: JournalEntry, t: TFunction<'incidents'>, english = false): TimelineLine {
  const p = payloadOf(entry);
  const milestone = typeof p.milestone === 'string' ? t(`milestone.${p.milestone}`, { defaultValue: p.milestone }) : '';
  const words = (key: string) => (typeof p[key] === 'string' ? p[key] : '');
  let title = t(`timeline.${entry.type}`, { milestone, assignee: words('assignee'), status: words('status'), defaultValue: entry.type });
  if (entry.type === 'incident.level_changed' && isSlaLevel(p.levelFrom) && isSlaLevel(p.level)) {
    title = `${title}: ${t('level.short', { level: p.levelFrom })} → ${t('level.short', { level: p.level })}`;
  }
  if (entry.type === 'incident.reported' && isSlaLevel(p.level)) title = `${title} · ${t('level.short', { level: p.level })}`;
  const details: TimelineLine['details'] = [];
  for (const f of shownFields) {
    const v = p[f];
    if (typeof v === 'string' && v.trim()) details.push({ label: f === 'fileName' ? '' : t(`fields.${f}`), value: v });
  }
  if (entry.type === 'incident.record_updated' && p.changes && typeof p.changes === 'object') {
    for (const key of Object.keys(p.changes)) details.push({ label: t(`fields.${key}`, { defaultValue: key }), value: '✎' });
  }
  details.push(...repairTimelineDetails(entry, t));
  if (entry.type === 'incident.upstream_status') {
    const outcome = upstreamStatusOutcome(p, t, english);
    if (outcome) details.push({ label: '', value: outcome });
  }
  return { title, details, alarm: entry.type === 'incident.sla_overdue', upstream: upstreamOf(entry, p) };
}
