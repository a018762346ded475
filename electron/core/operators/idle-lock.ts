// The core's idle lock: a sign-in with no activity for the set minutes is signed out, journaled, and its pages told.
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { type PeriodicJob, startPeriodicJob } from '../periodic-job';
import { findOperatorById } from './operator-service';
import { getSettings } from './settings-service';
import type { SignIns } from './sign-ins';

/*
 * What counts as activity: a login, and `auth.activity`, which the page sends while its person uses keyboard, mouse
 * or touch (IdleLock.tsx). Other calls do not: the page's lists refresh themselves on timers (alarms, incidents,
 * devices every few seconds), so counting every call would keep an unattended console signed in for ever. A resume
 * (a reload, a reconnect) keeps the sign-in's last activity as it was.
 */

/** consoleSettingsSchema allows no idle lock under a minute: below this the settings need not be read. */
const shortestIdleLockMs = 60_000;

/** Signs the token's sign-in out if it has been idle for the set minutes; true if it did. */
export async function lockIfIdle(ctx: CoreContext, signIns: SignIns, token: string): Promise<boolean> {
  if ((signIns.idleFor(token, ctx.clock.now()) ?? 0) < shortestIdleLockMs) return false;
  const { idleLockMinutes } = await getSettings(ctx.db);
  // Read again after the await, and end before the next one: two calls noticing the same idle sign-in lock it once.
  const idle = signIns.idleFor(token, ctx.clock.now());
  const operatorId = signIns.operatorOf(token);
  if (idle === null || operatorId === null || idle < idleLockMinutes * 60_000) return false;
  signIns.endSignIn(token, 'idle_lock');
  const row = await findOperatorById(ctx.db, operatorId);
  if (row) {
    await inTransaction(ctx, async (_trx, journal) => {
      await journal({ type: 'operator.idle_locked', entityType: 'operator', entityId: row.id, payload: { name: row.name, idleLockMinutes, by: 'core' }, operator: row.name });
    });
  }
  return true;
}

/** Looks for idle sign-ins every `intervalMs`, so a page left alone is told at once rather than at its next call. */
export function startIdleWatch(ctx: CoreContext, signIns: SignIns, intervalMs: number): PeriodicJob {
  return startPeriodicJob('idle watch', intervalMs, async () => {
    for (const token of signIns.live()) await lockIfIdle(ctx, signIns, token);
  });
}
