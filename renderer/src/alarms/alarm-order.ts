// Which live alarms the banner shows first, and whether (and how urgently) the console sounds for them.
import type { Alarm, AlarmSeverity } from '../../../shared/contract/alarms';

/**
 * How many of the most severe and newest active alarms the banner and the alarms page read: the same number, so they
 * share one query, which stays light to re-read while a burst pours in; a storm of more is counted, not listed.
 */
export const activeListLimit = 200;

/** Most severe first: the order the banner, the alarm list and the sound all agree on. */
export const severityRank: Record<AlarmSeverity, number> = { critical: 0, major: 1, minor: 2, info: 3 };

/** An alarm someone still has to acknowledge: active or restored, never a status report. */
export function needsAcknowledgement(alarm: Pick<Alarm, 'state' | 'acknowledgedAt'>): boolean {
  return alarm.state !== 'status' && alarm.acknowledgedAt === null;
}

type Ordered = Pick<Alarm, 'id' | 'severity' | 'raisedAt' | 'state' | 'acknowledgedAt'>;

/**
 * The banner's order: what the guard must still acknowledge before what they already have, then most severe,
 * then newest (ties by id, so the order never flickers between two refreshes).
 */
export function bannerOrder<T extends Ordered>(alarms: readonly T[]): T[] {
  return [...alarms].sort(
    (a, b) =>
      Number(needsAcknowledgement(b)) - Number(needsAcknowledgement(a)) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      b.raisedAt - a.raisedAt ||
      a.id.localeCompare(b.id),
  );
}

/** off: silent; normal: the console's alarm beep; urgent: the faster pattern kept for critical (fire, level I). */
export type AlarmSoundMode = 'off' | 'normal' | 'urgent';

/** Sounds while an active alarm is unacknowledged and the console is not muted; critical ones make it urgent. */
export function alarmSoundMode(alarms: readonly Ordered[], muted: boolean): AlarmSoundMode {
  if (muted) return 'off';
  const waiting = alarms.filter((a) => a.state === 'active' && a.acknowledgedAt === null);
  if (waiting.length === 0) return 'off';
  return waiting.some((a) => a.severity === 'critical') ? 'urgent' : 'normal';
}

/** Text on a severity-coloured background: black on yellow (minor), white on the others. */
export function severityForeground(severity: AlarmSeverity): '#000' | '#fff' {
  return severity === 'minor' ? '#000' : '#fff';
}
