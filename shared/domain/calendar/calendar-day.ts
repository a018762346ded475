// A calendar day as the register stores it (YYYY-MM-DD): only days that exist, in years a device can have.

/** Install dates and warranty ends outside these years are typing mistakes (0000-01-01, 20244-…), not data. */
export const firstCalendarYear = 1900;
export const lastCalendarYear = 2199;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a day that exists: 2024-02-29 yes, 2023-02-29 and 2024-02-30 no. Numbers as written (month 1–12). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < firstCalendarYear || year > lastCalendarYear || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** The day as YYYY-MM-DD, or null when it does not exist. */
export function calendarDayText(year: number, month: number, day: number): string | null {
  if (!isCalendarDay(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for YYYY-MM-DD text naming a day that exists. */
export function isCalendarDayText(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
