// NX-584 bit-flag bytes: the zone, partition and system flag names in wire order, and reading/writing them.
// Bit layouts follow nxgipd nx-584.c (nx_print_msg) and pynx584 model.py; null marks a reserved bit.

type FlagTable = readonly (readonly (string | null)[])[];
type FlagOf<T extends FlagTable> = NonNullable<T[number][number]>;

/** Zone status (04h) condition bytes: data[5] and data[6]. pynx584 omits "tampered"; nxgipd has it at bit 1. */
export const zoneConditionTable = [
  ['faulted', 'tampered', 'trouble', 'bypassed', 'inhibited', 'lowBattery', 'lossOfSupervision', null],
  ['alarmMemory', 'bypassMemory', null, null, null, null, null, null],
] as const;
export type ZoneCondition = FlagOf<typeof zoneConditionTable>;

/** Zone status (04h) type bytes: data[2..4]. */
export const zoneTypeTable = [
  ['fire', 'twentyFourHour', 'keySwitch', 'follower', 'entryExitDelay1', 'entryExitDelay2', 'interior', 'localOnly'],
  ['keypadSounder', 'yelpingSiren', 'steadySiren', 'chime', 'bypassable', 'groupBypassable', 'forceArmable', 'entryGuard'],
  ['fastLoopResponse', 'doubleEolTamper', 'troubleZone', 'crossZone', 'dialerDelay', 'swingerShutdown', 'restorable', 'listenIn'],
] as const;
export type ZoneType = FlagOf<typeof zoneTypeTable>;

/** Zones snapshot (05h): one nibble per zone, low nibble first. */
export const zoneSnapshotTable = [['faulted', 'bypassed', 'trouble', 'alarmMemory']] as const;
export type ZoneSnapshotCondition = FlagOf<typeof zoneSnapshotTable>;

/** Partition status (06h) condition bytes: data[1..4] then data[6..7] (data[5] is the last user). */
export const partitionConditionTable = [
  ['bypassCodeRequired', 'fireTrouble', 'fire', 'pulsingBuzzer', 'tlmFaultMemory', null, 'armed', 'instant'],
  ['previousAlarm', 'sirenOn', 'steadySirenOn', 'alarmMemory', 'tamper', 'cancelEntered', 'codeEntered', 'cancelPending'],
  [null, 'silentExitEnabled', 'entryguardStay', 'chimeMode', 'entry', 'delayExpirationWarning', 'exit1', 'exit2'],
  ['ledExtinguish', 'crossTiming', 'recentClosingTimed', null, 'exitErrorTriggered', 'autoHomeInhibited', 'sensorLowBattery', 'sensorLostSupervision'],
  ['zoneBypassed', 'forceArmByAutoArm', 'readyToArm', 'readyToForceArm', 'validPinAccepted', 'chimeSounding', 'errorBeep', 'toneOn'],
  ['entry1', 'openPeriod', 'alarmSentPhone1', 'alarmSentPhone2', 'alarmSentPhone3', 'cancelReportStacked', 'keyswitchArmed', 'delayTripInProgress'],
] as const;
export type PartitionCondition = FlagOf<typeof partitionConditionTable>;

/** Partitions snapshot (07h): one byte per partition (Indigo NX plugin, partitionSnapshotList). */
export const partitionSnapshotTable = [['valid', 'ready', 'armedAway', 'armedStay', 'chimeMode', 'anyEntryDelay', 'anyExitDelay', 'previousAlarm']] as const;
export type PartitionSnapshotFlag = FlagOf<typeof partitionSnapshotTable>;

/** System status (08h) bytes data[1..8]. */
export const systemStatusTable = [
  ['lineSeizure', 'offHook', 'initialHandshake', 'downloadInProgress', 'dialerDelay', 'usingBackupPhone', 'listenInActive', 'twoWayLockout'],
  ['groundFault', 'phoneFault', 'failToCommunicate', 'fuseFault', 'boxTamper', 'sirenTamper', 'lowBattery', 'acFail'],
  ['expanderBoxTamper', 'expanderAcFail', 'expanderLowBattery', 'expanderLostSupervision', 'expanderOverCurrent', 'auxChannelFailure', 'expanderBellFault', null],
  ['sixDigitPin', 'programmingToken', 'pinForLocalDownload', 'globalPulsingBuzzer', 'globalSirenOn', 'globalSteadySiren', 'busLineSeized', 'busSniffMode'],
  ['dynamicBatteryTest', 'acPowerOn', 'lowBatteryMemory', 'groundFaultMemory', 'fireVerificationTimed', 'smokePowerReset', 'line50Hz', 'highVoltageCharge'],
  ['communicatedSinceAutotest', 'powerUpDelay', 'walkTest', 'lossOfSystemTime', 'enrollRequested', 'testFixture', 'controlShutdown', 'cancelWindowTimed'],
  [null, null, null, null, null, null, null, 'callBackInProgress'],
  ['phoneLineFaulted', 'voltagePresentInterrupt', 'housePhoneOffHook', 'phoneLineMonitor', 'sniffing', 'lastReadOffHook', 'listenInRequested', 'listenInTrigger'],
] as const;
export type SystemFlag = FlagOf<typeof systemStatusTable>;

/** Every flag name of a table, in wire order: byte by byte, bit 0 first. */
export function flagsOf<T extends FlagTable>(table: T): FlagOf<T>[] {
  const names: (string | null)[] = table.flat();
  return names.filter((name) => name !== null) as FlagOf<T>[];
}

/** The set flags in wire order; `bytes` holds one byte (or nibble) per table row. */
export function readFlags<T extends FlagTable>(table: T, bytes: ArrayLike<number>): FlagOf<T>[] {
  const flags: FlagOf<T>[] = [];
  table.forEach((row, index) => {
    const byte = bytes[index] ?? 0;
    row.forEach((name, bit) => {
      if (name !== null && (byte & (1 << bit)) !== 0) flags.push(name as FlagOf<T>);
    });
  });
  return flags;
}

export function writeFlags<T extends FlagTable>(table: T, flags: readonly FlagOf<T>[]): number[] {
  const set = new Set<string>(flags);
  return table.map((row) => row.reduce((byte, name, bit) => (name !== null && set.has(name) ? byte | (1 << bit) : byte), 0));
}
