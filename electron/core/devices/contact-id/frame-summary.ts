// One-line descriptions of receiver messages for the traffic monitor.

import { parseReceiverMessage, type ReceiverDecoded } from './codec';
import { lookupEventCode } from './event-codes';

export function summarizeReceiverMessage(item: ReceiverDecoded): string {
  switch (item.kind) {
    case 'event': {
      const { account, qualifier, code, group, zone } = item.event;
      const info = lookupEventCode(code);
      const pointName = info.point === 'user' ? 'user' : 'zone';
      return `${qualifier} ${code} ${info.text.en} / ${info.text.zh}, account ${account}, group ${group}, ${pointName} ${zone} (receiver ${item.receiver} line ${item.line})`;
    }
    case 'heartbeat':
      return `heartbeat, receiver ${item.receiver} line ${item.line}`;
    case 'other':
      return `other message "${item.text}"`;
    case 'error':
      return `${item.reason}: ${item.message}`;
  }
}

/** The same line from a message's bytes (with its DC4), for the traffic monitor to write only when it is read. */
export const describeReceiverMessage = (bytes: Uint8Array): string => summarizeReceiverMessage(parseReceiverMessage(bytes));
