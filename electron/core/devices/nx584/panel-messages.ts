// NX-584 messages from the panel (01h–1Fh): typed values read from a frame's data, and written back for the simulator.
// Byte layouts: nxgipd nx-584.c nx_print_msg; pynx584 controller.py process_msg_*. Zones and partitions are 1-based here, 0-based on the wire.

import type { Nx584Frame } from './framing';
import {
  partitionConditionTable,
  partitionSnapshotTable,
  readFlags,
  systemStatusTable,
  writeFlags,
  zoneConditionTable,
  zoneSnapshotTable,
  zoneTypeTable,
  type PartitionCondition,
  type PartitionSnapshotFlag,
  type SystemFlag,
  type ZoneCondition,
  type ZoneSnapshotCondition,
  type ZoneType,
} from './flag-tables';

export const panelMessageNumber = {
  interfaceConfiguration: 0x01,
  zoneName: 0x03,
  zoneStatus: 0x04,
  zonesSnapshot: 0x05,
  partitionStatus: 0x06,
  partitionsSnapshot: 0x07,
  systemStatus: 0x08,
  logEvent: 0x0a,
  keypadMessage: 0x0b,
  commandFailed: 0x1c,
  positiveAck: 0x1d,
  negativeAck: 0x1e,
  messageRejected: 0x1f,
} as const;

export type Nx584PanelMessage =
  | { kind: 'interfaceConfiguration'; firmware: string; transitionMessages: number[]; requests: number[] }
  | { kind: 'zoneName'; zone: number; name: string }
  | { kind: 'zoneStatus'; zone: number; partitions: number[]; types: ZoneType[]; conditions: ZoneCondition[] }
  | { kind: 'zonesSnapshot'; zones: { zone: number; conditions: ZoneSnapshotCondition[] }[] }
  | { kind: 'partitionStatus'; partition: number; conditions: PartitionCondition[]; lastUser: number }
  | { kind: 'partitionsSnapshot'; partitions: { partition: number; flags: PartitionSnapshotFlag[] }[] }
  | { kind: 'systemStatus'; panelId: number; flags: SystemFlag[]; validPartitions: number[]; communicationStackPointer: number }
  /** `target` is a zone (0-based), user or device number depending on the event type; bit 7 of the type byte is `nonReporting` (nxgipd). */
  | {
      kind: 'logEvent';
      eventNumber: number;
      logSize: number;
      eventType: number;
      nonReporting: boolean;
      target: number;
      partition: number;
      month: number;
      day: number;
      hour: number;
      minute: number;
    }
  | { kind: 'keypadMessage'; keypad: number; key: number }
  | { kind: 'commandFailed' }
  | { kind: 'positiveAck' }
  | { kind: 'negativeAck' }
  | { kind: 'messageRejected' }
  /** A valid frame of a message the console does not read (X-10, program data, user information). */
  | { kind: 'other'; number: number; data: Uint8Array };

export interface Nx584MessageError {
  code: 'shortMessage';
  detail: string;
}

export type PanelMessageDecoding = Nx584PanelMessage | { kind: 'error'; error: Nx584MessageError };

/** Minimum data bytes per message (after the message number); panels may append more. */
const minimumDataLength: Partial<Record<number, number>> = {
  [panelMessageNumber.interfaceConfiguration]: 10,
  [panelMessageNumber.zoneName]: 17,
  [panelMessageNumber.zoneStatus]: 7,
  [panelMessageNumber.zonesSnapshot]: 9,
  [panelMessageNumber.partitionStatus]: 8,
  [panelMessageNumber.partitionsSnapshot]: 8,
  [panelMessageNumber.systemStatus]: 11,
  [panelMessageNumber.logEvent]: 9,
  [panelMessageNumber.keypadMessage]: 2,
};

export function partitionsOfMask(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].filter((partition) => (mask & (1 << (partition - 1))) !== 0);
}

export function maskOfPartitions(partitions: readonly number[]): number {
  return partitions.reduce((mask, partition) => mask | (1 << (partition - 1)), 0) & 0xff;
}

/** Bit n of the little-endian mask set ⇔ message `base + n` is enabled (interface configuration, nxgipd). */
function numbersOfMask(bytes: ArrayLike<number>, base: number): number[] {
  const numbers: number[] = [];
  for (let i = 0; i < bytes.length * 8; i += 1) if (((bytes[i >> 3] ?? 0) & (1 << (i & 7))) !== 0) numbers.push(base + i);
  return numbers;
}

function maskOfNumbers(numbers: readonly number[], base: number, byteCount: number): number[] {
  const bytes = new Array<number>(byteCount).fill(0);
  for (const number of numbers) {
    const bit = number - base;
    if (bit >= 0 && bit < byteCount * 8) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (1 << (bit & 7));
  }
  return bytes;
}

const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes).replace(/[\s\0]+$/, '');
const fixedText = (value: string, width: number): number[] => [...value.padEnd(width, ' ').slice(0, width)].map((c) => c.charCodeAt(0) & 0xff);

