// Pushes one outbox item: after an unknown outcome it is looked up upstream first (the console id on the ticket,
// the marker in the note), so a call that took effect is never made twice. The engine has marked it `checking`
// (committed) before this is called, and writes down its `done` with the next commit.
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { JournalEntry, JournalHead } from '../../../shared/contract/journal';
import type { CoreContext } from '../context';
import type { BackoffOptions } from '../devices/reconnect-backoff';
import { toErrorData } from '../to-error-data';
import { entryMarker, ticketOf, updateOf } from './item-content';
import { entryOf, markRetry, park, ticketIdOf } from './outbox';
import { classifyPushFailure, type PushFailure } from './push-outcome';
import type { SyncItemTable } from './schema';
import { jitteredDelay } from './sync-backoff';
import type { NewTicket, TicketConnector, TicketUpdate } from './ticket-connector';

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
type Content = { ticket: NewTicket } | { ticketId: number; update: TicketUpdate };

/** What goes up, built from the journal entry; an entry that cannot be read (a file gone) is parked. */
async function contentOf(ctx: CoreContext, item: Item, push: PushContext): Promise<Content> {
  const entry = push.entries?.get(item.entry_seq) ?? (await entryOf(ctx.db, item.entry_seq));
  if (item.entry_type === 'incident.reported') return { ticket: await ticketOf(ctx.db, entry, push.siteName, push.head) };
  const ticketId = push.tickets?.get(item.incident_id) ?? (await ticketIdOf(ctx.db, item.incident_id));
  if (ticketId === null) throw new AppError('sync_no_ticket', 'sync_no_ticket', { incidentId: item.incident_id });
  return { ticketId, update: await updateOf(ctx.dataDir, entry, push.head) };
}

/** True when the item is already upstream (only asked after an unknown outcome). */
async function alreadyUpstream(connector: TicketConnector, item: Item, content: Content): Promise<number | boolean> {
  if ('ticket' in content) return (await connector.findTicket(item.incident_id)) ?? false;
  return connector.findNote(content.ticketId, entryMarker(item.entry_id));
}

export async function pushItem(ctx: CoreContext, connector: TicketConnector, item: Item, push: PushContext): Promise<PushOutcome> {
  let content: Content;
  try {
    content = await contentOf(ctx, item, push);
  } catch (err) {
    const error = err instanceof AppError ? err.toData() : { ...toErrorData(err), code: 'sync_item_unreadable', message: 'sync_item_unreadable' };
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
