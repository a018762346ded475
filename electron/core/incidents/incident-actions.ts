// Lifecycle steps, level changes and the on-site record: each checked against the caller's role, then one transaction.
import type { Updateable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Incident, IncidentActArgs, OnSiteRecord } from '../../../shared/contract/incidents';
import type { MethodArgs } from '../../../shared/contract';
import { canTransition, type IncidentAction, type IncidentState, roleMayTake } from '../../../shared/domain/incidents/incident-lifecycle';
import { type OperatorRole } from '../../../shared/domain/operators/operator-roles';
import type { IncidentEvent } from '../../../shared/domain/incidents/sla-clock';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { callerRole } from './caller-role';
import { appendEvent, type IncidentRow, requireIncident, toIncident } from './incident-rows';
import type { IncidentTable } from './schema';

type Columns = Updateable<IncidentTable>;
type Actor = { at: number; by: string };

interface Step {
  action: IncidentAction;
  reason?: string;
  event: (actor: Actor) => IncidentEvent;
  /** What came with the step (a plan, a note, the resolution's findings): kept on the event and in the journal. */
  details: Record<string, string>;
  columns?: Columns;
  /** Refuses a step the lifecycle allows but that would change nothing. */
  precheck?: (row: IncidentRow) => void;
}

/** Only the findings given: an empty field in a step does not wipe what the record already says. */
function filled(columns: Record<string, string>): Columns {
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== '')) as Columns;
}

function stepOf(args: IncidentActArgs): Step {
  switch (args.action) {
    case 'respond':
      return { action: args.action, event: (a) => ({ ...a, type: 'responded' }), details: { note: args.note } };
    case 'submit_plan':
      return { action: args.action, event: (a) => ({ ...a, type: 'plan_submitted' }), details: { plan: args.plan }, columns: { plan: args.plan } };
    case 'start_work':
      return { action: args.action, event: (a) => ({ ...a, type: 'work_started' }), details: { note: args.note } };
    case 'submit_emergency_plan':
      return {
        action: args.action,
        event: (a) => ({ ...a, type: 'emergency_plan_submitted' }),
        details: { plan: args.plan },
        columns: { emergency_plan: args.plan },
      };
    case 'resolve': {
      const { cause, method, loss, prevention } = args;
      return {
        action: args.action,
        event: (a) => ({ ...a, type: 'resolved' }),
        details: { cause, method, loss, prevention },
        columns: filled({ cause, method, loss, prevention }),
      };
    }
    case 'submit_fault_report': {
      const { faultType, cause, method, loss, prevention } = args;
      return {
        action: args.action,
        event: (a) => ({ ...a, type: 'fault_report_submitted' }),
        details: { faultType, cause, method, loss, prevention },
        columns: filled({ fault_type: faultType, cause, method, loss, prevention }),
      };
    }
    case 'close':
      return { action: args.action, event: (a) => ({ ...a, type: 'closed' }), details: { note: args.note } };
    case 'reopen':
      return { action: args.action, reason: args.reason, event: (a) => ({ ...a, type: 'reopened', reason: args.reason }), details: {} };
    case 'add_note':
      return { action: args.action, event: (a) => ({ ...a, type: 'note_added', text: args.text }), details: {} };
  }
}

