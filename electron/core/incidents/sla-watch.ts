// The SLA watch: journals every deadline an incident crossed, once, with its true time: at start-up and while running.
import { openIncidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import { crossingKey, milestoneCrossings } from '../../../shared/domain/incidents/sla-crossings';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { type PeriodicJob, startPeriodicJob } from '../periodic-job';
import { loadTimelines } from './incident-rows';

/** Who the journal names for what the console noticed by itself. */
export const slaWatchOperator = 'system';

/**
 * Looks for crossings in (last check, now]: deadlines passed while the console was closed show up at the first
 * check after start-up. Each crossing is recorded in sla_crossing (unique per incident and crossingKey) and
 * journaled only if it was not there yet, so a check repeated or cut short by a kill never journals one twice.
 * The journal entry's own time is when it was noticed; the payload carries when it happened (`at`, `dueAt`).
 * Returns the ids of the incidents with new crossings.
 */
export async function checkSlaCrossings(ctx: CoreContext): Promise<string[]> {
  const ids = await inTransaction(ctx, async (trx, journal) => {
    // Read inside the transaction: every event committed before it has a time at or before `now`.
    const now = ctx.clock.now();
    const watch = await trx.selectFrom('sla_watch').select('last_checked_at').where('id', '=', 1).executeTakeFirst();
    // Never checked: every crossing since the first report counts.
    const from = watch?.last_checked_at ?? -1;
    // Closed since the last check: a deadline may have passed before the closing stopped its clocks.
    const incidents = await trx
      .selectFrom('incident')
      .select(['id', 'number'])
      .where((eb) => eb.or([eb('state', 'in', openIncidentStates), eb('updated_at', '>=', from)]))
      .execute();
    const timelines = await loadTimelines(trx, incidents.map((i) => i.id));
    const noticed = new Set<string>();
    for (const incident of incidents) {
      for (const crossing of milestoneCrossings(timelines.get(incident.id) ?? [], from, now)) {
        const inserted = await trx
          .insertInto('sla_crossing')
          .values({
            incident_id: incident.id,
            crossing_key: crossingKey(crossing),
            milestone: crossing.milestone,
            round: crossing.round,
            level: crossing.level,
            due_at: crossing.dueAt,
            at: crossing.at,
            recorded_at: now,
          })
          .onConflict((oc) => oc.columns(['incident_id', 'crossing_key']).doNothing())
          .returning('seq')
          .executeTakeFirst();
        if (!inserted) continue;
        noticed.add(incident.id);
        await journal({
          type: 'incident.sla_overdue',
          entityType: 'incident',
          entityId: incident.id,
          payload: { number: incident.number, ...crossing },
          operator: slaWatchOperator,
        });
      }
    }
    // A clock set back leaves the mark where it was: the window never moves backwards.
    const checkedUpTo = Math.max(from, now);
    await trx
      .insertInto('sla_watch')
      .values({ id: 1, last_checked_at: checkedUpTo })
      .onConflict((oc) => oc.column('id').doUpdateSet({ last_checked_at: checkedUpTo }))
      .execute();
    return [...noticed];
  });
  if (ids.length) ctx.emit('incidents.changed', { ids });
  return ids;
}

/** Checks every `intervalMs` while the core runs; a check never overlaps the previous one. */
export function startSlaWatch(ctx: CoreContext, intervalMs: number): PeriodicJob {
  return startPeriodicJob('SLA watch check', intervalMs, () => checkSlaCrossings(ctx));
}
