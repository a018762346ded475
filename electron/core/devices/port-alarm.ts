// The alarm the device layer raises itself when a device's port goes away, and clears when it is back.
import type { DetailValue, DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { Db } from '../db/database';

/** Distinct from the drivers' own `link` condition (a device that is there but silent). */
export const portConditionKey = 'port';

export function portAlarm(state: 'raised' | 'restored', at: number, detail: Record<string, DetailValue>): DeviceAlarm {
  return {
    conditionKey: portConditionKey,
    state,
    eventCode: 'link.lost',
    severity: 'major',
    text: state === 'raised' ? { zh: '设备串口断开', en: 'Device port lost' } : { zh: '设备串口恢复', en: 'Device port back' },
    point: '',
    at,
    detail,
  };
}

export async function hasActivePortAlarm(db: Db, deviceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('alarm')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('condition_key', '=', portConditionKey)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}
