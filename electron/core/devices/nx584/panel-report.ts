// What an NX-584 panel message means to the console: readings, alarm conditions (active or not) and log events as status alarms.

import type { AlarmSeverity, DetailValue, DeviceAlarm, DeviceReading, LocalText } from '../driver-session';
import type { PartitionCondition, SystemFlag, ZoneCondition, ZoneSnapshotCondition } from './flag-tables';
import { joinText, partitionConditionLabels, partitionSnapshotLabels, partitionText, systemFlagLabels, zoneConditionLabels, zoneText } from './labels';
import { logEventPoint, logEventTime, logEventType } from './log-events';
import type { Nx584PanelMessage } from './panel-messages';

/** A condition the message says is on or off; the session raises or restores it when that differs from what it committed. */
export interface ConditionReport {
  conditionKey: string;
  active: boolean;
  eventCode: string;
  severity: AlarmSeverity;
  raisedText: LocalText;
  restoredText: LocalText;
  point: string;
  detail: Record<string, DetailValue>;
}

export interface PanelReport {
  readings: DeviceReading[];
  conditions: ConditionReport[];
  statusAlarms: DeviceAlarm[];
}

export interface PanelReportContext {
  at: number;
  /** Zones beyond this are not reported from snapshots (a snapshot always covers 16). */
  zoneCount: number;
  zoneName(zone: number): string | undefined;
}

interface ConditionSpec {
  suffix: string;
  eventCode: string;
  severity: AlarmSeverity;
  raised: LocalText;
  restored: LocalText;
}

const zoneConditionSpecs: { active: (has: (c: ZoneCondition | ZoneSnapshotCondition) => boolean) => boolean; snapshot: boolean; spec: ConditionSpec }[] = [
  {
    active: (has) => has('alarmMemory'),
    snapshot: true,
    spec: { suffix: 'alarm', eventCode: 'nx.zoneAlarm', severity: 'critical', raised: { zh: '报警', en: 'alarm' }, restored: { zh: '报警恢复', en: 'alarm cleared' } },
  },
  {
    active: (has) => has('tampered'),
    snapshot: false,
    spec: { suffix: 'tamper', eventCode: 'nx.zoneTamper', severity: 'critical', raised: { zh: '防拆报警', en: 'tamper' }, restored: { zh: '防拆恢复', en: 'tamper restored' } },
  },
  {
    active: (has) => has('trouble'),
    snapshot: true,
    spec: { suffix: 'trouble', eventCode: 'nx.zoneTrouble', severity: 'minor', raised: { zh: '故障', en: 'trouble' }, restored: { zh: '故障恢复', en: 'trouble restored' } },
  },
  {
    active: (has) => has('lowBattery'),
    snapshot: false,
    spec: { suffix: 'lowBattery', eventCode: 'nx.zoneLowBattery', severity: 'minor', raised: { zh: '电池低', en: 'low battery' }, restored: { zh: '电池恢复', en: 'battery restored' } },
  },
  {
    active: (has) => has('lossOfSupervision'),
    snapshot: false,
    spec: {
      suffix: 'supervision',
      eventCode: 'nx.zoneLostSupervision',
      severity: 'minor',
      raised: { zh: '失去监控', en: 'lost supervision' },
      restored: { zh: '监控恢复', en: 'supervision restored' },
    },
  },
];

const partitionConditionSpecs: { active: (has: (c: PartitionCondition) => boolean) => boolean; spec: ConditionSpec }[] = [
  {
    // The siren may be off already while the alarm memory still says the partition went into alarm.
    active: (has) => has('sirenOn') || has('steadySirenOn') || has('alarmMemory'),
    spec: { suffix: 'alarm', eventCode: 'nx.partitionAlarm', severity: 'critical', raised: { zh: '报警', en: 'alarm' }, restored: { zh: '报警解除', en: 'alarm cleared' } },
  },
  {
    active: (has) => has('fire'),
    spec: { suffix: 'fire', eventCode: 'nx.partitionFire', severity: 'critical', raised: { zh: '火警', en: 'fire alarm' }, restored: { zh: '火警解除', en: 'fire alarm cleared' } },
  },
];

