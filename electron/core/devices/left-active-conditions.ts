// The conditions an earlier session of a device left active in the database, for the next session to judge again.
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { Db } from '../db/database';
import type { AlarmOutcome, SessionHandlers } from './driver-session';
import { portConditionKey } from './port-alarm';

/**
 * A session remembers only in memory what it raised, so a condition raised before a restart, an update or a replug
 * would stay active for good. The new session starts out believing them (no second raise) and restores each one as
 * soon as the device shows otherwise; the port condition is the supervisor's own and is settled there.
 */
export async function loadLeftActive(db: Db, deviceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('alarm')
    .select('condition_key')
    .where('device_id', '=', deviceId)
    .where('state', '=', 'active')
    .where('condition_key', '!=', portConditionKey)
    .execute();
  return new Set(rows.map((row) => row.condition_key));
}

/** The restore of a left-active condition says in the journal that it was settled at reconnect, and why (the session's reason, else its text). */
function markedRestore(alarm: DeviceAlarm): DeviceAlarm {
  return { ...alarm, detail: { reason: alarm.text.en, ...alarm.detail, restoredAt: 'reconnect' } };
}

/**
 * The session's handlers with `leftActive` answering from `left`. A condition stops being left-active once this
 * session commits a raise or a restore of it: from then on it is the session's own.
 */
export function reconcilingHandlers(handlers: SessionHandlers, left: Set<string>): SessionHandlers {
  const outgoing = (alarm: DeviceAlarm): DeviceAlarm => (alarm.state === 'restored' && left.has(alarm.conditionKey) ? markedRestore(alarm) : alarm);
  const settled = (alarm: DeviceAlarm): void => {
    if (alarm.state !== 'status') left.delete(alarm.conditionKey);
  };
  const batch = handlers.alarms;
  return {
    ...handlers,
    leftActive: (conditionKey) => left.has(conditionKey),
    async alarm(alarm) {
      await handlers.alarm(outgoing(alarm));
      settled(alarm);
    },
    ...(batch
      ? {
          async alarms(alarms: readonly DeviceAlarm[]): Promise<readonly AlarmOutcome[]> {
            const outcomes = await batch(alarms.map(outgoing));
            alarms.forEach((alarm, i) => outcomes[i] === null && settled(alarm));
            return outcomes;
          },
        }
      : {}),
  };
}
