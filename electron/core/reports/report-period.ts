// A report's period on the console's own calendar: its days to epoch milliseconds, a month to its days, an instant to its day.
import type { ReportFilter } from '../../../shared/contract/reports';
import { addDays } from '../../../shared/domain/maintenance/frequency';

/** Local midnight at the start of a YYYY-MM-DD day: the day the people reading the report mean. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** The period's first instant and the instant after its last day (`to` is included). */
export function periodBounds(filter: Pick<ReportFilter, 'from' | 'to'>): { startsAt: number; endsAt: number } {
  return { startsAt: dayStart(filter.from), endsAt: dayStart(addDays(filter.to, 1)) };
}

/** YYYY-MM to its first and last day. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localMonth(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}
