// Binds the duty log's contract methods to its service.
import type { dutyContract } from '../../../shared/contract/duty';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import type { AccessState } from '../operators/access-state';
import { addEntry, confirmHandover, getHandover, handoverDraft, listEntries, listHandovers, submitHandover } from './service';

export function dutyApi(ctx: CoreContext, access: AccessState): Handlers<keyof typeof dutyContract> {
  return {
    'duty.add': (args, call) => addEntry(ctx, call, args),
    'duty.list': (args) => listEntries(ctx.db, args),
    'duty.handoverDraft': () => handoverDraft(ctx),
    'duty.handoverSubmit': (args, call) => submitHandover(ctx, call, args),
    'duty.handoverConfirm': (args, call) => confirmHandover(ctx, access, call, args),
    'duty.handovers': (args) => listHandovers(ctx.db, args),
    'duty.handover': (args) => getHandover(ctx.db, args.id),
  };
}
