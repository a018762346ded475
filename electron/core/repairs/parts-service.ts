// Parts used on a repair (设备维修), recorded against the incident: a wearing part or consumable is free under the
// contract, a main part is charged at its cost; a stocked part leaves the spare stock (journaled on the stock row).
import type { MethodArgs } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/app-error';
import type { IncidentRepairs, RepairPart } from '../../../shared/contract/repairs';
import { chargedCostFen } from '../../../shared/domain/repairs/repair-kinds';
import { readStock, writeStockQuantity } from '../assets/spare-service';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { requireIncident } from '../incidents/incident-rows';
import { inTransaction } from '../journal/service';
import { loadLoans, loadQuotes, toPart } from './repair-rows';

export async function recordPart(ctx: CoreContext, call: CallContext, args: MethodArgs<'repairs.recordPart'>): Promise<RepairPart> {
  if (args.kind === 'main' && args.unitCostFen <= 0) throw new AppError('part_cost_required', 'part_cost_required', { name: args.name });
  if (args.kind === 'wearing' && args.unitCostFen !== 0) throw new AppError('part_wearing_is_free', 'part_wearing_is_free', { name: args.name });
  if (args.source === 'stock' && (!args.systemId || !args.typeId)) throw new AppError('part_stock_row_required', 'part_stock_row_required');
  const part = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, args.incidentId);
    if (incident.state === 'closed') throw new AppError('repairs_incident_closed', 'repairs_incident_closed', { number: incident.number });
    if (args.deviceId) {
      const device = await trx.selectFrom('device').select('id').where('id', '=', args.deviceId).executeTakeFirst();
      if (!device) throw new AppError('asset_not_found', 'asset_not_found', { id: args.deviceId });
    }
    const now = ctx.clock.now();
    const stocked = args.source === 'stock' && args.systemId && args.typeId ? { systemId: args.systemId, typeId: args.typeId } : null;
    if (stocked) {
      const stock = await readStock(trx, stocked.systemId, stocked.typeId);
      if (!stock) throw new AppError('part_not_stocked', 'part_not_stocked', { typeId: stocked.typeId });
      if (stock.quantity < args.quantity) throw new AppError('part_stock_short', 'part_stock_short', { quantity: stock.quantity, wanted: args.quantity });
      const quantity = stock.quantity - args.quantity;
      await writeStockQuantity(trx, stocked.systemId, stocked.typeId, quantity, now);
      await journal({
        type: 'spares.taken',
        entityType: 'spare',
        entityId: `${stocked.systemId}/${stocked.typeId}`,
        payload: { from: stock, quantity, taken: args.quantity, incidentId: incident.id, number: incident.number, part: args.name },
        operator: call.operator,
      });
    }
    const row = {
      id: ctx.newId(),
      incident_id: incident.id,
      device_id: args.deviceId,
      kind: args.kind,
      name: args.name,
      quantity: args.quantity,
      unit_cost_fen: args.unitCostFen,
      source: args.source,
      stock_system_id: stocked?.systemId ?? null,
      stock_type_id: stocked?.typeId ?? null,
      note: args.note,
      recorded_by: call.operator,
      recorded_at: now,
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: '',
    };
    await trx.insertInto('repair_part').values(row).execute();
    await trx.updateTable('incident').set({ updated_at: now }).where('id', '=', incident.id).execute();
    const p = toPart({ ...row, seq: 0, currency: 'CNY' });
    const payload = { number: incident.number, ...p, chargedFen: chargedCostFen(p) };
    await journal({ type: 'incident.part_used', entityType: 'incident', entityId: incident.id, payload, operator: call.operator });
    if (args.deviceId) await journal({ type: 'repair.part_used', entityType: 'device', entityId: args.deviceId, payload, operator: call.operator });
    return p;
  });
  ctx.emit('incidents.changed', { ids: [part.incidentId] });
  // The spare stock and the device's history changed too: the spares page and the device page read again.
  ctx.emit('assets.changed', { ids: part.deviceId ? [part.deviceId] : [] });
  return part;
}

/**
 * A part recorded by mistake (wrong part, wrong quantity): withdrawn with the reason, kept on the record but no longer
 * charged; a part taken from the stock goes back to it. Only while the incident is open, and only once.
 */
export async function withdrawPart(ctx: CoreContext, call: CallContext, args: MethodArgs<'repairs.withdrawPart'>): Promise<RepairPart> {
  const part = await inTransaction(ctx, async (trx, journal) => {
    const row = await trx.selectFrom('repair_part').selectAll().where('id', '=', args.partId).executeTakeFirst();
    if (!row) throw new AppError('part_not_found', 'part_not_found', { id: args.partId });
    if (row.withdrawn_at !== null) throw new AppError('part_already_withdrawn', 'part_already_withdrawn', { name: row.name });
    const incident = await requireIncident(trx, row.incident_id);
    if (incident.state === 'closed') throw new AppError('repairs_incident_closed', 'repairs_incident_closed', { number: incident.number });
    const now = ctx.clock.now();
    if (row.stock_system_id !== null && row.stock_type_id !== null) {
      // The stock row may have been removed since: the part comes back as a new row of it.
      const stock = await readStock(trx, row.stock_system_id, row.stock_type_id);
      const quantity = (stock?.quantity ?? 0) + row.quantity;
      await writeStockQuantity(trx, row.stock_system_id, row.stock_type_id, quantity, now);
      await journal({
        type: 'spares.returned',
        entityType: 'spare',
        entityId: `${row.stock_system_id}/${row.stock_type_id}`,
        payload: { from: stock ?? null, quantity, returned: row.quantity, incidentId: incident.id, number: incident.number, part: row.name },
        operator: call.operator,
      });
    }
    const withdrawn = { withdrawn_at: now, withdrawn_by: call.operator, withdraw_reason: args.reason };
    await trx.updateTable('repair_part').set(withdrawn).where('id', '=', row.id).execute();
    await trx.updateTable('incident').set({ updated_at: now }).where('id', '=', incident.id).execute();
    const p = toPart({ ...row, ...withdrawn });
    const payload = { number: incident.number, partId: p.id, name: p.name, quantity: p.quantity, kind: p.kind, unitCostFen: p.unitCostFen, reason: args.reason };
    await journal({ type: 'incident.part_withdrawn', entityType: 'incident', entityId: incident.id, payload, operator: call.operator });
    if (p.deviceId) await journal({ type: 'repair.part_withdrawn', entityType: 'device', entityId: p.deviceId, payload, operator: call.operator });
    return p;
  });
  ctx.emit('incidents.changed', { ids: [part.incidentId] });
  ctx.emit('assets.changed', { ids: part.deviceId ? [part.deviceId] : [] });
  return part;
}

export async function incidentRepairs(ctx: CoreContext, incidentId: string): Promise<IncidentRepairs> {
  const db: Db = ctx.db;
  await requireIncident(db, incidentId);
  const [rows, loans, quotes] = await Promise.all([
    db.selectFrom('repair_part').selectAll().where('incident_id', '=', incidentId).orderBy('seq').execute(),
    loadLoans(db, ctx.clock.now(), { incidentId }),
    loadQuotes(db, { incidentId }),
  ]);
  const parts = rows.map(toPart);
  return { parts, chargedTotalFen: parts.reduce((sum, p) => sum + chargedCostFen(p), 0), loans, quotes };
}
