// Binds the power contract's methods: the UPS shutdown settings, changes journaled.
import type { powerContract } from '../../../shared/contract/power';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { readUpsShutdownSettings, writeUpsShutdownSettings } from './ups-shutdown-settings';

export function powerApi(ctx: CoreContext): Handlers<keyof typeof powerContract> {
  return {
    'power.getSettings': async () => readUpsShutdownSettings(ctx.dataDir),
    'power.saveSettings': async (args, call) => {
      const before = readUpsShutdownSettings(ctx.dataDir);
      await inTransaction(ctx, async (_trx, journal) => {
        await journal({ type: 'power.settings_changed', entityType: 'power', entityId: 'ups-shutdown', payload: { before, after: args }, operator: call.operator });
      });
      writeUpsShutdownSettings(ctx.dataDir, args);
      return args;
    },
  };
}
