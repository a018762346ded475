// A device link's state as the duty room reads it: colour and the words, "离线自 10:42" rather than a timestamp.
import type { LinkState } from '../../../shared/contract/links';

/** Keys of the theme's alarmColours: green talking, orange retrying, red gone, grey switched off. */
export const linkStateColourKey: Record<LinkState, 'normal' | 'info' | 'major' | 'critical' | 'muted'> = {
  connected: 'normal',
  connecting: 'info',
  reconnecting: 'major',
  offline: 'critical',
  disabled: 'muted',
};

/** "10:42" today, "1月5日 10:42" (or "01-05 10:42" in English) on another day: since when a link is down. */
export function sinceText(since: number, now: number, english: boolean): string {
  const at = new Date(since);
  const today = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const sameDay = at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate();
  if (sameDay) return time;
  return english ? `${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}` : `${at.getMonth() + 1}月${at.getDate()}日 ${time}`;
}
