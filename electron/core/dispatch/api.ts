// Binds the engineers' and dispatch contract methods to their service.
import type { dispatchContract } from '../../../shared/contract/dispatch';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { dispatchesOfIncident, listEngineers, recordArrival, recordDispatch, setEngineerGrade } from './dispatch-service';

export function dispatchApi(ctx: CoreContext): Handlers<keyof typeof dispatchContract> {
  return {
    'engineers.list': () => listEngineers(ctx.db),
    'engineers.setGrade': (args, call) => setEngineerGrade(ctx, call, args),
    'dispatch.record': (args, call) => recordDispatch(ctx, call, args),
    'dispatch.arrived': (args, call) => recordArrival(ctx, call, args),
    'dispatch.ofIncident': (args) => dispatchesOfIncident(ctx.db, args.incidentId),
  };
}
