// The simulated NetworX panel's state (zones, partitions, system flags, event log) and the messages that describe it.

import { flagsOf, partitionConditionTable, systemStatusTable, zoneConditionTable, type PartitionCondition, type SystemFlag, type ZoneCondition } from './flag-tables';
import type { Nx584PanelMessage } from './panel-messages';

export interface SimulatedZone {
  name: string;
  partitions: number[];
  conditions: Set<ZoneCondition>;
}

export interface SimulatedPartition {
  armed: boolean;
  stay: boolean;
  siren: boolean;
  alarmMemory: boolean;
  lastUser: number;
}

type LogEntry = Extract<Nx584PanelMessage, { kind: 'logEvent' }>;

/** The simulated panel keeps this many log entries, like a small NetworX event buffer. */
const logSize = 64;
/** Module address of the control panel in device log events (nxgipd nx-584.h NX_MODULE_CONTROL_PANEL). */
export const controlPanelDevice = 8;

const allZoneConditions = flagsOf(zoneConditionTable);
const allPartitionConditions = flagsOf(partitionConditionTable);
const allSystemFlags = flagsOf(systemStatusTable);

export interface PanelModel {
  readonly zones: ReadonlyMap<number, SimulatedZone>;
  readonly partitions: ReadonlyMap<number, SimulatedPartition>;
  readonly systemFlags: Set<SystemFlag>;
  zone(zone: number): SimulatedZone | undefined;
  partition(partition: number): SimulatedPartition | undefined;
  /** Ready to arm: no faulted zone that is not bypassed. */
  isReady(partition: number): boolean;
  zoneStatus(zone: number): Nx584PanelMessage;
  zoneName(zone: number): Nx584PanelMessage;
  zonesSnapshot(firstZone: number): Nx584PanelMessage;
  partitionStatus(partition: number): Nx584PanelMessage;
  partitionsSnapshot(): Nx584PanelMessage;
  systemStatus(): Nx584PanelMessage;
  /** Appends to the event log and returns the entry. */
  log(eventType: number, target: number, partition: number, at: number): LogEntry;
  logEntry(eventNumber: number): LogEntry | undefined;
}

export function createPanelModel(zoneCount: number, partitionCount: number, zoneNames: readonly string[], panelId: number): PanelModel {
  const zones = new Map<number, SimulatedZone>();
  for (let zone = 1; zone <= zoneCount; zone += 1) {
    zones.set(zone, { name: zoneNames[zone - 1] ?? `ZONE ${zone}`, partitions: [1], conditions: new Set() });
  }
  const partitions = new Map<number, SimulatedPartition>();
  for (let partition = 1; partition <= partitionCount; partition += 1) {
    partitions.set(partition, { armed: false, stay: false, siren: false, alarmMemory: false, lastUser: 0 });
  }
  const systemFlags = new Set<SystemFlag>(['acPowerOn']);
  const logEntries: LogEntry[] = [];
  let nextEventNumber = 0;

  const isReady = (partition: number): boolean =>
    [...zones.values()].every((z) => !z.partitions.includes(partition) || !z.conditions.has('faulted') || z.conditions.has('bypassed'));

  const partitionConditions = (partition: number, state: SimulatedPartition): PartitionCondition[] => {
    const inPartition = [...zones.values()].filter((z) => z.partitions.includes(partition));
    const on = new Set<PartitionCondition>();
    if (state.armed) on.add('armed');
    if (state.stay) on.add('entryguardStay');
    if (state.siren) on.add('sirenOn');
    if (state.alarmMemory) on.add('alarmMemory');
    if (!state.armed && isReady(partition)) on.add('readyToArm');
    if (inPartition.some((z) => z.conditions.has('bypassed'))) on.add('zoneBypassed');
    return allPartitionConditions.filter((c) => on.has(c));
  };

  return {
    zones,
    partitions,
    systemFlags,
    zone: (zone) => zones.get(zone),
    partition: (partition) => partitions.get(partition),
    isReady,
    zoneStatus(zone) {
      const state = zones.get(zone);
      return {
        kind: 'zoneStatus',
        zone,
        partitions: state?.partitions ?? [],
        types: ['entryExitDelay1', 'bypassable'],
        conditions: allZoneConditions.filter((c) => state?.conditions.has(c)),
      };
    },
    zoneName: (zone) => ({ kind: 'zoneName', zone, name: zones.get(zone)?.name ?? '' }),
    zonesSnapshot(firstZone) {
      const entries = Array.from({ length: 16 }, (_, i) => {
        const zone = firstZone + i;
        const conditions = zones.get(zone)?.conditions ?? new Set<ZoneCondition>();
        return { zone, conditions: (['faulted', 'bypassed', 'trouble', 'alarmMemory'] as const).filter((c) => conditions.has(c)) };
      });
      return { kind: 'zonesSnapshot', zones: entries };
    },
    partitionStatus(partition) {
      const state = partitions.get(partition);
      return { kind: 'partitionStatus', partition, conditions: state ? partitionConditions(partition, state) : [], lastUser: state?.lastUser ?? 0 };
    },
    partitionsSnapshot() {
      return {
        kind: 'partitionsSnapshot',
        partitions: Array.from({ length: 8 }, (_, i) => {
          const partition = i + 1;
          const state = partitions.get(partition);
          if (!state) return { partition, flags: [] };
          const flags = (['valid', 'ready', 'armedAway', 'armedStay', 'chimeMode', 'anyEntryDelay', 'anyExitDelay', 'previousAlarm'] as const).filter(
            (flag) =>
              flag === 'valid' ||
              (flag === 'ready' && !state.armed && isReady(partition)) ||
              (flag === 'armedAway' && state.armed && !state.stay) ||
              (flag === 'armedStay' && state.armed && state.stay) ||
              (flag === 'previousAlarm' && state.alarmMemory),
          );
          return { partition, flags };
        }),
      };
    },
    systemStatus: () => ({
      kind: 'systemStatus',
      panelId,
      flags: allSystemFlags.filter((f) => systemFlags.has(f)),
      validPartitions: [...partitions.keys()],
      communicationStackPointer: 0,
    }),
    log(eventType, target, partition, at) {
      const time = new Date(at);
      const entry: LogEntry = {
        kind: 'logEvent',
        eventNumber: nextEventNumber,
        logSize,
        eventType,
        nonReporting: false,
        target,
        partition,
        month: time.getMonth() + 1,
        day: time.getDate(),
        hour: time.getHours(),
        minute: time.getMinutes(),
      };
      nextEventNumber = (nextEventNumber + 1) % logSize;
      logEntries.push(entry);
      if (logEntries.length > logSize) logEntries.shift();
      return entry;
    },
    logEntry: (eventNumber) => logEntries.find((entry) => entry.eventNumber === eventNumber),
  };
}
