// Reading repairs' rows as the contract shapes them: parts, loans (with both devices and the incident named), quotes.
import type { Selectable } from 'kysely';
import type { QuoteOption, RepairPart, ReplacementQuote, SpareLoan } from '../../../shared/contract/repairs';
import type { Db, Trx } from '../db/database';
import type { RepairPartTable } from './schema';

export function toPart(r: Selectable<RepairPartTable>): RepairPart {
  return {
    id: r.id,
    incidentId: r.incident_id,
    deviceId: r.device_id,
    kind: r.kind,
    name: r.name,
    quantity: r.quantity,
    unitCostFen: r.unit_cost_fen,
    currency: 'CNY',
    source: r.source,
    stockSystemId: r.stock_system_id,
    stockTypeId: r.stock_type_id,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    withdrawn: r.withdrawn_at === null ? null : { at: r.withdrawn_at, by: r.withdrawn_by ?? '', reason: r.withdraw_reason },
  };
}

function loanQuery(db: Db | Trx) {
  return db
    .selectFrom('spare_loan as l')
    .innerJoin('incident as i', 'i.id', 'l.incident_id')
    .innerJoin('device as s', 's.id', 'l.spare_device_id')
    .innerJoin('device as f', 'f.id', 'l.faulty_device_id')
    .selectAll('l')
    .select(['i.number as incident_number', 's.asset_tag as spare_tag', 's.name as spare_name', 'f.asset_tag as faulty_tag', 'f.name as faulty_name'])
    .orderBy('l.seq');
}

type LoanRow = Awaited<ReturnType<ReturnType<typeof loanQuery>['executeTakeFirstOrThrow']>>;

function toLoan(r: LoanRow, now: number): SpareLoan {
  return {
    id: r.id,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    spareDeviceId: r.spare_device_id,
    spareAssetTag: r.spare_tag,
    spareName: r.spare_name,
    faultyDeviceId: r.faulty_device_id,
    faultyAssetTag: r.faulty_tag,
    faultyName: r.faulty_name,
    borrower: r.borrower,
    lentAt: r.lent_at,
    dueAt: r.due_at,
    lentBy: r.lent_by,
    note: r.note,
    returnedAt: r.returned_at,
    returnedBy: r.returned_by,
    returnNote: r.return_note,
    overdue: r.returned_at === null && r.due_at !== null && r.due_at < now,
  };
}

export async function loadLoans(
  db: Db | Trx,
  now: number,
  where: { incidentId?: string; deviceId?: string; loanId?: string; open?: boolean },
): Promise<SpareLoan[]> {
  let q = loanQuery(db);
  if (where.incidentId) q = q.where('l.incident_id', '=', where.incidentId);
  if (where.loanId) q = q.where('l.id', '=', where.loanId);
  const deviceId = where.deviceId;
  if (deviceId) q = q.where((eb) => eb.or([eb('l.spare_device_id', '=', deviceId), eb('l.faulty_device_id', '=', deviceId)]));
  if (where.open) q = q.where('l.returned_at', 'is', null);
  return (await q.execute()).map((r) => toLoan(r, now));
}

export async function loadQuotes(db: Db | Trx, where: { incidentId?: string; deviceId?: string; quoteId?: string }): Promise<ReplacementQuote[]> {
  let q = db
    .selectFrom('replacement_quote as q')
    .innerJoin('incident as i', 'i.id', 'q.incident_id')
    .innerJoin('device as d', 'd.id', 'q.device_id')
    .selectAll('q')
    .select(['i.number as incident_number', 'd.asset_tag', 'd.name as device_name'])
    .orderBy('q.seq');
  if (where.incidentId) q = q.where('q.incident_id', '=', where.incidentId);
  if (where.deviceId) q = q.where('q.device_id', '=', where.deviceId);
  if (where.quoteId) q = q.where('q.id', '=', where.quoteId);
  const quotes = await q.execute();
  if (quotes.length === 0) return [];
  const options = await db
    .selectFrom('replacement_option')
    .selectAll()
    .where('quote_id', 'in', quotes.map((r) => r.id))
    .orderBy('seq')
    .execute();
  return quotes.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    deviceId: r.device_id,
    deviceAssetTag: r.asset_tag,
    deviceName: r.device_name,
    options: options
      .filter((o) => o.quote_id === r.id)
      .map(
        (o): QuoteOption => ({
          id: o.id,
          kind: o.kind,
          brand: o.brand,
          model: o.model,
          priceFen: o.price_fen,
          currency: 'CNY',
          supplier: o.supplier,
          validUntil: o.valid_until,
          note: o.note,
        }),
      ),
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    chosenOptionId: r.chosen_option_id,
    chosenBy: r.chosen_by,
    choiceRecordedBy: r.choice_recorded_by,
    chosenAt: r.chosen_at,
    choiceNote: r.choice_note,
  }));
}
