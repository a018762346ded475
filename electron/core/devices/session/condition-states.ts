// Which conditions a session has raised, changed only once the device layer committed the raise or the restore.

import type { DeviceAlarm, SessionHandlers } from '../driver-session';

export interface ConditionStates {
  /** Raised by this session, or left active by an earlier one and not yet settled. */
  isRaised(conditionKey: string): boolean;
  /**
   * Commits a raise of a condition not raised, or a restore of one raised; anything else is already so and commits
   * nothing. True when the condition now stands as the alarm says; false when the commit was rejected.
   */
  apply(alarm: DeviceAlarm): Promise<boolean>;
  /** Commits an alarm that changes no condition (a status, a logged event). */
  commit(alarm: DeviceAlarm): Promise<boolean>;
}

export interface ConditionStatesOptions {
  /** Told why a commit was rejected (counted, or shown by a link check). */
  onRejected?: (error: unknown, alarm: DeviceAlarm) => void;
}

export function createConditionStates(handlers: SessionHandlers, options: ConditionStatesOptions = {}): ConditionStates {
  // What this session committed; a condition it never touched is what an earlier session left.
  const committed = new Map<string, boolean>();
  const isRaised = (conditionKey: string): boolean => committed.get(conditionKey) ?? handlers.leftActive?.(conditionKey) ?? false;
  /** False when the device layer rejected the alarm: the state stays as it was, so the change is reported again. */
  const commit = async (alarm: DeviceAlarm): Promise<boolean> => {
    try {
      await handlers.alarm(alarm);
      return true;
    } catch (error) {
      options.onRejected?.(error, alarm);
      return false;
    }
  };
  return {
    isRaised,
    commit,
    async apply(alarm) {
      if (alarm.state === 'status') return commit(alarm);
      const raise = alarm.state === 'raised';
      if (isRaised(alarm.conditionKey) === raise) return true;
      if (!(await commit(alarm))) return false;
      committed.set(alarm.conditionKey, raise);
      return true;
    },
  };
}
