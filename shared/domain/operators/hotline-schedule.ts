// Which service hotline is on duty at a moment: the staffed 5x8 line during working hours, the 7x24 mobile line outside them.

/*
 * The seed's service hours: a staffed hotline 5x8 (working days, working hours) and a 7x24 mobile hotline
 * outside them. Working hours are read in the site's own time zone, whatever the machine's clock zone is.
 */

export interface HotlineSettings {
  /** The 5x8 staffed hotline (值班热线). */
  staffedNumber: string;
  /** The 7x24 mobile hotline (移动热线). */
  mobileNumber: string;
  /** ISO weekdays the staffed line works: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local start and end of the working day, "HH:MM"; the end is not included. */
  workStart: string;
  workEnd: string;
  /** IANA time zone of the site, e.g. "Asia/Shanghai". */
  timeZone: string;
}

export const defaultHotlineSettings: HotlineSettings = {
  staffedNumber: '',
  mobileNumber: '',
  workingDays: [1, 2, 3, 4, 5],
  workStart: '08:30',
  workEnd: '17:30',
  timeZone: 'Asia/Shanghai',
};

export type HotlineKind = 'staffed_5x8' | 'mobile_7x24';

export interface HotlineNow {
  kind: HotlineKind;
  /** The number to call; empty when the administrator has not set it yet. */
  number: string;
  /** Why this line: 工作时间 (working hours) or 非工作时间 (outside them). */
  reason: '工作时间' | '非工作时间';
  /** The moment the answer was computed for (the core's clock). */
  at: number;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The ISO weekday (1 = Monday) and "HH:MM" of `at` in `timeZone`. */
export function localWeekdayAndTime(at: number, timeZone: string): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { weekday, time: `${part('hour')}:${part('minute')}` };
}

export function isWorkingTime(settings: HotlineSettings, at: number): boolean {
  const { weekday, time } = localWeekdayAndTime(at, settings.timeZone);
  return settings.workingDays.includes(weekday) && time >= settings.workStart && time < settings.workEnd;
}

export function hotlineAt(settings: HotlineSettings, at: number): HotlineNow {
  return isWorkingTime(settings, at)
    ? { kind: 'staffed_5x8', number: settings.staffedNumber, reason: '工作时间', at }
    : { kind: 'mobile_7x24', number: settings.mobileNumber, reason: '非工作时间', at };
}
