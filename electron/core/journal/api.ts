// Binds the journal's contract methods to its service.
import type { journalContract } from '../../../shared/contract/journal';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { readCheckpointFile } from './checkpoint-file';
import { listEntries } from './service';
import { verifyChain } from './verify-chain';

export function journalApi(ctx: CoreContext): Handlers<keyof typeof journalContract> {
  return {
    'journal.list': (args) => listEntries(ctx.db, args),
    // A million entries take seconds: the audit view shows how far the check has come.
    'journal.verify': () =>
      verifyChain(ctx.db, { key: ctx.journalKey, record: readCheckpointFile(ctx.dataDir) }, {
        onProgress: (checked, total) => ctx.emit('journal.verifyProgress', { checked, total }),
      }),
  };
}
