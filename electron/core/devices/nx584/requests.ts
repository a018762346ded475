// NX-584 requests and commands to the panel (21h–3Fh) and the acknowledges (1Dh–1Fh) the console sends; read back by the simulator.
// Numbers and layouts: nxgipd nx-584.h and pynx584 controller.py. 3Bh is the clock, 3Ch/3Dh the primary keypad
// function with/without PIN, 3Eh the secondary keypad function, 3Fh the zone bypass toggle.

import { AppError } from '../../../../shared/contract/app-error';
import type { Nx584Frame } from './framing';
import { maskOfPartitions, partitionsOfMask } from './panel-messages';

export const requestNumber = {
  interfaceConfigurationRequest: 0x21,
  zoneNameRequest: 0x23,
  zoneStatusRequest: 0x24,
  zonesSnapshotRequest: 0x25,
  partitionStatusRequest: 0x26,
  partitionsSnapshotRequest: 0x27,
  systemStatusRequest: 0x28,
  logEventRequest: 0x2a,
  setClock: 0x3b,
  keypadFunctionWithPin: 0x3c,
  keypadFunctionWithoutPin: 0x3d,
  secondaryKeypadFunction: 0x3e,
  zoneBypassToggle: 0x3f,
  positiveAck: 0x1d,
  negativeAck: 0x1e,
  messageRejected: 0x1f,
} as const;

/** Primary keypad functions (nxgipd nx-584.h, NX_KEYPAD_FUNC_*). */
export const primaryKeypadFunctions = ['silence', 'disarm', 'armAway', 'armStay', 'cancel', 'autoArm', 'startWalkTest', 'stopWalkTest'] as const;
export type PrimaryKeypadFunction = (typeof primaryKeypadFunctions)[number];

export type Nx584Request =
  | { kind: 'interfaceConfigurationRequest' }
  | { kind: 'zoneNameRequest'; zone: number }
  | { kind: 'zoneStatusRequest'; zone: number }
  /** `firstZone` 1, 17, 33, …: a snapshot covers 16 zones. */
  | { kind: 'zonesSnapshotRequest'; firstZone: number }
  | { kind: 'partitionStatusRequest'; partition: number }
  | { kind: 'partitionsSnapshotRequest' }
  | { kind: 'systemStatusRequest' }
  | { kind: 'logEventRequest'; eventNumber: number }
  /** `weekday` 1 = Sunday … 7 = Saturday (pynx584 set_time). */
  | { kind: 'setClock'; year: number; month: number; day: number; hour: number; minute: number; weekday: number }
  | { kind: 'keypadFunctionWithPin'; pin: string; func: PrimaryKeypadFunction; partitions: number[] }
  | { kind: 'keypadFunctionWithoutPin'; func: PrimaryKeypadFunction; partitions: number[]; user: number }
  | { kind: 'secondaryKeypadFunction'; func: number; partitions: number[] }
  | { kind: 'zoneBypassToggle'; zone: number }
  | { kind: 'positiveAck' }
  | { kind: 'negativeAck' }
  | { kind: 'messageRejected' };

export type RequestDecoding = Nx584Request | { kind: 'unknown'; number: number } | { kind: 'error'; error: { code: 'shortMessage' | 'badValue'; detail: string } };

/** A user PIN is 4 or 6 digits. */
export function isValidPin(pin: string): boolean {
  return /^(\d{4}|\d{6})$/.test(pin);
}

/** Three bytes, two digits each with the first in the low nibble; a 4-digit PIN ends with FFh (pynx584 make_pin_buffer). */
export function encodePin(pin: string): number[] {
  if (!isValidPin(pin)) throw new AppError('devices.nx584.badPin', 'devices.nx584.badPin', {});
  const digits = [...pin].map(Number);
  return [0, 2, 4].map((i) => {
    const low = digits[i];
    const high = digits[i + 1];
    return low === undefined || high === undefined ? 0xff : (high << 4) | low;
  });
}

/** The digits of a PIN field; undefined when a nibble is not a digit (and not the FFh filler). */
export function decodePin(bytes: ArrayLike<number>): string | undefined {
  let pin = '';
  for (let i = 0; i < 3; i += 1) {
    const byte = bytes[i] ?? 0xff;
    if (byte === 0xff && pin.length === 4 && i === 2) break;
    const low = byte & 0x0f;
    const high = byte >> 4;
    if (low > 9 || high > 9) return undefined;
    pin += `${low}${high}`;
  }
  return pin;
}