export function decodePanelMessage(frame: Nx584Frame): PanelMessageDecoding {
  const d = frame.data;
  const need = minimumDataLength[frame.number];
  if (need !== undefined && d.length < need) {
    return { kind: 'error', error: { code: 'shortMessage', detail: `message ${frame.number.toString(16)}h needs ${need} data bytes, got ${d.length}` } };
  }
  const at = (index: number): number => d[index] ?? 0;
  switch (frame.number) {
    case panelMessageNumber.interfaceConfiguration:
      return { kind: 'interfaceConfiguration', firmware: text(d.subarray(0, 4)), transitionMessages: numbersOfMask(d.subarray(4, 6), 0), requests: numbersOfMask(d.subarray(6, 10), 0x20) };
    case panelMessageNumber.zoneName:
      return { kind: 'zoneName', zone: at(0) + 1, name: text(d.subarray(1, 17)) };
    case panelMessageNumber.zoneStatus:
      return { kind: 'zoneStatus', zone: at(0) + 1, partitions: partitionsOfMask(at(1)), types: readFlags(zoneTypeTable, d.subarray(2, 5)), conditions: readFlags(zoneConditionTable, d.subarray(5, 7)) };
    case panelMessageNumber.zonesSnapshot: {
      const zones: { zone: number; conditions: ZoneSnapshotCondition[] }[] = [];
      for (let i = 0; i < 16; i += 1) {
        const nibble = (at(1 + (i >> 1)) >> ((i & 1) * 4)) & 0x0f;
        zones.push({ zone: at(0) * 16 + i + 1, conditions: readFlags(zoneSnapshotTable, [nibble]) });
      }
      return { kind: 'zonesSnapshot', zones };
    }
    case panelMessageNumber.partitionStatus:
      return { kind: 'partitionStatus', partition: at(0) + 1, conditions: readFlags(partitionConditionTable, [...d.subarray(1, 5), ...d.subarray(6, 8)]), lastUser: at(5) };
    case panelMessageNumber.partitionsSnapshot:
      return { kind: 'partitionsSnapshot', partitions: [...d.subarray(0, 8)].map((byte, i) => ({ partition: i + 1, flags: readFlags(partitionSnapshotTable, [byte]) })) };
    case panelMessageNumber.systemStatus:
      return { kind: 'systemStatus', panelId: at(0), flags: readFlags(systemStatusTable, d.subarray(1, 9)), validPartitions: partitionsOfMask(at(9)), communicationStackPointer: at(10) };
    case panelMessageNumber.logEvent:
      return {
        kind: 'logEvent',
        eventNumber: at(0),
        logSize: at(1),
        eventType: at(2) & 0x7f,
        nonReporting: (at(2) & 0x80) !== 0,
        target: at(3),
        partition: at(4) + 1,
        month: at(5),
        day: at(6),
        hour: at(7),
        minute: at(8),
      };
    case panelMessageNumber.keypadMessage:
      return { kind: 'keypadMessage', keypad: at(0), key: at(1) };
    case panelMessageNumber.commandFailed:
      return { kind: 'commandFailed' };
    case panelMessageNumber.positiveAck:
      return { kind: 'positiveAck' };
    case panelMessageNumber.negativeAck:
      return { kind: 'negativeAck' };
    case panelMessageNumber.messageRejected:
      return { kind: 'messageRejected' };
    default:
      return { kind: 'other', number: frame.number, data: Uint8Array.from(d) };
  }
}

function panelMessageData(message: Nx584PanelMessage): [number, number[]] {
  switch (message.kind) {
    case 'interfaceConfiguration':
      return [
        panelMessageNumber.interfaceConfiguration,
        [...fixedText(message.firmware, 4), ...maskOfNumbers(message.transitionMessages, 0, 2), ...maskOfNumbers(message.requests, 0x20, 4)],
      ];
    case 'zoneName':
      return [panelMessageNumber.zoneName, [message.zone - 1, ...fixedText(message.name, 16)]];
    case 'zoneStatus':
      return [
        panelMessageNumber.zoneStatus,
        [message.zone - 1, maskOfPartitions(message.partitions), ...writeFlags(zoneTypeTable, message.types), ...writeFlags(zoneConditionTable, message.conditions)],
      ];
    case 'zonesSnapshot': {
      const first = message.zones[0]?.zone ?? 1;
      const bytes = new Array<number>(8).fill(0);
      message.zones.slice(0, 16).forEach((entry, i) => {
        bytes[i >> 1] = (bytes[i >> 1] ?? 0) | ((writeFlags(zoneSnapshotTable, entry.conditions)[0] ?? 0) << ((i & 1) * 4));
      });
      return [panelMessageNumber.zonesSnapshot, [Math.floor((first - 1) / 16), ...bytes]];
    }
    case 'partitionStatus': {
      const flags = writeFlags(partitionConditionTable, message.conditions);
      return [panelMessageNumber.partitionStatus, [message.partition - 1, ...flags.slice(0, 4), message.lastUser, ...flags.slice(4)]];
    }
    case 'partitionsSnapshot': {
      const bytes = new Array<number>(8).fill(0);
      for (const entry of message.partitions) bytes[entry.partition - 1] = writeFlags(partitionSnapshotTable, entry.flags)[0] ?? 0;
      return [panelMessageNumber.partitionsSnapshot, bytes];
    }
    case 'systemStatus':
      return [
        panelMessageNumber.systemStatus,
        [message.panelId, ...writeFlags(systemStatusTable, message.flags), maskOfPartitions(message.validPartitions), message.communicationStackPointer],
      ];
    case 'logEvent':
      return [
        panelMessageNumber.logEvent,
        [
          message.eventNumber,
          message.logSize,
          (message.eventType & 0x7f) | (message.nonReporting ? 0x80 : 0),
          message.target,
          message.partition - 1,
          message.month,
          message.day,
          message.hour,
          message.minute,
        ],
      ];
    case 'keypadMessage':
      return [panelMessageNumber.keypadMessage, [message.keypad, message.key]];
    case 'other':
      return [message.number, [...message.data]];
    default:
      return [panelMessageNumber[message.kind], []];
  }
}

/** The frame a panel sends for `message`; transition messages ask for an acknowledge. */
export function encodePanelMessage(message: Nx584PanelMessage, ackRequested = false): Nx584Frame {
  const [number, data] = panelMessageData(message);
  return { number, ackRequested, data: Uint8Array.from(data, (byte) => byte & 0xff) };
}
