// Named spare units (设备更换, 备品): a register device kept as a spare (status 备用) is lent against a faulty device of
// an incident, used by the customer while that one is repaired, and returned after. Both devices' statuses follow, and
// both histories, the incident's timeline and the spares page show it.
import type { MethodArgs } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/app-error';
import type { DeviceRepairs, SpareLoan, SpareUnitCount, SpareUnits } from '../../../shared/contract/repairs';
import type { DeviceStatus } from '../../../shared/domain/assets/device-status';
import { toDevice } from '../assets/device-service';
import type { CallContext, CoreContext } from '../context';
import type { Trx } from '../db/database';
import { insertDeviceLinks } from '../incidents/incident-devices';
import { requireIncident } from '../incidents/incident-rows';
import { inTransaction, type NewEntry } from '../journal/service';
import { loadLoans, loadQuotes } from './repair-rows';

async function requireDevice(trx: Trx, id: string) {
  const row = await trx.selectFrom('device').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('asset_not_found', 'asset_not_found', { id });
  return row;
}

async function setStatus(trx: Trx, id: string, status: DeviceStatus, now: number): Promise<void> {
  await trx.updateTable('device').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/** One entry on each device's history: the spare's and the faulty one's, each naming the other. */
function deviceEntries(type: string, loan: SpareLoan, statuses: { spare: [DeviceStatus, DeviceStatus]; faulty: [DeviceStatus, DeviceStatus] }, operator: string): NewEntry[] {
  return (['spare', 'faulty'] as const).map((role) => ({
    type,
    entityType: 'device',
    entityId: role === 'spare' ? loan.spareDeviceId : loan.faultyDeviceId,
    payload: { role, ...loan, statusFrom: statuses[role][0], statusTo: statuses[role][1] },
    operator,
  }));
}

export async function lendSpare(ctx: CoreContext, call: CallContext, args: MethodArgs<'spares.lend'>): Promise<SpareLoan> {
  if (args.spareDeviceId === args.faultyDeviceId) throw new AppError('spare_same_device', 'spare_same_device');
  const loan = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, args.incidentId);
    if (incident.state === 'closed') throw new AppError('repairs_incident_closed', 'repairs_incident_closed', { number: incident.number });
    const spare = await requireDevice(trx, args.spareDeviceId);
    const faulty = await requireDevice(trx, args.faultyDeviceId);
    const open = await loadLoans(trx, ctx.clock.now(), { deviceId: spare.id, open: true });
    const lentOut = open.find((l) => l.spareDeviceId === spare.id);
    if (lentOut) {
      throw new AppError('spare_already_lent', 'spare_already_lent', { assetTag: spare.asset_tag, number: lentOut.incidentNumber, borrower: lentOut.borrower });
    }
    if (spare.status !== 'spare') throw new AppError('spare_not_a_spare', 'spare_not_a_spare', { assetTag: spare.asset_tag });
    if (faulty.status === 'spare' || faulty.status === 'retired') throw new AppError('spare_faulty_not_in_use', 'spare_faulty_not_in_use', { assetTag: faulty.asset_tag });
    const now = ctx.clock.now();
    if (args.dueAt !== null && args.dueAt <= now) throw new AppError('spare_due_in_past', 'spare_due_in_past');
    // The faulty device belongs on the incident: linked here if it was not yet (journaled on both, as a link is).
    await insertDeviceLinks(ctx, trx, journal, incident, [toDevice(faulty)], call.operator);
    const id = ctx.newId();
    await trx
      .insertInto('spare_loan')
      .values({
        id,
        incident_id: incident.id,
        spare_device_id: spare.id,
        faulty_device_id: faulty.id,
        borrower: args.borrower,
        lent_at: now,
        due_at: args.dueAt,
        lent_by: call.operator,
        note: args.note,
        returned_at: null,
        returned_by: null,
        return_note: '',
      })
      .execute();
    await setStatus(trx, spare.id, 'in_service', now);
    if (faulty.status !== 'under_repair') await setStatus(trx, faulty.id, 'under_repair', now);
    await trx.updateTable('incident').set({ updated_at: now }).where('id', '=', incident.id).execute();
    const [made] = await loadLoans(trx, now, { loanId: id });
    if (!made) throw new AppError('spare_loan_not_found', 'spare_loan_not_found', { id });
    await journal({ type: 'incident.spare_lent', entityType: 'incident', entityId: incident.id, payload: made, operator: call.operator });
    for (const e of deviceEntries('spare.lent', made, { spare: [spare.status, 'in_service'], faulty: [faulty.status, 'under_repair'] }, call.operator)) await journal(e);
    return made;
  });
  ctx.emit('incidents.changed', { ids: [loan.incidentId] });
  ctx.emit('assets.changed', { ids: [loan.spareDeviceId, loan.faultyDeviceId] });
  return loan;
}

