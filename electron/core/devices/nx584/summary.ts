// One-line summaries of NX-584 messages for the traffic monitor; a PIN is never written out, in words or in bytes.

import type { Nx584Frame } from './framing';
import { logEventType } from './log-events';
import type { Nx584PanelMessage } from './panel-messages';
import { requestNumber, type Nx584Request } from './requests';

const hex = (n: number): string => `${n.toString(16).toUpperCase().padStart(2, '0')}h`;
const list = (items: readonly (string | number)[]): string => (items.length ? items.join(' ') : 'none');

export function describePanelMessage(message: Nx584PanelMessage): string {
  switch (message.kind) {
    case 'interfaceConfiguration':
      return `01h interface configuration: firmware ${message.firmware}, transitions ${list(message.transitionMessages.map(hex))}`;
    case 'zoneName':
      return `03h zone ${message.zone} name "${message.name}"`;
    case 'zoneStatus':
      return `04h zone ${message.zone} status: ${list(message.conditions)}`;
    case 'zonesSnapshot': {
      const first = message.zones[0]?.zone ?? 1;
      const active = message.zones.filter((z) => z.conditions.length > 0).map((z) => `${z.zone}:${z.conditions.join('+')}`);
      return `05h zones ${first}–${first + 15} snapshot: ${list(active)}`;
    }
    case 'partitionStatus':
      return `06h partition ${message.partition} status: ${list(message.conditions)}, last user ${message.lastUser}`;
    case 'partitionsSnapshot':
      return `07h partitions snapshot: ${list(message.partitions.filter((p) => p.flags.includes('valid')).map((p) => `${p.partition}:${p.flags.join('+')}`))}`;
    case 'systemStatus':
      return `08h system status: panel ${message.panelId}, ${list(message.flags)}, partitions ${list(message.validPartitions)}`;
    case 'logEvent': {
      const time = `${message.month}/${message.day} ${String(message.hour).padStart(2, '0')}:${String(message.minute).padStart(2, '0')}`;
      return `0Ah log ${message.eventNumber}/${message.logSize}: ${logEventType(message.eventType).text.en} (${message.eventType}), number ${message.target}, partition ${message.partition}, ${time}`;
    }
    case 'keypadMessage':
      return `0Bh keypad ${message.keypad} key ${hex(message.key)}`;
    case 'commandFailed':
      return '1Ch command failed';
    case 'positiveAck':
      return '1Dh positive acknowledge';
    case 'negativeAck':
      return '1Eh negative acknowledge';
    case 'messageRejected':
      return '1Fh message rejected';
    case 'other':
      return `${hex(message.number)} message (${message.data.length} data bytes, not read)`;
  }
}

export function describeRequest(request: Nx584Request): string {
  const number = hex(requestNumber[request.kind]);
  switch (request.kind) {
    case 'interfaceConfigurationRequest':
      return `${number} interface configuration request`;
    case 'zoneNameRequest':
      return `${number} zone ${request.zone} name request`;
    case 'zoneStatusRequest':
      return `${number} zone ${request.zone} status request`;
    case 'zonesSnapshotRequest':
      return `${number} zones ${request.firstZone}–${request.firstZone + 15} snapshot request`;
    case 'partitionStatusRequest':
      return `${number} partition ${request.partition} status request`;
    case 'partitionsSnapshotRequest':
      return `${number} partitions snapshot request`;
    case 'systemStatusRequest':
      return `${number} system status request`;
    case 'logEventRequest':
      return `${number} log event ${request.eventNumber} request`;
    case 'setClock':
      return `${number} set clock ${request.year}-${request.month}-${request.day} ${request.hour}:${String(request.minute).padStart(2, '0')}`;
    case 'keypadFunctionWithPin':
      return `${number} ${request.func}, partitions ${list(request.partitions)}, PIN ****`;
    case 'keypadFunctionWithoutPin':
      return `${number} ${request.func}, partitions ${list(request.partitions)}, user ${request.user}`;
    case 'secondaryKeypadFunction':
      return `${number} secondary keypad function ${request.func}, partitions ${list(request.partitions)}`;
    case 'zoneBypassToggle':
      return `${number} zone ${request.zone} bypass toggle`;
    case 'positiveAck':
      return `${number} positive acknowledge`;
    case 'negativeAck':
      return `${number} negative acknowledge`;
    case 'messageRejected':
      return `${number} message rejected`;
  }
}

/** The frame as the traffic monitor may show it: a PIN field becomes FF FF FF (no digits), so hex views reveal nothing. */
export function frameForTraffic(frame: Nx584Frame): Nx584Frame {
  if (frame.number !== requestNumber.keypadFunctionWithPin) return frame;
  const data = Uint8Array.from(frame.data);
  data.fill(0xff, 0, Math.min(3, data.length));
  return { ...frame, data };
}
