// Engineers' grades and incidents' dispatch records (紧急救援): a level-I incident gets a five-star engineer; who was
// sent, when, when expected and when arrived, journaled on the incident (and a grade on the operator).
import type { Selectable } from 'kysely';
import type { MethodArgs } from '../../../shared/contract';
import { AppError } from '../../../shared/contract/app-error';
import type { Dispatch, Engineer } from '../../../shared/contract/dispatch';
import { gradeRequiredFor } from '../../../shared/domain/operators/engineer-grades';
import { roleAtLeast } from '../../../shared/domain/operators/operator-roles';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { requireIncident } from '../incidents/incident-rows';
import { inTransaction } from '../journal/service';
import type { IncidentDispatchTable } from './schema';

function toDispatch(r: Selectable<IncidentDispatchTable>): Dispatch {
  return {
    id: r.id,
    incidentId: r.incident_id,
    engineerId: r.engineer_id,
    engineerName: r.engineer_name,
    grade: r.grade,
    dispatchedAt: r.dispatched_at,
    expectedAt: r.expected_at,
    arrivedAt: r.arrived_at,
    recordedBy: r.recorded_by,
  };
}

async function engineerRows(db: Db | Trx, id?: string): Promise<Engineer[]> {
  let query = db
    .selectFrom('operator as o')
    .leftJoin('engineer_grade as g', 'g.operator_id', 'o.id')
    .select(['o.id', 'o.name', 'o.display_name', 'o.role', 'g.grade'])
    .where('o.disabled', '=', 0)
    .where('o.role', '!=', 'duty_guard')
    .orderBy('o.name');
  if (id) query = query.where('o.id', '=', id);
  return (await query.execute()).map((r) => ({ id: r.id, name: r.name, displayName: r.display_name, grade: r.grade ?? null }));
}

export function listEngineers(db: Db): Promise<Engineer[]> {
  return engineerRows(db);
}

export async function setEngineerGrade(ctx: CoreContext, call: CallContext, args: MethodArgs<'engineers.setGrade'>): Promise<Engineer> {
  return inTransaction(ctx, async (trx, journal) => {
    const operator = await trx.selectFrom('operator').select(['id', 'name', 'role']).where('id', '=', args.operatorId).executeTakeFirst();
    if (!operator) throw new AppError('operator_not_found', 'operator_not_found', { id: args.operatorId });
    if (!roleAtLeast(operator.role, 'engineer')) throw new AppError('grade_not_engineer', 'grade_not_engineer', { name: operator.name });
    const now = ctx.clock.now();
    await trx
      .insertInto('engineer_grade')
      .values({ operator_id: operator.id, grade: args.grade, updated_at: now })
      .onConflict((oc) => oc.column('operator_id').doUpdateSet({ grade: args.grade, updated_at: now }))
      .execute();
    await journal({ type: 'operator.grade_set', entityType: 'operator', entityId: operator.id, payload: { name: operator.name, grade: args.grade }, operator: call.operator });
    const [engineer] = await engineerRows(trx, operator.id);
    if (!engineer) throw new AppError('operator_not_found', 'operator_not_found', { id: args.operatorId });
    return engineer;
  });
}

export async function recordDispatch(ctx: CoreContext, call: CallContext, args: MethodArgs<'dispatch.record'>): Promise<Dispatch> {
  const dispatch = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, args.incidentId);
    if (incident.state === 'closed') throw new AppError('dispatch_incident_closed', 'dispatch_incident_closed', { number: incident.number });
    const [engineer] = await engineerRows(trx, args.engineerId);
    if (!engineer) throw new AppError('dispatch_not_engineer', 'dispatch_not_engineer', { id: args.engineerId });
    if (!engineer.grade) throw new AppError('dispatch_engineer_ungraded', 'dispatch_engineer_ungraded', { name: engineer.displayName });
    const required = gradeRequiredFor(incident.level);
    if (required && engineer.grade !== required) {
      throw new AppError('dispatch_grade_required', 'dispatch_grade_required', { level: incident.level, grade: required, name: engineer.displayName });
    }
    // A second click on 派遣 (or a second guard) must not send the same engineer twice: one open dispatch each.
    const underWay = await trx.selectFrom('incident_dispatch').select('id').where('incident_id', '=', incident.id).where('engineer_id', '=', engineer.id).where('arrived_at', 'is', null).executeTakeFirst();
    if (underWay) throw new AppError('dispatch_already_under_way', 'dispatch_already_under_way', { name: engineer.displayName });
    const dispatchedAt = args.dispatchedAt ?? ctx.clock.now();
    if (args.expectedAt < dispatchedAt) throw new AppError('dispatch_expected_before_dispatched', 'dispatch_expected_before_dispatched');
    const row = {
      id: ctx.newId(),
      incident_id: incident.id,
      engineer_id: engineer.id,
      engineer_name: engineer.displayName,
      grade: engineer.grade,
      dispatched_at: dispatchedAt,
      expected_at: args.expectedAt,
      arrived_at: null,
      recorded_by: call.operator,
    };
    await trx.insertInto('incident_dispatch').values(row).execute();
    const d = toDispatch({ ...row, seq: 0 });
    await journal({ type: 'incident.engineer_dispatched', entityType: 'incident', entityId: incident.id, payload: { number: incident.number, ...d }, operator: call.operator });
    return d;
  });
  ctx.emit('incidents.changed', { ids: [dispatch.incidentId] });
  return dispatch;
}

export async function recordArrival(ctx: CoreContext, call: CallContext, args: MethodArgs<'dispatch.arrived'>): Promise<Dispatch> {
  const dispatch = await inTransaction(ctx, async (trx, journal) => {
    const row = await trx.selectFrom('incident_dispatch').selectAll().where('id', '=', args.id).executeTakeFirst();
    if (!row) throw new AppError('dispatch_not_found', 'dispatch_not_found', { id: args.id });
    if (row.arrived_at !== null) throw new AppError('dispatch_already_arrived', 'dispatch_already_arrived', { name: row.engineer_name });
    const arrivedAt = args.arrivedAt ?? ctx.clock.now();
    if (arrivedAt < row.dispatched_at) throw new AppError('dispatch_arrived_before_dispatched', 'dispatch_arrived_before_dispatched');
    await trx.updateTable('incident_dispatch').set({ arrived_at: arrivedAt }).where('id', '=', row.id).execute();
    const d = toDispatch({ ...row, arrived_at: arrivedAt });
    await journal({ type: 'incident.engineer_arrived', entityType: 'incident', entityId: row.incident_id, payload: d, operator: call.operator });
    return d;
  });
  ctx.emit('incidents.changed', { ids: [dispatch.incidentId] });
  return dispatch;
}

export async function dispatchesOfIncident(db: Db, incidentId: string): Promise<Dispatch[]> {
  return (await db.selectFrom('incident_dispatch').selectAll().where('incident_id', '=', incidentId).orderBy('seq').execute()).map(toDispatch);
}
