// Checks an alarm before it is committed to the inbox: what the inbox holds must be recordable later, because the
// device has been answered by then. A malformed alarm is refused at the door (the device is not ACKed).
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { AlarmSource } from './alarm-source';

const states = new Set(['raised', 'restored', 'status']);
const severities = new Set(['critical', 'major', 'minor', 'info']);

const isText = (value: unknown): value is string => typeof value === 'string';
const isDetailValue = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** Null when the alarm can be recorded; otherwise what is wrong with it. */
export function unrecordableReason(source: AlarmSource, alarm: DeviceAlarm): string | null {
  if (!isText(source.deviceId) || !isText(source.deviceName)) return 'source device id and name must be text';
  if (source.assetId !== null && !isText(source.assetId)) return 'source asset id must be text or null';
  if (typeof alarm !== 'object' || alarm === null) return 'alarm must be an object';
  if (!isText(alarm.conditionKey) || !isText(alarm.eventCode) || !isText(alarm.point)) return 'conditionKey, eventCode and point must be text';
  if (!states.has(alarm.state)) return `state "${String(alarm.state)}" is not raised, restored or status`;
  if (!severities.has(alarm.severity)) return `severity "${String(alarm.severity)}" is not critical, major, minor or info`;
  if (typeof alarm.text !== 'object' || alarm.text === null || !isText(alarm.text.zh) || !isText(alarm.text.en)) return 'text must have zh and en';
  if (typeof alarm.at !== 'number' || !Number.isFinite(alarm.at)) return 'at must be a finite number';
  if (typeof alarm.detail !== 'object' || alarm.detail === null || Array.isArray(alarm.detail)) return 'detail must be an object';
  for (const key in alarm.detail) {
    if (Object.hasOwn(alarm.detail, key) && !isDetailValue(alarm.detail[key])) return `detail.${key} is not text, a number, a boolean or null`;
  }
  return null;
}
