// Maintenance plans: which devices, which checklist, how often, by when, by whom. Saving one makes the tasks now due.
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { MaintenancePlan, PlanScope } from '../../../shared/contract/maintenance';
import type { MethodArgs } from '../../../shared/contract';
import { occurrenceDay } from '../../../shared/domain/maintenance/frequency';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import type { MntPlanTable } from './schema';
import { generateDueTasks } from './task-generation';

type PlanRow = Selectable<MntPlanTable>;

export function planNextDue(r: Pick<PlanRow, 'starts_on' | 'frequency' | 'every_days' | 'occurrences'>): string {
  return occurrenceDay(r.starts_on, r.frequency, r.every_days, r.occurrences);
}

function toPlan(r: PlanRow): MaintenancePlan {
  return {
    id: r.id,
    name: r.name,
    site: r.site,
    templateId: r.template_id,
    scope: JSON.parse(r.scope) as PlanScope,
    frequency: r.frequency,
    everyDays: r.every_days,
    windowDays: r.window_days,
    engineer: r.engineer,
    startsOn: r.starts_on,
    nextDueOn: planNextDue(r),
    active: r.active === 1,
    updatedAt: r.updated_at,
  };
}

export async function listPlans(db: Db): Promise<MaintenancePlan[]> {
  return (await db.selectFrom('mnt_plan').selectAll().orderBy('seq').execute()).map(toPlan);
}

async function checkPlan(trx: Trx, input: MethodArgs<'maintenance.savePlan'>): Promise<void> {
  const template = await trx.selectFrom('mnt_template').select('id').where('id', '=', input.templateId).executeTakeFirst();
  if (!template) throw new AppError('maintenance_template_not_found', 'maintenance_template_not_found', { id: input.templateId });
  const scope = input.scope;
  if (scope.kind === 'system') {
    const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', scope.systemId).executeTakeFirst();
    if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: scope.systemId });
  }
  if (scope.kind === 'devices') {
    const found = await trx.selectFrom('device').select('id').where('id', 'in', scope.deviceIds).execute();
    if (found.length !== new Set(scope.deviceIds).size) throw new AppError('asset_not_found', 'asset_not_found', { id: scope.deviceIds.find((d) => !found.some((f) => f.id === d)) ?? '' });
  }
}

/**
 * After a schedule change the plan counts again from its (new) start, skipping the days it already made tasks for:
 * the first occurrence after the last task it made.
 */
async function occurrencesAfterLastTask(trx: Trx, planId: string, row: Pick<PlanRow, 'starts_on' | 'frequency' | 'every_days'>): Promise<number> {
  const last = await trx.selectFrom('mnt_task').select((eb) => eb.fn.max('due_on').as('due')).where('plan_id', '=', planId).executeTakeFirst();
  if (!last?.due) return 0;
  let n = 0;
  while (n < 100_000 && occurrenceDay(row.starts_on, row.frequency, row.every_days, n) <= last.due) n += 1;
  return n;
}

export async function savePlan(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.savePlan'>): Promise<MaintenancePlan> {
  const everyDays = input.frequency === 'every_n_days' ? input.everyDays : null;
  const saved = await inTransaction(ctx, async (trx, journal) => {
    await checkPlan(trx, input);
    const now = ctx.clock.now();
    const fields = {
      name: input.name,
      site: input.site,
      template_id: input.templateId,
      scope: JSON.stringify(input.scope),
      frequency: input.frequency,
      every_days: everyDays,
      window_days: input.windowDays,
      engineer: input.engineer,
      starts_on: input.startsOn,
      active: input.active ? 1 : 0,
      updated_at: now,
    };
    let id = input.id;
    if (id) {
      const before = await trx.selectFrom('mnt_plan').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new AppError('maintenance_plan_not_found', 'maintenance_plan_not_found', { id });
      const rescheduled = before.starts_on !== fields.starts_on || before.frequency !== fields.frequency || before.every_days !== fields.every_days;
      const occurrences = rescheduled ? await occurrencesAfterLastTask(trx, id, fields) : before.occurrences;
      await trx.updateTable('mnt_plan').set({ ...fields, occurrences }).where('id', '=', id).execute();
    } else {
      id = ctx.newId();
      await trx.insertInto('mnt_plan').values({ ...fields, id, occurrences: 0, created_at: now }).execute();
    }
    await journal({ type: 'maintenance.plan_saved', entityType: 'maintenance_plan', entityId: id, payload: { ...input, id }, operator: call.operator });
    return toPlan(await trx.selectFrom('mnt_plan').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
  await generateDueTasks(ctx);
  const [plan] = (await ctx.db.selectFrom('mnt_plan').selectAll().where('id', '=', saved.id).execute()).map(toPlan);
  return plan ?? saved;
}
