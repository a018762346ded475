// Binds the updates contract's methods to the update service.
import type { updatesContract } from '../../../shared/contract/updates';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { readUpdateSource, writeUpdateSource } from './update-source-file';
import type { UpdateService } from './update-service';

export function updatesApi(ctx: CoreContext, service: UpdateService): Handlers<keyof typeof updatesContract> {
  return {
    'updates.status': () => service.status(),
    'updates.saveSource': async (args, call) => {
      const before = readUpdateSource(ctx.dataDir);
      await inTransaction(ctx, async (_trx, journal) => {
        await journal({ type: 'update.source_changed', entityType: 'update', entityId: 'console', payload: { before, after: args }, operator: call.operator });
      });
      writeUpdateSource(ctx.dataDir, args);
      return service.status();
    },
    'updates.check': (_args, call) => service.check(call.operator),
    'updates.install': (_args, call) => service.install(call.operator),
  };
}
