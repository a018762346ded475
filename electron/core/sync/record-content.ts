// What an outbox item becomes upstream, for every kind of record: the ticket (from the entry that makes it) or a
// note on the record's ticket. Escalations are an incident's matter: notes on the incident's ticket (上报服务中心).
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { JournalEntry, JournalHead } from '../../../shared/contract/journal';
import type { CoreContext } from '../context';
import { defectTicket, defectUpdate } from './defect-content';
import { footer, str, ticketOf, time, updateOf } from './item-content';
import { maintenanceTicket, recordPdfDue, recordPdfUpdate } from './maintenance-content';
import { entryOf, recordKey, ticketIdOf } from './outbox';
import { createsTicket } from './record-kinds';
import type { SyncItemTable } from './schema';
import type { NewTicket, TicketUpdate } from './ticket-connector';

type Item = Selectable<SyncItemTable>;
export type ItemContent = { ticket: NewTicket } | { ticketId: number; update: TicketUpdate };
/** A batch's journal entries and tickets read at once (by seq, by `recordKey`); what is not in them is read on its own. */
export interface BatchReads {
  entries?: Map<number, JournalEntry>;
  tickets?: Map<string, number>;
}

const milestoneLabels: Record<string, string> = { response: '响应 response', arrival: '到场 arrival', resolution: '解决 resolution' };

/** An escalation raised or acknowledged, as a note on its incident's ticket: who, what, when. */
export function escalationUpdate(entry: JournalEntry, head: JournalHead): TicketUpdate {
  const p = (entry.payload ?? {}) as Record<string, unknown>;
  const raised = entry.type === 'escalation.raised';
  const why =
    p.kind === 'sla_overdue'
      ? `SLA 超时 SLA milestone overdue: ${milestoneLabels[str(p.milestone)] ?? str(p.milestone)}`
      : '现场无法解决 Cannot be resolved on site';
  const lines = [
    `上报服务中心 Escalated to the service center — ${raised ? '升级 Raised' : '主管已确认 Acknowledged by the supervisor'} — ${time(entry.at)} — 操作员 Operator: ${entry.operator}`,
    `原因 Reason: ${why}`,
    ...(str(p.tried) ? [`已尝试 Tried: ${str(p.tried)}`] : []),
    ...(!raised ? [`处理措施 What will be done: ${str(p.action) || '—'}`] : []),
  ];
  return { notes: lines.join('\n') + footer(entry, head) };
}

/** What goes up, built from the journal entry; an entry that cannot be read (a file gone) is parked by the caller. */
export async function itemContent(ctx: CoreContext, item: Item, siteName: string, head: JournalHead, batch: BatchReads = {}): Promise<ItemContent> {
  const entry = batch.entries?.get(item.entry_seq) ?? (await entryOf(ctx.db, item.entry_seq));
  if (createsTicket(item.record_kind, item.entry_type)) {
    if (item.record_kind === 'defect') return { ticket: await defectTicket(ctx.db, entry, siteName, head) };
    if (item.record_kind === 'maintenance') return { ticket: await maintenanceTicket(ctx, entry, siteName, head) };
    return { ticket: await ticketOf(ctx.db, entry, siteName, head) };
  }
  const ticketId = batch.tickets?.get(recordKey(item.record_kind, item.record_id)) ?? (await ticketIdOf(ctx.db, item.record_kind, item.record_id));
  if (ticketId === null) throw new AppError('sync_no_ticket', 'sync_no_ticket', { recordKind: item.record_kind, recordId: item.record_id });
  if (item.entry_type.startsWith('escalation.')) return { ticketId, update: escalationUpdate(entry, head) };
  if (item.entry_type === recordPdfDue) return { ticketId, update: await recordPdfUpdate(ctx, entry, head) };
  if (item.record_kind === 'defect') return { ticketId, update: defectUpdate(entry, head) };
  return { ticketId, update: await updateOf(ctx.dataDir, entry, head) };
}
