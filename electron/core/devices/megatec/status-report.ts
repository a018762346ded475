// What a UPS's replies mean to the console: readings with their labels and units, alarm conditions, one-line summaries.

import type { AlarmSeverity, DeviceReading, LocalText } from '../driver-session';
import { commandText, type MegatecCommand } from './codec';
import { statusBitOrder, type MegatecReply, type UpsIdentity, type UpsRating, type UpsStatus, type UpsStatusBits } from './reply';

interface ReadingSpec {
  label: LocalText;
  unit: string;
}

const statusValueSpecs: Record<Exclude<keyof UpsStatus, 'bits'>, ReadingSpec> = {
  inputVoltage: { label: { zh: '输入电压', en: 'Input voltage' }, unit: 'V' },
  inputFaultVoltage: { label: { zh: '输入故障电压', en: 'Input fault voltage' }, unit: 'V' },
  outputVoltage: { label: { zh: '输出电压', en: 'Output voltage' }, unit: 'V' },
  loadPercent: { label: { zh: '负载', en: 'Load' }, unit: '%' },
  inputFrequency: { label: { zh: '输入频率', en: 'Input frequency' }, unit: 'Hz' },
  batteryVoltage: { label: { zh: '电池电压', en: 'Battery voltage' }, unit: 'V' },
  temperature: { label: { zh: '温度', en: 'Temperature' }, unit: '°C' },
};

const statusBitLabels: Record<keyof UpsStatusBits, LocalText> = {
  utilityFail: { zh: '市电故障（电池供电）', en: 'Utility fail (on battery)' },
  batteryLow: { zh: '电池电压低', en: 'Battery low' },
  bypassActive: { zh: '旁路/升压/降压', en: 'Bypass/boost/buck active' },
  upsFailed: { zh: 'UPS 故障', en: 'UPS failed' },
  standbyType: { zh: '后备式', en: 'Standby type' },
  testInProgress: { zh: '自检中', en: 'Self-test in progress' },
  shutdownActive: { zh: '关机中', en: 'Shutdown active' },
  beeperOn: { zh: '蜂鸣器开', en: 'Beeper on' },
};

const ratingSpecs: Record<keyof UpsRating, ReadingSpec> = {
  ratedVoltage: { label: { zh: '额定电压', en: 'Rated voltage' }, unit: 'V' },
  ratedCurrent: { label: { zh: '额定电流', en: 'Rated current' }, unit: 'A' },
  ratedBatteryVoltage: { label: { zh: '额定电池电压', en: 'Rated battery voltage' }, unit: 'V' },
  ratedFrequency: { label: { zh: '额定频率', en: 'Rated frequency' }, unit: 'Hz' },
};

const identityLabels: Record<keyof UpsIdentity, LocalText> = {
  company: { zh: '厂商', en: 'Manufacturer' },
  model: { zh: '型号', en: 'Model' },
  version: { zh: '固件版本', en: 'Firmware version' },
};

export function statusReadings(status: UpsStatus, at: number): DeviceReading[] {
  const values = (Object.keys(statusValueSpecs) as (keyof typeof statusValueSpecs)[]).map((name) => ({
    key: `ups:${name}`,
    label: statusValueSpecs[name].label,
    value: status[name],
    unit: statusValueSpecs[name].unit,
    at,
  }));
  const bits = statusBitOrder.map((name) => ({ key: `ups:${name}`, label: statusBitLabels[name], value: status.bits[name], unit: '', at }));
  return [...values, ...bits];
}

export function ratingReadings(rating: UpsRating, at: number): DeviceReading[] {
  return (Object.keys(ratingSpecs) as (keyof UpsRating)[]).map((name) => ({
    key: `ups:${name}`,
    label: ratingSpecs[name].label,
    value: rating[name],
    unit: ratingSpecs[name].unit,
    at,
  }));
}

export function identityReadings(identity: UpsIdentity, at: number): DeviceReading[] {
  return (Object.keys(identityLabels) as (keyof UpsIdentity)[]).map((name) => ({
    key: `ups:${name}`,
    label: identityLabels[name],
    value: identity[name],
    unit: '',
    at,
  }));
}

