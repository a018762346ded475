// What a record says once its item is upstream, written in the item's own transaction: a defect reported to the
// service center moves from waiting_for_sync to sent when its ticket exists; an escalation is sent once what it
// holds so far (raised, and acknowledged if it is) is on the incident's ticket.
import type { Selectable } from 'kysely';
import type { SyncRecordKind } from '../../../shared/contract/sync';
import type { CoreContext } from '../context';
import type { Trx } from '../db/database';
import type { SyncItemTable } from './schema';

type Item = Pick<Selectable<SyncItemTable>, 'entry_seq' | 'entry_type' | 'record_kind' | 'record_id'>;

export async function recordUpstream(trx: Trx, item: Item): Promise<void> {
  if (item.record_kind === 'defect' && item.entry_type === 'defect.reported') {
    await trx.updateTable('defect').set({ upstream: 'sent' }).where('id', '=', item.record_id).where('upstream', '=', 'waiting_for_sync').execute();
    return;
  }
  if (item.entry_type !== 'escalation.raised' && item.entry_type !== 'escalation.acknowledged') return;
  const entry = await trx.selectFrom('journal').select('payload').where('seq', '=', item.entry_seq).executeTakeFirst();
  const escalationId = entry ? (JSON.parse(entry.payload) as { escalationId?: unknown }).escalationId : undefined;
  if (typeof escalationId !== 'string') return;
  let q = trx.updateTable('escalation').set({ upstream: 'sent' }).where('id', '=', escalationId);
  // The raise alone is all of it only while nobody has acknowledged it; the acknowledgement follows it in order.
  if (item.entry_type === 'escalation.raised') q = q.where('acknowledged_at', 'is', null);
  await q.execute();
}

const changedEvents: Partial<Record<SyncRecordKind, (ctx: CoreContext, id: string) => void>> = {
  defect: (ctx, id) => ctx.emit('problems.changed', { ids: [id] }),
  maintenance: (ctx, id) => ctx.emit('maintenance.changed', { taskIds: [id] }),
};

/** The record's pages hear that something of it changed (what the service center wrote back). */
export function emitRecordChanged(ctx: CoreContext, kind: SyncRecordKind, id: string): void {
  changedEvents[kind]?.(ctx, id);
}

/** The record's pages hear that its upstream state changed (the ticket number, "sent"). */
export function emitRecordUpstream(ctx: CoreContext, item: Item): void {
  changedEvents[item.record_kind]?.(ctx, item.record_id);
  if (item.entry_type.startsWith('escalation.')) ctx.emit('escalations.changed', { ids: [] });
}
