// Binds the alerts' contract methods to their service.
import type { alertsContract } from '../../../shared/contract/alerts';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { setAlertsMuted } from './service';

export function alertsApi(ctx: CoreContext): Handlers<keyof typeof alertsContract> {
  return {
    'alerts.setMuted': (args, call) => setAlertsMuted(ctx, call, args),
  };
}
