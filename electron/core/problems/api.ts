// Binds the problem records' contract methods (consultations, defects) to their services.
import type { problemsContract } from '../../../shared/contract/problems';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import type { AccessState } from '../operators/access-state';
import { getConsultation, listConsultations, recordConsultation } from './consultation-service';
import { actOnDefect, defectsOfIncident, getDefect, listDefects, signOffDefect, submitDefect } from './defect-service';

export function problemsApi(ctx: CoreContext, access: AccessState): Handlers<keyof typeof problemsContract> {
  return {
    'consultations.record': (args, call) => recordConsultation(ctx, call, args),
    'consultations.list': (args) => listConsultations(ctx.db, args),
    'consultations.get': (args) => getConsultation(ctx.db, args.id),
    'defects.submit': (args, call) => submitDefect(ctx, call, args),
    'defects.list': (args) => listDefects(ctx.db, args),
    'defects.get': (args, call) => getDefect(ctx, call, args.id),
    'defects.act': (args, call) => actOnDefect(ctx, call, args),
    'defects.signOff': (args, call) => signOffDefect(ctx, access, call, args),
    'defects.ofIncident': (args) => defectsOfIncident(ctx.db, args.incidentId),
  };
}
