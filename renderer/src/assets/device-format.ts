// How a device's fields read on screen: its location line, dates in the user's language, its warranty state.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { DeviceFields } from '../../../shared/contract';

dayjs.extend(relativeTime);

/** The dayjs locale for an i18next language, passed explicitly so a date never renders in the previous language. */
export function dayjsLocale(language: string): string {
  return language === 'en' ? 'en' : 'zh-cn';
}

export function locationLine(device: Pick<DeviceFields, 'building' | 'floor' | 'room' | 'rack'>): string {
  return [device.building, device.floor, device.room, device.rack].filter((part) => part !== '').join(' / ');
}

/** A stored YYYY-MM-DD date in the given format and locale. */
export function formatDate(isoDate: string, format: string, language: string): string {
  return dayjs(isoDate).locale(dayjsLocale(language)).format(format);
}

/** "3 分钟前" and "2026-11-25 14:03" for a journal time. */
export function formatMoment(at: number, absoluteFormat: string, language: string, now: number): { relative: string; absolute: string } {
  const moment = dayjs(at).locale(dayjsLocale(language));
  return { relative: moment.from(dayjs(now)), absolute: moment.format(absoluteFormat) };
}

export type WarrantyState =
  | { kind: 'unknown' }
  | { kind: 'expired'; end: string }
  | { kind: 'ends_soon'; end: string; daysLeft: number }
  | { kind: 'valid'; end: string };

/** Within this many days of its end a warranty is flagged, so a renewal can still be arranged. */
const endsSoonDays = 60;

/** `today` is YYYY-MM-DD in the user's time zone; a warranty ending today still holds today. */
export function warrantyState(warrantyEnd: string | null, today: string): WarrantyState {
  if (!warrantyEnd) return { kind: 'unknown' };
  if (warrantyEnd < today) return { kind: 'expired', end: warrantyEnd };
  const daysLeft = dayjs(warrantyEnd).diff(dayjs(today), 'day');
  return daysLeft <= endsSoonDays ? { kind: 'ends_soon', end: warrantyEnd, daysLeft } : { kind: 'valid', end: warrantyEnd };
}

export function todayIso(now: number): string {
  return dayjs(now).format('YYYY-MM-DD');
}
