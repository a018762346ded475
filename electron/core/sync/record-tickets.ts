// Each record's ticket upstream as its page shows it (created with its number, waiting, refused, or none), and the
// tickets made so far for the sync page.
import type { SyncRecordKind, SyncRecordTicket, SyncTicketListItem } from '../../../shared/contract/sync';
import type { Db } from '../db/database';
import { recordNumbers, ticketEntryTypes } from './record-kinds';

/** A link to a ticket in the ticket system's web UI, when the settings are known. */
export type TicketUrl = (ticketId: number) => string | null;

export async function recordTicketOf(db: Db, recordKind: SyncRecordKind, recordId: string, url: TicketUrl): Promise<SyncRecordTicket> {
  const ticket = await db.selectFrom('sync_ticket').select('ticket_id').where('record_kind', '=', recordKind).where('record_id', '=', recordId).executeTakeFirst();
  if (ticket) return { recordKind, recordId, state: 'created', ticketId: ticket.ticket_id, url: url(ticket.ticket_id) };
  const item = await db
    .selectFrom('sync_item')
    .select('state')
    .where('record_kind', '=', recordKind)
    .where('record_id', '=', recordId)
    .where('entry_type', '=', ticketEntryTypes[recordKind])
    .executeTakeFirst();
  const s = item?.state;
  return { recordKind, recordId, state: s === 'parked' ? 'parked' : s === 'waiting' || s === 'checking' ? 'waiting' : 'none', ticketId: null, url: null };
}

/** The newest tickets first, each with its record's number. */
export async function listTickets(db: Db, limit: number, url: TicketUrl): Promise<SyncTicketListItem[]> {
  const rows = await db.selectFrom('sync_ticket').selectAll().orderBy('created_at', 'desc').orderBy('ticket_id', 'desc').limit(limit).execute();
  const numbers = await recordNumbers(db, rows.map((r) => ({ kind: r.record_kind, id: r.record_id })));
  return rows.map((r) => ({
    recordKind: r.record_kind,
    recordId: r.record_id,
    recordNumber: numbers.get(`${r.record_kind}:${r.record_id}`) ?? '',
    ticketId: r.ticket_id,
    url: url(r.ticket_id),
    createdAt: r.created_at,
  }));
}