const systemConditionSpecs: { active: (has: (f: SystemFlag) => boolean) => boolean; spec: ConditionSpec }[] = [
  {
    active: (has) => has('acFail'),
    spec: { suffix: 'acFail', eventCode: 'nx.acFail', severity: 'major', raised: { zh: '报警主机交流电故障', en: 'Alarm panel AC fail' }, restored: { zh: '报警主机交流电恢复', en: 'Alarm panel AC restored' } },
  },
  {
    active: (has) => has('lowBattery'),
    spec: { suffix: 'lowBattery', eventCode: 'nx.lowBattery', severity: 'major', raised: { zh: '报警主机电池电压低', en: 'Alarm panel low battery' }, restored: { zh: '报警主机电池恢复', en: 'Alarm panel battery restored' } },
  },
  {
    active: (has) => has('phoneFault') || has('phoneLineFaulted'),
    spec: { suffix: 'phoneLine', eventCode: 'nx.phoneLineFault', severity: 'minor', raised: { zh: '报警主机电话线故障', en: 'Alarm panel phone line fault' }, restored: { zh: '报警主机电话线恢复', en: 'Alarm panel phone line restored' } },
  },
  {
    active: (has) => has('boxTamper'),
    spec: { suffix: 'boxTamper', eventCode: 'nx.boxTamper', severity: 'major', raised: { zh: '报警主机箱被打开', en: 'Alarm panel box tamper' }, restored: { zh: '报警主机箱防拆恢复', en: 'Alarm panel box tamper restored' } },
  },
];

function reading(key: string, label: LocalText, value: DeviceReading['value'], at: number): DeviceReading {
  return { key, label, value, unit: '', at };
}

function zoneReport(zone: number, has: (c: ZoneCondition) => boolean, shown: readonly ZoneCondition[], snapshot: boolean, context: PanelReportContext): PanelReport {
  const name = context.zoneName(zone);
  const place = zoneText(zone, name);
  const readings = shown.map((condition) => reading(`nx:zone:${zone}:${condition}`, joinText(place, zoneConditionLabels[condition]), has(condition), context.at));
  const conditions = zoneConditionSpecs
    .filter((entry) => !snapshot || entry.snapshot)
    .map(({ active, spec }) => ({
      conditionKey: `nx:zone:${zone}:${spec.suffix}`,
      active: active((c) => has(c as ZoneCondition)),
      eventCode: spec.eventCode,
      severity: spec.severity,
      raisedText: joinText(place, spec.raised),
      restoredText: joinText(place, spec.restored),
      point: `zone ${zone}`,
      detail: { zone, zoneName: name ?? null },
    }));
  return { readings, conditions, statusAlarms: [] };
}

const allZoneConditions = Object.keys(zoneConditionLabels) as ZoneCondition[];
const snapshotZoneConditions: ZoneCondition[] = ['faulted', 'bypassed', 'trouble', 'alarmMemory'];

