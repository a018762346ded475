// Where a task stands against its dates: done, overdue (past its window), due (this week) or upcoming.
import { addDays } from './frequency';

export const dueStates = ['done', 'overdue', 'due', 'upcoming'] as const;
export type DueState = (typeof dueStates)[number];

/** Days ahead counted as "due this week" on the dashboard. */
export const dueSoonDays = 7;

export function dueState(task: { state: string; dueOn: string; deadline: string }, today: string): DueState {
  if (task.state === 'done') return 'done';
  if (today > task.deadline) return 'overdue';
  if (task.dueOn < addDays(today, dueSoonDays)) return 'due';
  return 'upcoming';
}
