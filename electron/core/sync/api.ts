// Binds the sync contract's methods to the sync services and the running engine.
import type { syncContract } from '../../../shared/contract/sync';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import type { SecretBox } from '../devices/secret-box';
import { listParked, listQueue } from './outbox';
import { retryParked, skipParked } from './parked-decisions';
import { upstreamChangesOf } from './record-changes';
import { listTickets, recordTicketOf } from './record-tickets';
import type { SyncEngine, SyncEngineOptions } from './sync-engine';
import { defaultSyncEngineOptions } from './sync-engine';
import { openSyncSettings, readSyncSettings, saveSyncSettings, settingsForTest } from './sync-settings';

export function syncApi(ctx: CoreContext, secrets: SecretBox, engine: SyncEngine, options: Partial<SyncEngineOptions> = {}): Handlers<keyof typeof syncContract> {
  const connectorFor = options.connectorFor ?? defaultSyncEngineOptions.connectorFor;
  const timeoutMs = options.timeoutMs ?? defaultSyncEngineOptions.timeoutMs;
  return {
    'sync.status': () => engine.status(),
    'sync.queue': (args) => listQueue(ctx.db, args.afterSeq, args.limit),
    'sync.parked': () => listParked(ctx.db),
    'sync.retry': async (args, call) => {
      await retryParked(ctx, call, args.entryId, args.comment);
      engine.retryNow();
      return engine.status();
    },
    'sync.skip': async (args, call) => {
      await skipParked(ctx, call, args.entryId, args.comment);
      engine.retryNow();
      return engine.status();
    },
    'sync.getSettings': () => readSyncSettings(ctx.db),
    'sync.saveSettings': async (args, call) => {
      const saved = await saveSyncSettings(ctx, secrets, call, args);
      engine.retryNow();
      return saved;
    },
    'sync.testConnection': async (args) => {
      const settings = args.settings ? await settingsForTest(ctx.db, secrets, args.settings) : await openSyncSettings(ctx.db, secrets);
      const missing = !settings ? ['url', 'apiKey', 'project'] : [!settings.url && 'url', !settings.apiKey && 'apiKey', !settings.project && 'project'].filter((x): x is string => Boolean(x));
      if (!settings || missing.length > 0) return [{ key: 'settings', ok: false, code: 'settings_incomplete', params: { missing: missing.join(',') } }];
      return connectorFor(settings, timeoutMs).check();
    },
    'sync.ticketOf': (args) => engine.ticketOf(args.incidentId),
    'sync.recordTicket': (args) => recordTicketOf(ctx.db, args.recordKind, args.recordId, engine.ticketUrl),
    'sync.tickets': (args) => listTickets(ctx.db, args.limit, engine.ticketUrl),
    'sync.upstreamChanges': (args) => upstreamChangesOf(ctx.db, args.recordKind, args.recordId),
  };
}
