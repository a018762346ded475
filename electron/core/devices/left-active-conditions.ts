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
export async function loadLeftActive(db: Db, deviceId: string): Promise<LeftActive> {
  const rows = await db
    .selectFrom('alarm')
    .select(['condition_key', 'event_code', 'severity', 'text_zh', 'text_en', 'point'])
    .where('device_id', '=', deviceId)
    .where('state', '=', 'active')
    .where('condition_key', '!=', portConditionKey)
    .execute();
  return new Map(rows.map((row) => [row.condition_key, { eventCode: row.event_code, severity: row.severity, text: { zh: row.text_zh, en: row.text_en }, point: row.point }]));
}

/** What an earlier session left active, by condition key: enough to restore a condition no session will claim again. */
export type LeftActive = Map<string, Pick<DeviceAlarm, 'eventCode' | 'severity' | 'text' | 'point'>>;

/**
 * A condition of a part the link's settings no longer name (a PD taken out, a Modbus slave address changed) would
 * wait for good for a session that never judges it: it is restored as the new session starts, saying why.
 */
export async function restoreUnclaimed(left: LeftActive, claims: (conditionKey: string) => boolean, handlers: SessionHandlers, at: number): Promise<void> {
  for (const [conditionKey, alarm] of [...left]) {
    if (claims(conditionKey)) continue;
    await handlers.alarm({
      conditionKey,
      state: 'restored',
      ...alarm,
      text: { zh: `${alarm.text.zh}(已不在配置中)`, en: `${alarm.text.en} (no longer configured)` },
      at,
      detail: { reason: 'notConfigured', restoredAt: 'reconnect' },
    });
    left.delete(conditionKey);
  }
}

/** The restore of a left-active condition says in the journal that it was settled at reconnect, and why (the session's reason, else its text). */
function markedRestore(alarm: DeviceAlarm): DeviceAlarm {
  return { ...alarm, detail: { reason: alarm.text.en, ...alarm.detail, restoredAt: 'reconnect' } };
}

/**
 * The session's handlers with `leftActive` answering from `left`. A condition stops being left-active once this
 * session commits a raise or a restore of it: from then on it is the session's own.
 */
export function reconcilingHandlers(handlers: SessionHandlers, left: LeftActive): SessionHandlers {
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
