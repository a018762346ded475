// Binds the sync contract's methods. Placeholder until the sync engine lands: reads answer "not configured",
// changes are refused with a clear code.
import { AppError } from '../../../shared/contract/app-error';
import type { syncContract, SyncStatus } from '../../../shared/contract/sync';
import { defaultSyncMapping } from '../../../shared/domain/sync/default-mapping';
import type { Handlers } from '../api-handlers';

const notConfigured: SyncStatus = {
  state: 'not_configured',
  offlineSince: null,
  lastError: null,
  waiting: 0,
  parked: 0,
  lastSuccessAt: null,
  draining: null,
  nextAttemptAt: null,
};

const notReady = (): never => {
  throw new AppError('sync_not_ready', 'sync_not_ready');
};

export function syncApi(): Handlers<keyof typeof syncContract> {
  return {
    'sync.status': async () => notConfigured,
    'sync.queue': async () => ({ items: [], total: 0 }),
    'sync.parked': async () => [],
    'sync.retry': async () => notReady(),
    'sync.skip': async () => notReady(),
    'sync.getSettings': async () => ({
      enabled: false,
      connector: 'redmine',
      url: '',
      project: '',
      siteName: '',
      caFilePath: '',
      proxyUrl: '',
      mapping: defaultSyncMapping,
      apiKeySet: false,
      updatedAt: null,
    }),
    'sync.saveSettings': async () => notReady(),
    'sync.testConnection': async () => notReady(),
    'sync.ticketOf': async (args) => ({ incidentId: args.incidentId, state: 'none', ticketId: null, url: null }),
  };
}