export async function returnSpare(ctx: CoreContext, call: CallContext, args: MethodArgs<'spares.return'>): Promise<SpareLoan> {
  const loan = await inTransaction(ctx, async (trx, journal) => {
    const spare = await requireDevice(trx, args.spareDeviceId);
    const now = ctx.clock.now();
    const [open] = (await loadLoans(trx, now, { deviceId: spare.id, open: true })).filter((l) => l.spareDeviceId === spare.id);
    if (!open) throw new AppError('spare_not_lent', 'spare_not_lent', { assetTag: spare.asset_tag });
    const faulty = await requireDevice(trx, open.faultyDeviceId);
    await trx
      .updateTable('spare_loan')
      .set({ returned_at: now, returned_by: call.operator, return_note: args.note })
      .where('id', '=', open.id)
      .execute();
    await setStatus(trx, spare.id, 'spare', now);
    await setStatus(trx, faulty.id, args.faultyStatus, now);
    await trx.updateTable('incident').set({ updated_at: now }).where('id', '=', open.incidentId).execute();
    const [back] = await loadLoans(trx, now, { loanId: open.id });
    if (!back) throw new AppError('spare_loan_not_found', 'spare_loan_not_found', { id: open.id });
    await journal({ type: 'incident.spare_returned', entityType: 'incident', entityId: back.incidentId, payload: { ...back, faultyStatus: args.faultyStatus }, operator: call.operator });
    for (const e of deviceEntries('spare.returned', back, { spare: [spare.status, 'spare'], faulty: [faulty.status, args.faultyStatus] }, call.operator)) await journal(e);
    return back;
  });
  ctx.emit('incidents.changed', { ids: [loan.incidentId] });
  ctx.emit('assets.changed', { ids: [loan.spareDeviceId, loan.faultyDeviceId] });
  return loan;
}

/** Every spare unit: those on the shelf (备用) and those lent out, with the open loan; counts per system and type. */
export async function spareUnits(ctx: CoreContext): Promise<SpareUnits> {
  const now = ctx.clock.now();
  const open = await loadLoans(ctx.db, now, { open: true });
  const lentIds = open.map((l) => l.spareDeviceId);
  let q = ctx.db.selectFrom('device').selectAll().where('status', '=', 'spare');
  if (lentIds.length > 0) q = ctx.db.selectFrom('device').selectAll().where((eb) => eb.or([eb('status', '=', 'spare'), eb('id', 'in', lentIds)]));
  const rows = await q.orderBy('system_id').orderBy('type_id').orderBy('asset_tag').execute();
  const counts = new Map<string, SpareUnitCount>();
  const units = rows.map((r) => {
    const loan = open.find((l) => l.spareDeviceId === r.id) ?? null;
    const key = `${r.system_id}/${r.type_id ?? ''}`;
    const count = counts.get(key) ?? { systemId: r.system_id, typeId: r.type_id, available: 0, lent: 0 };
    if (loan) count.lent += 1;
    else count.available += 1;
    counts.set(key, count);
    return { id: r.id, assetTag: r.asset_tag, name: r.name, systemId: r.system_id, typeId: r.type_id, brand: r.brand, model: r.model, serialNo: r.serial_no, loan };
  });
  // Lent ones first (overdue before the rest), then the shelf.
  const rank = (u: (typeof units)[number]) => (u.loan ? (u.loan.overdue ? 0 : 1) : 2);
  units.sort((a, b) => rank(a) - rank(b));
  return { units, counts: [...counts.values()] };
}

export async function deviceRepairs(ctx: CoreContext, deviceId: string): Promise<DeviceRepairs> {
  const exists = await ctx.db.selectFrom('device').select('id').where('id', '=', deviceId).executeTakeFirst();
  if (!exists) throw new AppError('asset_not_found', 'asset_not_found', { id: deviceId });
  const [loans, quotes] = await Promise.all([loadLoans(ctx.db, ctx.clock.now(), { deviceId }), loadQuotes(ctx.db, { deviceId })]);
  return { loans, quotes };
}
