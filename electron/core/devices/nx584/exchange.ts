// Which panel message answers which NX-584 request, and what an exchange's outcome means to the engineer.

import { AppError } from '../../../../shared/contract/app-error';
import type { Nx584PanelMessage } from './panel-messages';
import type { Nx584Request } from './requests';
import { describePanelMessage, describeRequest } from './summary';

export type ExchangeOutcome =
  | { kind: 'reply'; message: Nx584PanelMessage }
  | { kind: 'noReply' }
  | { kind: 'writeFailed'; reason: string }
  | { kind: 'stopped' };

/** Command failed, acknowledges and rejection answer any request (nxgipd nx_send_message). */
const answersAnything = new Set<Nx584PanelMessage['kind']>(['commandFailed', 'positiveAck', 'negativeAck', 'messageRejected']);

export function answersRequest(request: Nx584Request, message: Nx584PanelMessage): boolean {
  if (answersAnything.has(message.kind)) return true;
  switch (request.kind) {
    case 'interfaceConfigurationRequest':
      return message.kind === 'interfaceConfiguration';
    case 'zoneNameRequest':
      return message.kind === 'zoneName' && message.zone === request.zone;
    case 'zoneStatusRequest':
      return message.kind === 'zoneStatus' && message.zone === request.zone;
    case 'zonesSnapshotRequest':
      return message.kind === 'zonesSnapshot' && message.zones[0]?.zone === request.firstZone;
    case 'partitionStatusRequest':
      return message.kind === 'partitionStatus' && message.partition === request.partition;
    case 'partitionsSnapshotRequest':
      return message.kind === 'partitionsSnapshot';
    case 'systemStatusRequest':
      return message.kind === 'systemStatus';
    case 'logEventRequest':
      return message.kind === 'logEvent' && message.eventNumber === request.eventNumber;
    default:
      return false;
  }
}

/** The one-line result of a test command, or the AppError that explains why it did not work. */
export function resultOf(command: string, request: Nx584Request, outcome: ExchangeOutcome, replyTimeoutMs: number): string {
  const params = { command, request: describeRequest(request) };
  switch (outcome.kind) {
    case 'noReply':
      throw new AppError('devices.nx584.noReply', 'devices.nx584.noReply', { ...params, timeoutMs: replyTimeoutMs });
    case 'writeFailed':
      throw new AppError('devices.nx584.writeFailed', 'devices.nx584.writeFailed', { ...params, reason: outcome.reason });
    case 'stopped':
      throw new AppError('devices.nx584.notStarted', 'devices.nx584.notStarted', params);
    case 'reply':
      break;
  }
  switch (outcome.message.kind) {
    case 'commandFailed':
      // 1Ch: the panel understood and refused, e.g. a wrong PIN or a partition not ready to arm.
      throw new AppError('devices.nx584.commandFailed', 'devices.nx584.commandFailed', params);
    case 'negativeAck':
      throw new AppError('devices.nx584.negativeAck', 'devices.nx584.negativeAck', params);
    case 'messageRejected':
      // 1Fh: the interface is not programmed to accept this request.
      throw new AppError('devices.nx584.rejected', 'devices.nx584.rejected', params);
    case 'positiveAck':
      return `${describeRequest(request)}: accepted`;
    default:
      return describePanelMessage(outcome.message);
  }
}
