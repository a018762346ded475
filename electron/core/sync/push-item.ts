// Pushes one outbox item: after an unknown outcome it is looked up upstream first (the console id on the ticket,
// the marker in the note), so a call that took effect is never made twice. The engine has marked it `checking`
// (committed) before this is called, and writes down its `done` with the next commit.
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { JournalEntry, JournalHead } from '../../../shared/contract/journal';
import type { CoreContext } from '../context';
import type { BackoffOptions } from '../devices/reconnect-backoff';
import { toErrorData } from '../to-error-data';
import { entryMarker } from './item-content';
import { markRetry, park } from './outbox';
import { classifyPushFailure, type PushFailure } from './push-outcome';
import { type ItemContent, itemContent } from './record-content';
import { consoleIdOf } from './record-kinds';
import type { SyncItemTable } from './schema';
import { jitteredDelay } from './sync-backoff';
import type { TicketConnector } from './ticket-connector';

export type PushOutcome = { kind: 'done'; ticketId: number | null } | { kind: 'parked' } | { kind: 'later' } | Extract<PushFailure, { kind: 'link_down' | 'key_refused' }>;

export interface PushContext {
  siteName: string;
  head: JournalHead;
  itemBackoff: BackoffOptions;
  random: () => number;
  /** The batch's journal entries and tickets, read at once (an item not in them is read on its own). */
  entries?: Map<number, JournalEntry>;
  tickets?: Map<string, number>;
}

type Item = Selectable<SyncItemTable>;

/** While a record's PDF is being made the item is asked for again within a second; otherwise after the item backoff. */
const recordPdfPollMs = 1_000;

function recordPdfWaitMs(code: string, backoff: BackoffOptions, attempt: number, random: () => number): number | null {
  if (code === 'record_pdf_pending') return recordPdfPollMs;
  if (code === 'record_pdf_unavailable' || code === 'record_pdf_failed') return jitteredDelay(backoff, attempt, random);
  return null;
}

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
    content = await itemContent(ctx, item, push.siteName, push.head, push);
  } catch (err) {
    const error = err instanceof AppError ? err.toData() : { ...toErrorData(err), code: 'sync_item_unreadable', message: 'sync_item_unreadable' };
    // A maintenance record's PDF not made yet (rendering, no renderer, a failed try): this record waits, others go on.
    const wait = recordPdfWaitMs(error.code, push.itemBackoff, item.attempts + 1, push.random);
    if (wait !== null) {
      await markRetry(ctx.db, item.entry_seq, item.state === 'checking' ? 'checking' : 'waiting', error, ctx.clock.now() + wait);
      return { kind: 'later' };
    }
    await park(ctx.db, item.entry_seq, error, ctx.clock.now());
    return { kind: 'parked' };
  }
  let sent = false;
  try {
    if (item.state === 'checking') {
      const found = await alreadyUpstream(connector, item, content);
      if (found !== false) return { kind: 'done', ticketId: typeof found === 'number' ? found : null };
    }
    sent = true;
    if ('ticket' in content) return { kind: 'done', ticketId: await connector.createTicket(content.ticket) };
    await connector.updateTicket(content.ticketId, content.update);
    return { kind: 'done', ticketId: null };
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