export function reportPanelMessage(message: Nx584PanelMessage, context: PanelReportContext): PanelReport {
  const { at } = context;
  const empty: PanelReport = { readings: [], conditions: [], statusAlarms: [] };
  switch (message.kind) {
    case 'interfaceConfiguration':
      return { ...empty, readings: [reading('nx:interface:firmware', { zh: '接口固件版本', en: 'Interface firmware' }, message.firmware, at)] };
    case 'zoneName':
      return { ...empty, readings: [reading(`nx:zone:${message.zone}:name`, joinText(zoneText(message.zone, undefined), { zh: '名称', en: 'name' }), message.name, at)] };
    case 'zoneStatus':
      return zoneReport(message.zone, (c) => message.conditions.includes(c), allZoneConditions, false, context);
    case 'zonesSnapshot': {
      const reports = message.zones
        .filter((entry) => entry.zone <= context.zoneCount)
        .map((entry) => zoneReport(entry.zone, (c) => (entry.conditions as readonly string[]).includes(c), snapshotZoneConditions, true, context));
      return { readings: reports.flatMap((r) => r.readings), conditions: reports.flatMap((r) => r.conditions), statusAlarms: [] };
    }
    case 'partitionStatus': {
      const place = partitionText(message.partition);
      const has = (c: PartitionCondition): boolean => message.conditions.includes(c);
      const readings = (Object.entries(partitionConditionLabels) as [PartitionCondition, LocalText][]).map(([flag, label]) =>
        reading(`nx:partition:${message.partition}:${flag}`, joinText(place, label), has(flag), at),
      );
      readings.push(reading(`nx:partition:${message.partition}:lastUser`, joinText(place, { zh: '最后操作用户', en: 'last user' }), message.lastUser, at));
      const conditions = partitionConditionSpecs.map(({ active, spec }) => ({
        conditionKey: `nx:partition:${message.partition}:${spec.suffix}`,
        active: active(has),
        eventCode: spec.eventCode,
        severity: spec.severity,
        raisedText: joinText(place, spec.raised),
        restoredText: joinText(place, spec.restored),
        point: `partition ${message.partition}`,
        detail: { partition: message.partition, sirenOn: has('sirenOn') || has('steadySirenOn'), armed: has('armed') },
      }));
      return { readings, conditions, statusAlarms: [] };
    }
    case 'partitionsSnapshot':
      return {
        ...empty,
        readings: message.partitions
          .filter((entry) => entry.flags.includes('valid'))
          .flatMap((entry) =>
            (Object.keys(partitionSnapshotLabels) as (keyof typeof partitionSnapshotLabels)[])
              .filter((flag) => flag !== 'valid')
              .map((flag) => reading(`nx:partition:${entry.partition}:${flag}`, joinText(partitionText(entry.partition), partitionSnapshotLabels[flag]), entry.flags.includes(flag), at)),
          ),
      };
    case 'systemStatus': {
      const has = (f: SystemFlag): boolean => message.flags.includes(f);
      const readings = (Object.entries(systemFlagLabels) as [SystemFlag, LocalText][]).map(([flag, label]) => reading(`nx:system:${flag}`, label, has(flag), at));
      readings.push(reading('nx:system:panelId', { zh: '主机型号编号', en: 'Panel ID' }, message.panelId, at));
      readings.push(reading('nx:system:validPartitions', { zh: '有效分区', en: 'Valid partitions' }, message.validPartitions.join(','), at));
      const conditions = systemConditionSpecs.map(({ active, spec }) => ({
        conditionKey: `nx:system:${spec.suffix}`,
        active: active(has),
        eventCode: spec.eventCode,
        severity: spec.severity,
        raisedText: spec.raised,
        restoredText: spec.restored,
        point: '',
        detail: {},
      }));
      return { readings, conditions, statusAlarms: [] };
    }
    case 'logEvent': {
      const eventType = logEventType(message.eventType);
      const where = logEventPoint(message.eventType, message.target);
      const zoneName = where.zone === undefined ? undefined : context.zoneName(where.zone);
      const placeText = where.zone === undefined ? undefined : zoneText(where.zone, zoneName);
      const loggedAt = logEventTime(at, message.month, message.day, message.hour, message.minute);
      const alarm: DeviceAlarm = {
        conditionKey: `nx:log:${message.eventNumber}`,
        state: 'status',
        eventCode: `nx.log.${message.eventType}`,
        severity: eventType.severity,
        text: placeText ? joinText(placeText, eventType.text) : eventType.text,
        point: where.point,
        at: loggedAt ?? at,
        detail: {
          eventNumber: message.eventNumber,
          logSize: message.logSize,
          eventType: message.eventType,
          nonReporting: message.nonReporting,
          partition: eventType.hasPartition ? message.partition : null,
          panelTime: `${String(message.month).padStart(2, '0')}-${String(message.day).padStart(2, '0')} ${String(message.hour).padStart(2, '0')}:${String(message.minute).padStart(2, '0')}`,
          panelTimeValid: loggedAt !== undefined,
        },
      };
      return { ...empty, statusAlarms: [alarm] };
    }
    default:
      return empty;
  }
}
