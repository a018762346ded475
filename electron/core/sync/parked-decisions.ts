// A supervisor's decisions on items the ticket system refused: send again (after the mapping was fixed), or skip
// with a comment. Both journaled on the item's record (the incident, the defect, the maintenance task).
import { AppError } from '../../../shared/contract/app-error';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { findItem } from './outbox';
import { createsTicket, recordEntityTypes } from './record-kinds';

export async function retryParked(ctx: CoreContext, call: CallContext, entryId: string | undefined, comment: string): Promise<number> {
  return inTransaction(ctx, async (trx, journal) => {
    let q = trx.selectFrom('sync_item').selectAll().where('state', '=', 'parked');
    if (entryId !== undefined) q = q.where('entry_id', '=', entryId);
    const rows = await q.execute();
    if (entryId !== undefined && rows.length === 0) {
      const item = await findItem(trx, entryId);
      throw new AppError(item ? 'sync_item_not_parked' : 'sync_item_not_found', item ? 'sync_item_not_parked' : 'sync_item_not_found', { entryId });
    }
    for (const row of rows) {
      // Refused outright (a 422, a missing ticket): it did not take effect, so it is simply sent again.
      await trx
        .updateTable('sync_item')
        .set({ state: 'waiting', parked_reason: null, parked_at: null, next_attempt_at: null })
        .where('entry_seq', '=', row.entry_seq)
        .execute();
      await journal({
        type: 'sync.item_retried',
        entityType: recordEntityTypes[row.record_kind],
        entityId: row.record_id,
        payload: { entryId: row.entry_id, entryType: row.entry_type, reason: row.parked_reason ? (JSON.parse(row.parked_reason) as unknown) : null, comment },
        operator: call.operator,
      });
    }
    return rows.length;
  });
}

export async function skipParked(ctx: CoreContext, call: CallContext, entryId: string, comment: string): Promise<void> {
  await inTransaction(ctx, async (trx, journal) => {
    const item = await findItem(trx, entryId);
    if (!item) throw new AppError('sync_item_not_found', 'sync_item_not_found', { entryId });
    if (item.state !== 'parked') throw new AppError('sync_item_not_parked', 'sync_item_not_parked', { entryId, state: item.state });
    // Without its ticket the record's later items have nowhere to go: they are skipped with it.
    let q = trx.updateTable('sync_item').set({ state: 'skipped', next_attempt_at: null });
    q = createsTicket(item.record_kind, item.entry_type)
      ? q.where('record_kind', '=', item.record_kind).where('record_id', '=', item.record_id).where('state', 'in', ['waiting', 'checking', 'parked'])
      : q.where('entry_seq', '=', item.entry_seq);
    const result = await q.executeTakeFirst();
    await journal({
      type: 'sync.item_skipped',
      entityType: recordEntityTypes[item.record_kind],
      entityId: item.record_id,
      payload: { entryId, entryType: item.entry_type, reason: item.parked_reason ? (JSON.parse(item.parked_reason) as unknown) : null, comment, skipped: Number(result.numUpdatedRows) },
      operator: call.operator,
    });
  });
}
