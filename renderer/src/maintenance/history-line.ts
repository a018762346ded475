// A maintenance entry of a device's history in one line: an item recorded, the device checked, an incident opened.
import type { TFunction } from 'i18next';
import type { JournalEntry } from '../../../shared/contract';
import type { ItemOutcome } from '../../../shared/domain/maintenance/checklist-items';
import { alarmColours } from '../app/theme';

const outcomeColours: Record<ItemOutcome, string> = { pass: alarmColours.normal, fail: alarmColours.critical, na: alarmColours.muted, done: alarmColours.info };

export function maintenanceLine(entry: JournalEntry, t: TFunction): { text: string; colour: string } | null {
  const p = (entry.payload ?? {}) as { number?: string; label?: string; outcome?: ItemOutcome | null; failed?: number; incidentNumber?: string };
  if (entry.type === 'maintenance.item_recorded') {
    const outcome = p.outcome ? t(`outcome.${p.outcome}`) : '—';
    return { text: t('history.item', { number: p.number ?? '', label: p.label ?? '', outcome }), colour: p.outcome ? outcomeColours[p.outcome] : alarmColours.muted };
  }
  if (entry.type === 'maintenance.device_checked') {
    return { text: t('history.checked', { number: p.number ?? '', failed: p.failed ?? 0 }), colour: p.failed ? alarmColours.major : alarmColours.normal };
  }
  if (entry.type === 'maintenance.incident_opened') {
    return { text: t('history.incident', { number: p.number ?? '', incident: p.incidentNumber ?? '' }), colour: alarmColours.critical };
  }
  return null;
}
