// Filing an incident under its system afterwards: a guard may answer "不知道", and the engineer classifies it.
import { AppError } from '../../../shared/contract/app-error';
import type { Incident } from '../../../shared/contract/incidents';
import type { MethodArgs } from '../../../shared/contract';
import { roleMayTake } from '../../../shared/domain/incidents/incident-lifecycle';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { callerRole } from './caller-role';
import { requireIncident, toIncident } from './incident-rows';

/** The engineer's judgement, like the on-site record: the roles that may resolve may classify, until it is closed. */
export async function classifyIncident(ctx: CoreContext, call: CallContext, args: MethodArgs<'incidents.classify'>): Promise<Incident> {
  const { incident, changed } = await inTransaction(ctx, async (trx, journal) => {
    const row = await requireIncident(trx, args.id);
    const role = callerRole(call);
    const params = { state: row.state, action: 'classify', role };
    if (!roleMayTake(role, 'resolve')) throw new AppError('incident_role_not_allowed', 'incident_role_not_allowed', params);
    if (row.state === 'closed') throw new AppError('incident_transition_not_allowed', 'incident_transition_not_allowed', params);
    const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', args.systemId).executeTakeFirst();
    if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: args.systemId });
    if (row.system_id === args.systemId) return { incident: toIncident(row), changed: false };
    const updated = await trx
      .updateTable('incident')
      .set({ system_id: args.systemId, updated_at: ctx.clock.now() })
      .where('id', '=', args.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await journal({
      type: 'incident.classified',
      entityType: 'incident',
      entityId: args.id,
      payload: { number: row.number, systemFrom: row.system_id, systemId: args.systemId },
      operator: call.operator,
    });
    return { incident: toIncident(updated), changed: true };
  });
  if (changed) ctx.emit('incidents.changed', { ids: [args.id] });
  return incident;
}