/** Checks the role and the state, then records the event, the new state and the journal entry in one transaction. */
async function takeStep(ctx: CoreContext, call: CallContext, id: string, step: Step): Promise<Incident> {
  const incident = await inTransaction(ctx, async (trx, journal) => {
    const row = await requireIncident(trx, id);
    const allowed = canTransition(row.state, step.action, callerRole(call), { reason: step.reason });
    if (!allowed.ok) throw AppError.fromData(allowed.error);
    step.precheck?.(row);
    const at = ctx.clock.now();
    const event = step.event({ at, by: call.operator });
    await appendEvent(trx, id, event, step.details);
    const updated = await trx
      .updateTable('incident')
      .set({ ...step.columns, state: allowed.value, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { type, at: _at, by: _by, ...own } = event;
    const levelFrom = type === 'level_changed' ? { levelFrom: row.level } : {};
    await journal({
      type: `incident.${type}`,
      entityType: 'incident',
      entityId: id,
      payload: { number: row.number, action: step.action, from: row.state, to: allowed.value, ...levelFrom, ...step.details, ...own },
      operator: call.operator,
    });
    return toIncident(updated);
  });
  ctx.emit('incidents.changed', { ids: [id] });
  return incident;
}

export function actOnIncident(ctx: CoreContext, call: CallContext, args: IncidentActArgs): Promise<Incident> {
  return takeStep(ctx, call, args.id, stepOf(args));
}

/** The clocks re-base themselves: slaMilestones measures every deadline with the level in force (sla-clock.ts). */
export function changeLevel(ctx: CoreContext, call: CallContext, args: MethodArgs<'incidents.changeLevel'>): Promise<Incident> {
  return takeStep(ctx, call, args.id, {
    action: 'change_level',
    event: (a) => ({ ...a, type: 'level_changed', level: args.level, reason: args.reason }),
    details: {},
    columns: { level: args.level },
    precheck: (row) => {
      if (row.level === args.level) throw new AppError('incident_level_unchanged', 'incident_level_unchanged', { id: args.id, level: args.level });
    },
  });
}

const recordColumns: Record<keyof OnSiteRecord, keyof IncidentTable> = {
  occurredAt: 'occurred_at',
  location: 'location',
  reporter: 'reporter',
  description: 'description',
  faultType: 'fault_type',
  cause: 'cause',
  method: 'method',
  loss: 'loss',
  prevention: 'prevention',
};

/**
 * The on-site record is the engineer's document (现场服务支持规范 (4)): the roles that may resolve may write it,
 * until the incident is closed (reopen it to correct a closed record).
 */
function checkMayEditRecord(state: IncidentState, role: OperatorRole): void {
  const params = { state, action: 'update_record', role };
  if (!roleMayTake(role, 'resolve')) throw new AppError('incident_role_not_allowed', 'incident_role_not_allowed', params);
  if (state === 'closed') throw new AppError('incident_transition_not_allowed', 'incident_transition_not_allowed', params);
}

export async function updateRecord(ctx: CoreContext, call: CallContext, args: MethodArgs<'incidents.updateRecord'>): Promise<Incident> {
  const { incident, changed } = await inTransaction(ctx, async (trx, journal) => {
    const row = await requireIncident(trx, args.id);
    checkMayEditRecord(row.state, callerRole(call));
    const now = ctx.clock.now();
    if (args.fields.occurredAt !== undefined && args.fields.occurredAt > now) {
      throw new AppError('incident_occurred_in_future', 'incident_occurred_in_future', { occurredAt: args.fields.occurredAt, now });
    }
    const before = toIncident(row).record;
    const changes: Partial<Record<keyof OnSiteRecord, { from: unknown; to: unknown }>> = {};
    const columns: Record<string, unknown> = {};
    for (const key of Object.keys(recordColumns) as (keyof OnSiteRecord)[]) {
      const value = args.fields[key];
      if (value === undefined || value === before[key]) continue;
      changes[key] = { from: before[key], to: value };
      columns[recordColumns[key]] = value;
    }
    if (Object.keys(changes).length === 0) return { incident: toIncident(row), changed: false };
    const updated = await trx
      .updateTable('incident')
      .set({ ...(columns as Columns), updated_at: now })
      .where('id', '=', args.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await journal({
      type: 'incident.record_updated',
      entityType: 'incident',
      entityId: args.id,
      payload: { number: row.number, changes },
      operator: call.operator,
    });
    return { incident: toIncident(updated), changed: true };
  });
  if (changed) ctx.emit('incidents.changed', { ids: [args.id] });
  return incident;
}
