// Binds the repairs' contract methods (parts, spare units lent and returned, replacement quotes) to their services.
import type { repairsContract } from '../../../shared/contract/repairs';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { incidentRepairs, recordPart, withdrawPart } from './parts-service';
import { chooseQuote, recordQuote } from './replacement-quotes';
import { deviceRepairs, lendSpare, returnSpare, spareUnits } from './spare-loans';

export function repairsApi(ctx: CoreContext): Handlers<keyof typeof repairsContract> {
  return {
    'repairs.ofIncident': (args) => incidentRepairs(ctx, args.incidentId),
    'repairs.ofDevice': (args) => deviceRepairs(ctx, args.deviceId),
    'repairs.recordPart': (args, call) => recordPart(ctx, call, args),
    'repairs.withdrawPart': (args, call) => withdrawPart(ctx, call, args),
    'spares.units': () => spareUnits(ctx),
    'spares.lend': (args, call) => lendSpare(ctx, call, args),
    'spares.return': (args, call) => returnSpare(ctx, call, args),
    'repairs.recordQuote': (args, call) => recordQuote(ctx, call, args),
    'repairs.chooseQuote': (args, call) => chooseQuote(ctx, call, args),
  };
}
