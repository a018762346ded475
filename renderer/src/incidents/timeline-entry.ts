// A journal entry of an incident as one line a person reads: what happened, and the words that came with it.
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../../shared/contract';
import { isSlaLevel } from '../../../shared/domain/incidents/sla-levels';

/** The payload fields worth showing under a step, in this order. */
const shownFields = ['plan', 'note', 'text', 'reason', 'faultType', 'cause', 'method', 'loss', 'prevention', 'fileName', 'description'] as const;

export interface TimelineLine {
  title: string;
  details: { label: string; value: string }[];
  alarm: boolean;
}

function payloadOf(entry: JournalEntry): Record<string, unknown> {
  return entry.payload !== null && typeof entry.payload === 'object' ? (entry.payload as Record<string, unknown>) : {};
}

export function timelineLine(entry: JournalEntry, t: TFunction<'incidents'>): TimelineLine {
  const p = payloadOf(entry);
  const milestone = typeof p.milestone === 'string' ? t(`milestone.${p.milestone}`, { defaultValue: p.milestone }) : '';
  let title = t(`timeline.${entry.type}`, { milestone, defaultValue: entry.type });
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
  return { title, details, alarm: entry.type === 'incident.sla_overdue' };
}
