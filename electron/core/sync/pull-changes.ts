// Pulls the service center's changes on this console's tickets since the last pull: an incident's onto its timeline,
// a defect's or a maintenance record's onto its history.
import type { CoreContext } from '../context';
import type { TicketConnector } from './ticket-connector';
import type { OpenedSyncSettings } from './sync-settings';
import { applyRecordChanges } from './record-changes';
import { applyTicketChanges } from './upstream-changes';

/** The cursor belongs to one upstream and project: another URL or project starts over. */
const cursorKey = (settings: OpenedSyncSettings): string => `pull:${settings.url}|${settings.project}`;

export async function pullChanges(ctx: CoreContext, connector: TicketConnector, settings: OpenedSyncSettings): Promise<number> {
  const key = cursorKey(settings);
  const cursor = (await ctx.db.selectFrom('sync_cursor').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
  const seen = async (ticketId: number): Promise<number | null> =>
    (await ctx.db.selectFrom('sync_ticket').select('last_upstream_journal').where('ticket_id', '=', ticketId).executeTakeFirst())?.last_upstream_journal ?? null;
  const page = await connector.changesSince(cursor, seen);
  let applied = 0;
  for (const ticket of page.tickets) {
    const link = await ctx.db.selectFrom('sync_ticket').select(['record_kind', 'record_id']).where('ticket_id', '=', ticket.ticketId).executeTakeFirst();
    if (!link) continue;
    const changed =
      link.record_kind === 'incident'
        ? await applyTicketChanges(ctx, link.record_id, ticket, settings.mapping)
        : await applyRecordChanges(ctx, link.record_kind, link.record_id, ticket);
    if (changed) applied += 1;
  }
  if (page.cursor && page.cursor !== cursor) {
    await ctx.db.insertInto('sync_cursor').values({ key, value: page.cursor }).onConflict((oc) => oc.column('key').doUpdateSet({ value: page.cursor })).execute();
  }
  return applied;
}
