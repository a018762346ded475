// zh/en names of the NX-584 flags the console shows as readings.

import type { LocalText } from '../driver-session';
import type { PartitionCondition, PartitionSnapshotFlag, SystemFlag, ZoneCondition } from './flag-tables';

export const zoneConditionLabels: Record<ZoneCondition, LocalText> = {
  faulted: { zh: '触发', en: 'faulted' },
  tampered: { zh: '防拆', en: 'tampered' },
  trouble: { zh: '故障', en: 'trouble' },
  bypassed: { zh: '旁路', en: 'bypassed' },
  inhibited: { zh: '禁用（强制布防）', en: 'inhibited (force armed)' },
  lowBattery: { zh: '电池低', en: 'low battery' },
  lossOfSupervision: { zh: '失去监控', en: 'loss of supervision' },
  alarmMemory: { zh: '报警记忆', en: 'alarm memory' },
  bypassMemory: { zh: '旁路记忆', en: 'bypass memory' },
};

/** The partition flags worth a reading; the rest stay in the traffic view. */
export const partitionConditionLabels: Partial<Record<PartitionCondition, LocalText>> = {
  armed: { zh: '已布防', en: 'armed' },
  readyToArm: { zh: '准备好布防', en: 'ready to arm' },
  entryguardStay: { zh: '留守布防', en: 'stay mode' },
  sirenOn: { zh: '警号响', en: 'siren on' },
  steadySirenOn: { zh: '警号长鸣', en: 'steady siren on' },
  alarmMemory: { zh: '报警记忆', en: 'alarm memory' },
  fire: { zh: '火警', en: 'fire' },
  tamper: { zh: '防拆', en: 'tamper' },
  entry: { zh: '进入延时', en: 'entry delay' },
  exit1: { zh: '退出延时 1', en: 'exit delay 1' },
  exit2: { zh: '退出延时 2', en: 'exit delay 2' },
  zoneBypassed: { zh: '有防区旁路', en: 'zone bypassed' },
  chimeMode: { zh: '门铃模式', en: 'chime mode' },
};

export const partitionSnapshotLabels: Record<PartitionSnapshotFlag, LocalText> = {
  valid: { zh: '有效', en: 'valid' },
  ready: { zh: '准备好', en: 'ready' },
  armedAway: { zh: '外出布防', en: 'armed away' },
  armedStay: { zh: '留守布防', en: 'armed stay' },
  chimeMode: { zh: '门铃模式', en: 'chime mode' },
  anyEntryDelay: { zh: '进入延时中', en: 'entry delay' },
  anyExitDelay: { zh: '退出延时中', en: 'exit delay' },
  previousAlarm: { zh: '曾报警', en: 'previous alarm' },
};

export const systemFlagLabels: Partial<Record<SystemFlag, LocalText>> = {
  acFail: { zh: '交流电故障', en: 'AC fail' },
  acPowerOn: { zh: '交流电正常', en: 'AC power on' },
  lowBattery: { zh: '电池电压低', en: 'low battery' },
  phoneFault: { zh: '电话故障', en: 'phone fault' },
  phoneLineFaulted: { zh: '电话线故障', en: 'phone line faulted' },
  boxTamper: { zh: '主机箱防拆', en: 'box tamper' },
  sirenTamper: { zh: '警号防拆/故障', en: 'siren tamper/trouble' },
  groundFault: { zh: '接地故障', en: 'ground fault' },
  failToCommunicate: { zh: '通讯失败', en: 'fail to communicate' },
  fuseFault: { zh: '保险丝故障', en: 'fuse fault' },
};

export const zoneText = (zone: number, name: string | undefined): LocalText => ({
  zh: `防区 ${zone}${name ? `（${name}）` : ''}`,
  en: `Zone ${zone}${name ? ` (${name})` : ''}`,
});

export const partitionText = (partition: number): LocalText => ({ zh: `分区 ${partition}`, en: `Partition ${partition}` });

export const joinText = (first: LocalText, second: LocalText): LocalText => ({ zh: `${first.zh} ${second.zh}`, en: `${first.en} ${second.en}` });
