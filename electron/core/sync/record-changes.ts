// Brings the service center's changes back onto the other records' tickets: a defect's (Feature) and a maintenance
// record's (Support) notes, assignee and status changes, journaled on the record with the upstream author, so its
// page's history shows them. Nothing here moves the record's own steps: what happened on site stays the console's.
import type { JournalEntry } from '../../../shared/contract/journal';
import { recordUpstreamEntryTypes, type SyncRecordKind } from '../../../shared/contract/sync';
import { upstreamOperator } from '../../../shared/domain/sync/upstream-operator';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction, type NewEntry, toJournalEntry } from '../journal/service';
import { recordEntityTypes } from './record-kinds';
import { emitRecordChanged } from './record-upstream';
import type { TicketChanges, UpstreamChange } from './ticket-connector';

type OtherKind = Exclude<SyncRecordKind, 'incident'>;

/** The journal entries one upstream change makes on a record (a note, an assignee, a status, each its own). */
const entriesOf: Record<OtherKind, (change: UpstreamChange, base: Omit<NewEntry, 'type' | 'payload'>, ticketId: number) => NewEntry[]> = {
  defect: (change, base, ticketId) => {
    const common = { ticketId, changeId: change.id, author: change.author, upstreamAt: change.at };
    const entries: NewEntry[] = [];
    if (change.assignee !== null) entries.push({ ...base, type: 'defect.upstream_assigned', payload: { ...common, assignee: change.assignee } });
    if (change.status !== null) entries.push({ ...base, type: 'defect.upstream_status', payload: { ...common, status: change.status } });
    if (change.notes.trim() !== '') entries.push({ ...base, type: 'defect.upstream_note', payload: { ...common, text: change.notes } });
    return entries;
  },
  maintenance: (change, base, ticketId) => {
    const common = { ticketId, changeId: change.id, author: change.author, upstreamAt: change.at };
    const entries: NewEntry[] = [];
    if (change.assignee !== null) entries.push({ ...base, type: 'maintenance.upstream_assigned', payload: { ...common, assignee: change.assignee } });
    if (change.status !== null) entries.push({ ...base, type: 'maintenance.upstream_status', payload: { ...common, status: change.status } });
    if (change.notes.trim() !== '') entries.push({ ...base, type: 'maintenance.upstream_note', payload: { ...common, text: change.notes } });
    return entries;
  },
};

/** One ticket's changes in one transaction with the mark of how far they were read: none is brought back twice. */
export async function applyRecordChanges(ctx: CoreContext, kind: OtherKind, recordId: string, ticket: TicketChanges): Promise<boolean> {
  const changed = await inTransaction(ctx, async (trx, journal) => {
    const seen = await trx.selectFrom('sync_ticket').select('last_upstream_journal').where('record_kind', '=', kind).where('record_id', '=', recordId).executeTakeFirstOrThrow();
    const fresh = ticket.changes.filter((c) => c.id > seen.last_upstream_journal);
    for (const change of fresh) {
      const base = { entityType: recordEntityTypes[kind], entityId: recordId, operator: upstreamOperator(change.author) };
      for (const entry of entriesOf[kind](change, base, ticket.ticketId)) await journal(entry);
    }
    await trx
      .updateTable('sync_ticket')
      .set({ last_upstream_journal: Math.max(seen.last_upstream_journal, ticket.newestChangeId) })
      .where('record_kind', '=', kind)
      .where('record_id', '=', recordId)
      .execute();
    return fresh.length > 0;
  });
  if (changed) emitRecordChanged(ctx, kind, recordId);
  return changed;
}

/** What the service center wrote back on the record's ticket, oldest first: the record page's upstream history. */
export async function upstreamChangesOf(db: Db, kind: OtherKind, recordId: string): Promise<JournalEntry[]> {
  const rows = await db
    .selectFrom('journal')
    .selectAll()
    .where('entity_type', '=', recordEntityTypes[kind])
    .where('entity_id', '=', recordId)
    .where('type', 'in', recordUpstreamEntryTypes[kind])
    .orderBy('seq')
    .execute();
  return rows.map(toJournalEntry);
}