function requestData(request: Nx584Request): number[] {
  switch (request.kind) {
    case 'zoneNameRequest':
    case 'zoneStatusRequest':
    case 'zoneBypassToggle':
      return [request.zone - 1];
    case 'zonesSnapshotRequest':
      return [Math.floor((request.firstZone - 1) / 16)];
    case 'partitionStatusRequest':
      return [request.partition - 1];
    case 'logEventRequest':
      return [request.eventNumber];
    case 'setClock':
      return [request.year - 2000, request.month, request.day, request.hour, request.minute, request.weekday];
    case 'keypadFunctionWithPin':
      return [...encodePin(request.pin), primaryKeypadFunctions.indexOf(request.func), maskOfPartitions(request.partitions)];
    case 'keypadFunctionWithoutPin':
      return [primaryKeypadFunctions.indexOf(request.func), maskOfPartitions(request.partitions), request.user];
    case 'secondaryKeypadFunction':
      return [request.func, maskOfPartitions(request.partitions)];
    default:
      return [];
  }
}

export function encodeRequest(request: Nx584Request): Nx584Frame {
  return { number: requestNumber[request.kind], ackRequested: false, data: Uint8Array.from(requestData(request), (byte) => byte & 0xff) };
}

const requestDataLength: Partial<Record<number, number>> = {
  [requestNumber.zoneNameRequest]: 1,
  [requestNumber.zoneStatusRequest]: 1,
  [requestNumber.zonesSnapshotRequest]: 1,
  [requestNumber.partitionStatusRequest]: 1,
  [requestNumber.logEventRequest]: 1,
  [requestNumber.setClock]: 6,
  [requestNumber.keypadFunctionWithPin]: 5,
  [requestNumber.keypadFunctionWithoutPin]: 3,
  [requestNumber.secondaryKeypadFunction]: 2,
  [requestNumber.zoneBypassToggle]: 1,
};

/** Reads a frame the console sent, as the panel would (the simulator's side). */
export function decodeRequest(frame: Nx584Frame): RequestDecoding {
  const d = frame.data;
  const need = requestDataLength[frame.number];
  if (need !== undefined && d.length < need) {
    return { kind: 'error', error: { code: 'shortMessage', detail: `request ${frame.number.toString(16)}h needs ${need} data bytes, got ${d.length}` } };
  }
  const at = (index: number): number => d[index] ?? 0;
  const primary = (index: number): PrimaryKeypadFunction | undefined => primaryKeypadFunctions[at(index)];
  switch (frame.number) {
    case requestNumber.interfaceConfigurationRequest:
      return { kind: 'interfaceConfigurationRequest' };
    case requestNumber.zoneNameRequest:
      return { kind: 'zoneNameRequest', zone: at(0) + 1 };
    case requestNumber.zoneStatusRequest:
      return { kind: 'zoneStatusRequest', zone: at(0) + 1 };
    case requestNumber.zonesSnapshotRequest:
      return { kind: 'zonesSnapshotRequest', firstZone: at(0) * 16 + 1 };
    case requestNumber.partitionStatusRequest:
      return { kind: 'partitionStatusRequest', partition: at(0) + 1 };
    case requestNumber.partitionsSnapshotRequest:
      return { kind: 'partitionsSnapshotRequest' };
    case requestNumber.systemStatusRequest:
      return { kind: 'systemStatusRequest' };
    case requestNumber.logEventRequest:
      return { kind: 'logEventRequest', eventNumber: at(0) };
    case requestNumber.setClock:
      return { kind: 'setClock', year: at(0) + 2000, month: at(1), day: at(2), hour: at(3), minute: at(4), weekday: at(5) };
    case requestNumber.keypadFunctionWithPin: {
      const pin = decodePin(d.subarray(0, 3));
      const func = primary(3);
      if (pin === undefined || func === undefined) return { kind: 'error', error: { code: 'badValue', detail: 'PIN digits or keypad function out of range' } };
      return { kind: 'keypadFunctionWithPin', pin, func, partitions: partitionsOfMask(at(4)) };
    }
    case requestNumber.keypadFunctionWithoutPin: {
      const func = primary(0);
      if (func === undefined) return { kind: 'error', error: { code: 'badValue', detail: `keypad function ${at(0)} out of range` } };
      return { kind: 'keypadFunctionWithoutPin', func, partitions: partitionsOfMask(at(1)), user: at(2) };
    }
    case requestNumber.secondaryKeypadFunction:
      return { kind: 'secondaryKeypadFunction', func: at(0), partitions: partitionsOfMask(at(1)) };
    case requestNumber.zoneBypassToggle:
      return { kind: 'zoneBypassToggle', zone: at(0) + 1 };
    case requestNumber.positiveAck:
      return { kind: 'positiveAck' };
    case requestNumber.negativeAck:
      return { kind: 'negativeAck' };
    case requestNumber.messageRejected:
      return { kind: 'messageRejected' };
    default:
      return { kind: 'unknown', number: frame.number };
  }
}
