// Spare-part stock (备品) per component type.
import { AppError } from '../../../shared/contract/app-error';
import type { MethodArgs } from '../../../shared/contract';
import type { SpareStock } from '../../../shared/contract/assets';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';

/** The stock row of a system's component type, if it has one. */
export const readStock = (trx: Trx, systemId: string, typeId: string) =>
  trx.selectFrom('spare_stock').select(['quantity', 'minimum']).where('system_id', '=', systemId).where('type_id', '=', typeId).executeTakeFirst();

/** Sets the count of a stock row, making the row (minimum 0) if there is none. */
export async function writeStockQuantity(trx: Trx, systemId: string, typeId: string, quantity: number, now: number): Promise<void> {
  await trx
    .insertInto('spare_stock')
    .values({ system_id: systemId, type_id: typeId, quantity, minimum: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['system_id', 'type_id']).doUpdateSet({ quantity, updated_at: now }))
    .execute();
}

export async function listSpares(db: Db): Promise<SpareStock[]> {
  const rows = await db.selectFrom('spare_stock').selectAll().orderBy('system_id').orderBy('type_id').execute();
  return rows.map((r) => ({ systemId: r.system_id, typeId: r.type_id, quantity: r.quantity, minimum: r.minimum, updatedAt: r.updated_at }));
}

export function setSpareStock(ctx: CoreContext, call: CallContext, input: MethodArgs<'spares.set'>): Promise<SpareStock> {
  return inTransaction(ctx, async (trx, journal) => {
    const type = await trx
      .selectFrom('catalog_type')
      .select('id')
      .where('system_id', '=', input.systemId)
      .where('id', '=', input.typeId)
      .executeTakeFirst();
    if (!type) throw new AppError('catalog_unknown_type', 'catalog_unknown_type', { typeId: input.typeId });
    const before = await readStock(trx, input.systemId, input.typeId);
    const now = ctx.clock.now();
    const row = { system_id: input.systemId, type_id: input.typeId, quantity: input.quantity, minimum: input.minimum, updated_at: now };
    await trx
      .insertInto('spare_stock')
      .values(row)
      .onConflict((oc) => oc.columns(['system_id', 'type_id']).doUpdateSet({ quantity: input.quantity, minimum: input.minimum, updated_at: now }))
      .execute();
    await journal({
      type: 'spares.set',
      entityType: 'spare',
      entityId: `${input.systemId}/${input.typeId}`,
      payload: { from: before ?? null, quantity: input.quantity, minimum: input.minimum, reason: input.reason },
      operator: call.operator,
    });
    return { systemId: input.systemId, typeId: input.typeId, quantity: input.quantity, minimum: input.minimum, updatedAt: now };
  });
}