/** A status bit that is an alarm while it is 1: raised on 0→1, restored on 1→0. */
export interface StatusBitAlarm {
  bit: keyof UpsStatusBits;
  conditionKey: string;
  eventCode: string;
  severity: AlarmSeverity;
  text: LocalText;
  restoredText: LocalText;
}

export const statusBitAlarms: readonly StatusBitAlarm[] = [
  {
    bit: 'utilityFail',
    conditionKey: 'ups:onBattery',
    eventCode: 'ups.onBattery',
    severity: 'critical',
    text: { zh: '市电中断，UPS 电池供电', en: 'Mains failed: UPS on battery' },
    restoredText: { zh: '市电恢复', en: 'Mains restored' },
  },
  {
    bit: 'batteryLow',
    conditionKey: 'ups:batteryLow',
    eventCode: 'ups.batteryLow',
    severity: 'critical',
    text: { zh: 'UPS 电池电量低', en: 'UPS battery low' },
    restoredText: { zh: 'UPS 电池电量恢复', en: 'UPS battery no longer low' },
  },
  {
    bit: 'upsFailed',
    conditionKey: 'ups:fault',
    eventCode: 'ups.fault',
    severity: 'critical',
    text: { zh: 'UPS 故障', en: 'UPS failed' },
    restoredText: { zh: 'UPS 故障解除', en: 'UPS fault cleared' },
  },
  {
    bit: 'bypassActive',
    conditionKey: 'ups:bypass',
    eventCode: 'ups.bypass',
    severity: 'minor',
    text: { zh: 'UPS 旁路/升降压运行', en: 'UPS on bypass/boost/buck' },
    restoredText: { zh: 'UPS 退出旁路', en: 'UPS left bypass' },
  },
];

export const linkLostText: LocalText = { zh: 'UPS 通信中断', en: 'UPS link lost' };
export const linkRestoredText: LocalText = { zh: 'UPS 通信恢复', en: 'UPS link restored' };

const commandMeanings: Record<MegatecCommand['kind'], string> = {
  status: 'status request',
  rating: 'rating request',
  identity: 'identity request',
  batteryTest: '10-second battery test',
  batteryTestUntilLow: 'battery test until low',
  cancelTest: 'cancel test',
  toggleBeeper: 'toggle beeper',
  shutdown: 'shutdown',
  cancelShutdown: 'cancel shutdown',
};

export function describeCommand(command: MegatecCommand): string {
  let meaning = commandMeanings[command.kind];
  if (command.kind === 'shutdown') {
    meaning += ` in ${command.minutes} min`;
    if (command.restoreMinutes !== undefined) meaning += `, restore after ${command.restoreMinutes} min`;
  }
  return `${commandText(command)} (${meaning})`;
}

const show = (value: number | null, unit: string): string => (value === null ? '—' : `${value} ${unit}`);

export function describeStatus(status: UpsStatus): string {
  const flags = statusBitOrder.filter((name) => name !== 'standbyType' && status.bits[name]);
  return [
    `in ${show(status.inputVoltage, 'V')}`,
    `out ${show(status.outputVoltage, 'V')}`,
    `load ${show(status.loadPercent, '%')}`,
    show(status.inputFrequency, 'Hz'),
    `battery ${show(status.batteryVoltage, 'V')}`,
    show(status.temperature, '°C'),
    `flags: ${flags.length ? flags.join(' ') : 'none'}`,
  ].join(', ');
}

export function describeReply(reply: MegatecReply): string {
  switch (reply.kind) {
    case 'status':
      return `status: ${describeStatus(reply.status)}`;
    case 'rating':
      return `rating: ${show(reply.rating.ratedVoltage, 'V')}, ${show(reply.rating.ratedCurrent, 'A')}, battery ${show(reply.rating.ratedBatteryVoltage, 'V')}, ${show(reply.rating.ratedFrequency, 'Hz')}`;
    case 'identity':
      return `identity: ${reply.identity.company} ${reply.identity.model} ${reply.identity.version}`;
    case 'accepted':
      return 'accepted';
    case 'refused':
      return 'refused';
    case 'notSupported':
      return `not supported (echo of ${reply.echoed})`;
    case 'error':
      return `${reply.error.code}: ${reply.error.detail}`;
  }
}
