// The local day a guard looks at, as the [from, to) bounds the core's duty.list takes.
import dayjs, { type Dayjs } from 'dayjs';

export function dayBounds(day: Dayjs): { from: number; to: number } {
  const start = day.startOf('day');
  return { from: start.valueOf(), to: start.add(1, 'day').valueOf() };
}

export function today(): Dayjs {
  return dayjs().startOf('day');
}
