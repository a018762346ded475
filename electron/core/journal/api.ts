// Binds the journal's contract methods to its service.
import type { journalContract } from '../../../shared/contract/journal';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { listEntries, verifyChain } from './service';

export function journalApi(ctx: CoreContext): Handlers<keyof typeof journalContract> {
  return {
    'journal.list': (args) => listEntries(ctx.db, args),
    'journal.verify': () => verifyChain(ctx.db),
  };
}
