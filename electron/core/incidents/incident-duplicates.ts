// The same event reported twice: open incidents of the last hour at the same place or on the same device as a new report.
import type { Incident } from '../../../shared/contract/incidents';
import type { MethodArgs } from '../../../shared/contract';
import { openIncidentStates } from '../../../shared/domain/incidents/incident-lifecycle';
import { duplicateWindowMs, samePlace } from '../../../shared/domain/incidents/same-place';
import type { CoreContext } from '../context';
import { toIncident } from './incident-rows';

/** Newest first; the guard is offered to add to one of them instead of opening another. */
export async function recentAtSamePlace(ctx: CoreContext, input: MethodArgs<'incidents.recentAtSamePlace'>): Promise<Incident[]> {
  const since = ctx.clock.now() - duplicateWindowMs;
  // Only the last hour's open incidents: a handful even on a busy night, so the place is compared here, not in SQL.
  const rows = await ctx.db
    .selectFrom('incident')
    .selectAll()
    .where('state', 'in', openIncidentStates)
    .where('reported_at', '>=', since)
    .orderBy('reported_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const onDevice = new Set(
    input.deviceIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('incident_device')
            .select('incident_id')
            .where('device_id', 'in', input.deviceIds)
            .where('incident_id', 'in', rows.map((r) => r.id))
            .execute()
        ).map((r) => r.incident_id),
  );
  return rows.filter((r) => onDevice.has(r.id) || samePlace(r.location, input.location)).map(toIncident);
}
