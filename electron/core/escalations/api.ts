// Binds the escalations' contract methods to their service.
import type { escalationsContract } from '../../../shared/contract/escalations';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { acknowledgeEscalation, listEscalations, raiseEscalation } from './escalation-service';

export function escalationsApi(ctx: CoreContext): Handlers<keyof typeof escalationsContract> {
  return {
    'escalations.raise': (args, call) => raiseEscalation(ctx, call, args),
    'escalations.list': (args) => listEscalations(ctx.db, args),
    'escalations.acknowledge': (args, call) => acknowledgeEscalation(ctx, call, args),
  };
}
