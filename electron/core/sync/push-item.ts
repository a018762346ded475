// Pushes one outbox item: after an unknown outcome it is looked up upstream first (the console id on the ticket,
// the marker in the note), so a call that took effect is never made twice.
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { JournalHead } from '../../../shared/contract/journal';
import type { CoreContext } from '../context';
import type { BackoffOptions } from '../devices/reconnect-backoff';
import { toErrorData } from '../to-error-data';
import { entryMarker } from './item-content';
import { markDone, markRetry, markSending, park } from './outbox';
import { classifyPushFailure, type PushFailure } from './push-outcome';
import { type ItemContent, itemContent } from './record-content';
import { consoleIdOf } from './record-kinds';
import { emitRecordUpstream } from './record-upstream';
import type { SyncItemTable } from './schema';
import { jitteredDelay } from './sync-backoff';
import type { TicketConnector } from './ticket-connector';

export type PushOutcome = { kind: 'done' } | { kind: 'parked' } | { kind: 'later' } | Extract<PushFailure, { kind: 'link_down' | 'key_refused' }>;

export interface PushContext {
  siteName: string;
  head: JournalHead;
  itemBackoff: BackoffOptions;
  random: () => number;
}

type Item = Selectable<SyncItemTable>;

/** True when the item is already upstream (only asked after an unknown outcome). */
async function alreadyUpstream(connector: TicketConnector, item: Item, content: ItemContent): Promise<number | boolean> {
  if ('ticket' in content) {
    const found = await connector.findTicket(consoleIdOf(item.record_kind, item.record_id));
    if (found === null) return false;
    await connector.completeTicket(found, content.ticket);
    return found;
  }
  return connector.findNote(content.ticketId, entryMarker(item.entry_id));
}

export async function pushItem(ctx: CoreContext, connector: TicketConnector, item: Item, push: PushContext): Promise<PushOutcome> {
  let content: ItemContent;
  try {
    content = await itemContent(ctx, item, push.siteName, push.head);
  } catch (err) {
    const error = err instanceof AppError ? err.toData() : { ...toErrorData(err), code: 'sync_item_unreadable', message: 'sync_item_unreadable' };
    await park(ctx.db, item.entry_seq, error, ctx.clock.now());
    return { kind: 'parked' };
  }
  let sent = false;
  try {
    if (item.state === 'checking') {
      const found = await alreadyUpstream(connector, item, content);
      if (found !== false) {
        await markDone(ctx.db, item, ctx.clock.now(), typeof found === 'number' ? found : null);
        emitRecordUpstream(ctx, item);
        return { kind: 'done' };
      }
    }
    await markSending(ctx.db, item.entry_seq);
    sent = true;
    if ('ticket' in content) {
      const ticketId = await connector.createTicket(content.ticket);
      await markDone(ctx.db, item, ctx.clock.now(), ticketId);
    } else {
      await connector.updateTicket(content.ticketId, content.update);
      await markDone(ctx.db, item, ctx.clock.now(), null);
    }
    emitRecordUpstream(ctx, item);
    return { kind: 'done' };
  } catch (err) {
    const failure = classifyPushFailure(err);
    const now = ctx.clock.now();
    // Once the call may have gone out the item stays `checking`: it is looked up before it is sent again.
    const mayHaveActed = sent && !(failure.kind === 'link_down' && !failure.sent) && failure.kind !== 'key_refused' && failure.kind !== 'park';
    const retryState = item.state === 'checking' || mayHaveActed ? 'checking' : 'waiting';
    switch (failure.kind) {
      case 'park':
        await park(ctx.db, item.entry_seq, failure.error, now);
        return { kind: 'parked' };
      case 'item_error':
        await markRetry(ctx.db, item.entry_seq, retryState, failure.error, now + jitteredDelay(push.itemBackoff, item.attempts + 1, push.random));
        return { kind: 'later' };
      default:
        await markRetry(ctx.db, item.entry_seq, retryState, failure.error, null);
        return failure;
    }
  }
}
