// Escalations: raised by an engineer who cannot resolve on site, or by an SLA milestone past its deadline; each one
// acknowledged by a supervisor with what will be done. Journaled on the escalation and on its incident.
import type { Selectable } from 'kysely';
import type { MethodArgs } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/app-error';
import type { Escalation } from '../../../shared/contract/escalations';
import type { MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import { type OperatorRole, roleAtLeast } from '../../../shared/domain/operators/operator-roles';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { callerRole } from '../incidents/caller-role';
import { requireIncident } from '../incidents/incident-rows';
import { slaWatchOperator } from '../incidents/sla-watch';
import { inTransaction, type NewEntry } from '../journal/service';
import type { EscalationTable } from './schema';

type Journal = (entry: NewEntry) => Promise<void>;
type Row = Selectable<EscalationTable> & { number: string; title: string; level: Escalation['level'] };

function toEscalation(r: Row): Escalation {
  return {
    id: r.id,
    incidentId: r.incident_id,
    incidentNumber: r.number,
    incidentTitle: r.title,
    level: r.level,
    kind: r.kind,
    milestone: r.milestone as MilestoneKind | null,
    tried: r.tried,
    raisedBy: r.raised_by,
    raisedAt: r.raised_at,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
    action: r.action,
    upstream: r.upstream,
  };
}

function selectEscalations(db: Db | Trx) {
  return db.selectFrom('escalation as e').innerJoin('incident as i', 'i.id', 'e.incident_id').selectAll('e').select(['i.number', 'i.title', 'i.level']);
}

async function requireEscalation(db: Db | Trx, id: string): Promise<Escalation> {
  const row = await selectEscalations(db).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('escalation_not_found', 'escalation_not_found', { id });
  return toEscalation(row);
}

async function journalBoth(journal: Journal, e: Escalation, type: string, operator: string): Promise<void> {
  await journal({ type, entityType: 'escalation', entityId: e.id, payload: e, operator });
  await journal({ type, entityType: 'incident', entityId: e.incidentId, payload: { number: e.incidentNumber, escalationId: e.id, kind: e.kind, milestone: e.milestone, tried: e.tried, action: e.action }, operator });
}

/** The engineer raises, the supervisor acknowledges; checked here too, as the trusted internal path skips the table. */
function checkRole(call: CallContext, minimum: OperatorRole, step: string): void {
  const role = callerRole(call);
  if (!roleAtLeast(role, minimum)) throw new AppError('escalation_role_not_allowed', 'escalation_role_not_allowed', { step, role });
}

export async function raiseEscalation(ctx: CoreContext, call: CallContext, args: MethodArgs<'escalations.raise'>): Promise<Escalation> {
  checkRole(call, 'engineer', 'raise');
  const escalation = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, args.incidentId);
    if (incident.state === 'closed') throw new AppError('escalation_incident_closed', 'escalation_incident_closed', { number: incident.number });
    const id = ctx.newId();
    await trx
      .insertInto('escalation')
      .values({ id, incident_id: incident.id, kind: 'cannot_resolve', crossing_key: null, milestone: null, tried: args.tried, raised_by: call.operator, raised_at: ctx.clock.now(), acknowledged_by: null, acknowledged_at: null })
      .execute();
    const e = await requireEscalation(trx, id);
    await journalBoth(journal, e, 'escalation.raised', call.operator);
    return e;
  });
  ctx.emit('escalations.changed', { ids: [escalation.id] });
  return escalation;
}

/**
 * Every SLA crossing the watch recorded and no escalation holds yet becomes one, raised by the console itself. Run
 * after the SLA watch; a crossing escalates once (unique per incident and crossing), however often this runs.
 */
export async function escalateMissedMilestones(ctx: CoreContext): Promise<string[]> {
  const ids = await inTransaction(ctx, async (trx, journal) => {
    const crossings = await trx
      .selectFrom('sla_crossing as c')
      .leftJoin('escalation as e', (j) => j.onRef('e.incident_id', '=', 'c.incident_id').onRef('e.crossing_key', '=', 'c.crossing_key'))
      .select(['c.incident_id', 'c.crossing_key', 'c.milestone', 'c.at'])
      .where('e.id', 'is', null)
      .orderBy('c.at')
      .execute();
    const raised: string[] = [];
    for (const c of crossings) {
      const id = ctx.newId();
      await trx
        .insertInto('escalation')
        .values({ id, incident_id: c.incident_id, kind: 'sla_overdue', crossing_key: c.crossing_key, milestone: c.milestone, tried: '', raised_by: slaWatchOperator, raised_at: ctx.clock.now(), acknowledged_by: null, acknowledged_at: null })
        .execute();
      await journalBoth(journal, await requireEscalation(trx, id), 'escalation.raised', slaWatchOperator);
      raised.push(id);
    }
    return raised;
  });
  if (ids.length) ctx.emit('escalations.changed', { ids });
  return ids;
}

export async function acknowledgeEscalation(ctx: CoreContext, call: CallContext, args: MethodArgs<'escalations.acknowledge'>): Promise<Escalation> {
  checkRole(call, 'supervisor', 'acknowledge');
  const escalation = await inTransaction(ctx, async (trx, journal) => {
    const before = await requireEscalation(trx, args.id);
    if (before.acknowledgedAt !== null) {
      throw new AppError('escalation_already_acknowledged', 'escalation_already_acknowledged', { by: before.acknowledgedBy ?? '' });
    }
    // The acknowledgement goes upstream too (a note on the incident's ticket): waiting for the sync until it is there.
    await trx
      .updateTable('escalation')
      .set({ acknowledged_by: call.operator, acknowledged_at: ctx.clock.now(), action: args.action, upstream: 'waiting_for_sync' })
      .where('id', '=', args.id)
      .execute();
    const e = await requireEscalation(trx, args.id);
    await journalBoth(journal, e, 'escalation.acknowledged', call.operator);
    return e;
  });
  ctx.emit('escalations.changed', { ids: [escalation.id] });
  return escalation;
}

export async function listEscalations(db: Db, args: MethodArgs<'escalations.list'>): Promise<Escalation[]> {
  let query = selectEscalations(db);
  if (args.incidentId) query = query.where('e.incident_id', '=', args.incidentId);
  query = args.scope === 'open' ? query.where('e.acknowledged_at', 'is', null).orderBy('e.seq', 'asc') : query.orderBy('e.seq', 'desc');
  return (await query.limit(500).execute()).map(toEscalation);
}
