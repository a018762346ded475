// Muting and unmuting the console's alarm sound: one journal entry each, so the audit trail shows who silenced it.
import type { AlertsMuted } from '../../../shared/contract/alerts';
import type { MethodArgs } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';

/** The console itself is the entity: the alarm sound belongs to the machine, not to one incident. */
export const consoleEntityId = 'console';

export async function setAlertsMuted(ctx: CoreContext, call: CallContext, args: MethodArgs<'alerts.setMuted'>): Promise<AlertsMuted> {
  const at = ctx.clock.now();
  await inTransaction(ctx, async (_trx, journal) => {
    await journal({
      type: args.muted ? 'alerts.muted' : 'alerts.unmuted',
      entityType: 'console',
      entityId: consoleEntityId,
      payload: { muted: args.muted, reason: args.reason },
      operator: call.operator,
    });
  });
  return { muted: args.muted, at, by: call.operator };
}
