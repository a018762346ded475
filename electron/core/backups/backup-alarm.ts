// The console's own alarm for its backups: raised like a device's (through the alarm ingest, so it is committed,
// shown, sounded and acknowledged like any other), by the console itself as the source.
import type { DeviceAlarm } from '../../../shared/domain/devices/device-signals';
import type { AlarmIngest, AlarmSource } from '../alarms/alarm-ingest';

/** The console itself, as the source of the alarms about its own upkeep. */
export const consoleAlarmSource: AlarmSource = { deviceId: 'console', deviceName: '值守台 Console', assetId: null };
export const backupConditionKey = 'console:backup';

export type BackupAlarmState = { kind: 'failed'; error: string; folder: string } | { kind: 'missed'; lastGoodAt: number | null; folder: string } | { kind: 'good' };

export function backupAlarm(state: BackupAlarmState, at: number): DeviceAlarm {
  if (state.kind === 'good') {
    return { conditionKey: backupConditionKey, state: 'restored', eventCode: 'backup.ok', severity: 'major', text: { zh: '数据备份恢复正常', en: 'Backups are working again' }, point: '', at, detail: {} };
  }
  if (state.kind === 'failed') {
    return {
      conditionKey: backupConditionKey,
      state: 'raised',
      eventCode: 'backup.failed',
      severity: 'major',
      text: { zh: '数据备份失败', en: 'Backup failed' },
      point: '',
      at,
      detail: { error: state.error, folder: state.folder },
    };
  }
  return {
    conditionKey: backupConditionKey,
    state: 'raised',
    eventCode: 'backup.missed',
    severity: 'major',
    text: { zh: '数据备份已逾期', en: 'Backup overdue' },
    point: '',
    at,
    detail: { lastGoodAt: state.lastGoodAt, folder: state.folder },
  };
}

/** Hands the backup condition to the alarm ingest; resolves once it is committed. */
export function backupAlarmRaiser(ingest: AlarmIngest): (state: BackupAlarmState, at: number) => Promise<void> {
  const handler = ingest.handlerFor(consoleAlarmSource);
  return (state, at) => handler(backupAlarm(state, at));
}
