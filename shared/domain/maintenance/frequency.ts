// How often a plan comes due, and the days it comes due on: counted from its start, so a month-end start never drifts.

export const frequencies = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'every_n_days'] as const;
export type Frequency = (typeof frequencies)[number];

const monthsPer: Record<Exclude<Frequency, 'every_n_days'>, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** Days ahead a planned task is made, so the week's work shows before it is due. */
export const taskLeadDays = 7;

function parseDay(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

function dayText(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parseDay(day);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return dayText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The n-th due day of a plan starting on `startsOn` (n = 0 is the start); the 31st falls on the month's last day. */
export function occurrenceDay(startsOn: string, frequency: Frequency, everyDays: number | null, n: number): string {
  if (frequency === 'every_n_days') return addDays(startsOn, n * Math.max(1, everyDays ?? 1));
  const [y, m, d] = parseDay(startsOn);
  const months = m - 1 + n * monthsPer[frequency];
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayText(year, month, Math.min(d, last));
}

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localDayOf(at: number): string {
  const date = new Date(at);
  return dayText(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
