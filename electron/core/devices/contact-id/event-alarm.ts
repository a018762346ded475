// Turns a decoded Contact ID event into the DeviceAlarm the console commits; and the receiver link alarm.

import type { DetailValue, DeviceAlarm } from '../driver-session';
import type { ContactIdQualifier, ReceiverFrame } from './codec';
import { isOpenCloseCode, lookupEventCode } from './event-codes';
import { linkLostAlarm } from '../session/link-watch';

export type ContactIdEventFrame = Extract<ReceiverFrame, { kind: 'event' }>;

const stateOf: Record<ContactIdQualifier, DeviceAlarm['state']> = { E: 'raised', R: 'restored', P: 'status' };

/** What the qualifier means for this code (DC-05: 1 new/opening, 3 restore/closing, 6 still present). */
export function qualifierMeaning(qualifier: ContactIdQualifier, code: string): string {
  if (qualifier === 'P') return 'status';
  if (isOpenCloseCode(code)) return qualifier === 'E' ? 'opening' : 'closing';
  return qualifier === 'E' ? 'new' : 'restore';
}

/** The raise and its restore share `cid:<account>:<code>:<group>:<zone>`, so the restore clears the raise. */
export function contactIdAlarm(frame: ContactIdEventFrame, at: number): DeviceAlarm {
  const { account, qualifier, code, group, zone } = frame.event;
  const info = lookupEventCode(code);
  const pointLabel = info.point === 'user' ? '用户' : '防区';
  const detail: Record<string, DetailValue> = {
    account,
    group,
    [info.point]: zone,
    pointKind: info.point,
    receiver: frame.receiver,
    line: frame.line,
    qualifier,
    meaning: qualifierMeaning(qualifier, code),
    knownCode: info.known,
    raw: frame.text,
  };
  return {
    conditionKey: `cid:${account}:${code}:${group}:${zone}`,
    state: stateOf[qualifier],
    eventCode: `cid.${code}`,
    severity: info.severity,
    text: info.text,
    point: `账号 ${account} / 分区 ${group} / ${pointLabel} ${zone}`,
    at,
    detail,
  };
}

/** The receiver stopped talking (no heartbeat or message within the timeout), or started again. */
export const linkAlarm = linkLostAlarm('link', {
  lost: { zh: '接警机通讯中断', en: 'Alarm receiver link lost' },
  restored: { zh: '接警机通讯恢复', en: 'Alarm receiver link restored' },
});
