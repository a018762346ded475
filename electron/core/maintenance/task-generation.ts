// Makes the tasks plans have coming due: each due day once, a week ahead (taskLeadDays), with the devices in scope then.
import type { PlanScope } from '../../../shared/contract/maintenance';
import { addDays, localDayOf, occurrenceDay, taskLeadDays } from '../../../shared/domain/maintenance/frequency';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { nextTaskNumber, openTask, scopeDevices } from './task-rows';
import { getTemplate } from './template-service';

/** A plan left alone for years makes at most this many tasks at once (each one a missed round, shown overdue). */
const maxTasksPerRun = 24;

/** Returns the ids of the tasks made. */
export async function generateDueTasks(ctx: CoreContext): Promise<string[]> {
  const today = localDayOf(ctx.clock.now());
  const horizon = addDays(today, taskLeadDays);
  const plans = await ctx.db.selectFrom('mnt_plan').selectAll().where('active', '=', 1).orderBy('seq').execute();
  const made: string[] = [];
  for (const plan of plans) {
    if (occurrenceDay(plan.starts_on, plan.frequency, plan.every_days, plan.occurrences) > horizon) continue;
    const ids = await inTransaction(ctx, async (trx, journal) => {
      // Read again inside the write: another run may have made these already.
      const current = await trx.selectFrom('mnt_plan').selectAll().where('id', '=', plan.id).executeTakeFirstOrThrow();
      const template = await getTemplate(trx, current.template_id);
      const scope = JSON.parse(current.scope) as PlanScope;
      const created: string[] = [];
      let n = current.occurrences;
      for (; created.length < maxTasksPerRun; n += 1) {
        const dueOn = occurrenceDay(current.starts_on, current.frequency, current.every_days, n);
        if (dueOn > horizon) break;
        const taken = await trx.selectFrom('mnt_task').select('id').where('plan_id', '=', current.id).where('due_on', '=', dueOn).executeTakeFirst();
        if (taken) continue;
        const deviceIds = await scopeDevices(trx, scope, template.items);
        const id = ctx.newId();
        await openTask(trx, journal, {
          fields: {
            id,
            number: await nextTaskNumber(trx, dueOn),
            kind: 'planned',
            plan_id: current.id,
            occurrence: n,
            title: current.name,
            site: current.site,
            system_id: scope.kind === 'system' ? scope.systemId : template.systemId,
            template_id: template.id,
            template_version: template.version,
            engineer: current.engineer,
            due_on: dueOn,
            deadline: addDays(dueOn, current.window_days),
            details: '{}',
          },
          deviceIds,
          now: ctx.clock.now(),
          operator: 'system',
          payload: { planId: current.id },
        });
        created.push(id);
      }
      await trx.updateTable('mnt_plan').set({ occurrences: n }).where('id', '=', current.id).execute();
      return created;
    });
    made.push(...ids);
  }
  if (made.length) ctx.emit('maintenance.changed', { taskIds: made });
  return made;
}
