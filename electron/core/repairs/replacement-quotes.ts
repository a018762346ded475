// A device beyond repair (已经丧失修复价值): quotes for the same model or a product of the same function, with price,
// supplier and validity, recorded for the customer to choose; then the choice (which option, who chose, when).
import type { MethodArgs } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/app-error';
import type { ReplacementQuote } from '../../../shared/contract/repairs';
import type { CallContext, CoreContext } from '../context';
import { insertDeviceLinks, requireDevices } from '../incidents/incident-devices';
import { requireIncident } from '../incidents/incident-rows';
import { inTransaction } from '../journal/service';
import { loadQuotes } from './repair-rows';

export async function recordQuote(ctx: CoreContext, call: CallContext, args: MethodArgs<'repairs.recordQuote'>): Promise<ReplacementQuote> {
  const quote = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, args.incidentId);
    if (incident.state === 'closed') throw new AppError('repairs_incident_closed', 'repairs_incident_closed', { number: incident.number });
    const devices = await requireDevices(trx, [args.deviceId]);
    await insertDeviceLinks(ctx, trx, journal, incident, devices, call.operator);
    const now = ctx.clock.now();
    const id = ctx.newId();
    await trx
      .insertInto('replacement_quote')
      .values({ id, incident_id: incident.id, device_id: args.deviceId, note: args.note, recorded_by: call.operator, recorded_at: now, chosen_option_id: null, chosen_by: null, choice_recorded_by: null, chosen_at: null, choice_note: '' })
      .execute();
    await trx
      .insertInto('replacement_option')
      .values(args.options.map((o) => ({ id: ctx.newId(), quote_id: id, kind: o.kind, brand: o.brand, model: o.model, price_fen: o.priceFen, supplier: o.supplier, valid_until: o.validUntil, note: o.note })))
      .execute();
    await trx.updateTable('incident').set({ updated_at: now }).where('id', '=', incident.id).execute();
    const [made] = await loadQuotes(trx, { quoteId: id });
    if (!made) throw new AppError('quote_not_found', 'quote_not_found', { id });
    await journal({ type: 'incident.replacement_quoted', entityType: 'incident', entityId: incident.id, payload: made, operator: call.operator });
    await journal({ type: 'repair.replacement_quoted', entityType: 'device', entityId: args.deviceId, payload: made, operator: call.operator });
    return made;
  });
  ctx.emit('incidents.changed', { ids: [quote.incidentId] });
  ctx.emit('assets.changed', { ids: [quote.deviceId] });
  return quote;
}

export async function chooseQuote(ctx: CoreContext, call: CallContext, args: MethodArgs<'repairs.chooseQuote'>): Promise<ReplacementQuote> {
  const quote = await inTransaction(ctx, async (trx, journal) => {
    const [quoted] = await loadQuotes(trx, { quoteId: args.quoteId });
    if (!quoted) throw new AppError('quote_not_found', 'quote_not_found', { id: args.quoteId });
    if (quoted.chosenOptionId) throw new AppError('quote_already_chosen', 'quote_already_chosen', { chosenBy: quoted.chosenBy ?? '' });
    const option = quoted.options.find((o) => o.id === args.optionId);
    if (!option) throw new AppError('quote_option_not_found', 'quote_option_not_found', { id: args.optionId });
    const now = ctx.clock.now();
    await trx
      .updateTable('replacement_quote')
      .set({ chosen_option_id: option.id, chosen_by: args.chosenBy, choice_recorded_by: call.operator, chosen_at: now, choice_note: args.note })
      .where('id', '=', quoted.id)
      .execute();
    await trx.updateTable('incident').set({ updated_at: now }).where('id', '=', quoted.incidentId).execute();
    const [chosen] = await loadQuotes(trx, { quoteId: quoted.id });
    if (!chosen) throw new AppError('quote_not_found', 'quote_not_found', { id: quoted.id });
    const payload = { quoteId: chosen.id, number: chosen.incidentNumber, deviceId: chosen.deviceId, assetTag: chosen.deviceAssetTag, option, chosenBy: args.chosenBy, note: args.note };
    await journal({ type: 'incident.replacement_chosen', entityType: 'incident', entityId: chosen.incidentId, payload, operator: call.operator });
    await journal({ type: 'repair.replacement_chosen', entityType: 'device', entityId: chosen.deviceId, payload, operator: call.operator });
    return chosen;
  });
  ctx.emit('incidents.changed', { ids: [quote.incidentId] });
  ctx.emit('assets.changed', { ids: [quote.deviceId] });
  return quote;
}
