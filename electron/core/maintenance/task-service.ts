// Maintenance tasks: ad-hoc ones (pre-event check, training, customer visit), the due list, one task with its
// template version, devices and results, and finishing it.
import { type SqlBool, sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { DueSummary, ItemResult, MaintenanceTask, TaskDetail, TaskList } from '../../../shared/contract/maintenance';
import type { MethodArgs } from '../../../shared/contract';
import { itemApplies, type ItemOutcome, type ItemValue } from '../../../shared/domain/maintenance/checklist-items';
import { dueSoonDays } from '../../../shared/domain/maintenance/due-state';
import { addDays, localDayOf } from '../../../shared/domain/maintenance/frequency';
import type { TemplatePurpose } from '../../../shared/domain/maintenance/template-purposes';
import { getDevices } from '../assets/device-service';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import { nextTaskNumber, openTask, requireTask, scopeDevices, toTask } from './task-rows';
import { getTemplate } from './template-service';

/** Not done, written as a literal so SQLite uses the partial indexes of migration 0060 (a bound value would not). */
const notDone = sql<SqlBool>`state <> 'done'`;

export function today(ctx: CoreContext): string {
  return localDayOf(ctx.clock.now());
}

const shippedTemplateFor: Partial<Record<MethodArgs<'maintenance.createTask'>['kind'], string>> = {
  pre_event: 'pre-event',
  training: 'training',
  visit: 'visit',
};

export async function createTask(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.createTask'>): Promise<MaintenanceTask> {
  const templateId = input.templateId ?? shippedTemplateFor[input.kind];
  if (!templateId) throw new AppError('maintenance_template_required', 'maintenance_template_required', { kind: input.kind });
  const task = await inTransaction(ctx, async (trx, journal) => {
    const template = await getTemplate(trx, templateId);
    if (input.systemId) {
      const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', input.systemId).executeTakeFirst();
      if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: input.systemId });
    }
    const unique = [...new Set(input.deviceIds)];
    const found = unique.length ? await trx.selectFrom('device').select('id').where('id', 'in', unique).execute() : [];
    const missing = unique.find((d) => !found.some((f) => f.id === d));
    if (missing) throw new AppError('asset_not_found', 'asset_not_found', { id: missing });
    // Hand-picked devices: all of them, even one no item names (a training's or a visit's devices are context).
    const deviceIds = unique.length && template.items.length ? await scopeDevices(trx, { kind: 'devices', deviceIds: unique }, []) : unique;
    const id = ctx.newId();
    const row = await openTask(trx, journal, {
      fields: {
        id,
        number: await nextTaskNumber(trx, input.dueOn),
        kind: input.kind,
        plan_id: null,
        occurrence: null,
        title: input.title,
        site: input.site,
        system_id: input.systemId ?? template.systemId,
        template_id: template.id,
        template_version: template.version,
        engineer: input.engineer,
        due_on: input.dueOn,
        deadline: addDays(input.dueOn, input.windowDays),
        details: JSON.stringify(input.details),
      },
      deviceIds,
      now: ctx.clock.now(),
      operator: call.operator,
      payload: { site: input.site, details: input.details },
    });
    return toTask(row, today(ctx));
  });
  ctx.emit('maintenance.changed', { taskIds: [task.id] });
  return task;
}

export async function listTasks(ctx: CoreContext, input: MethodArgs<'maintenance.tasks'>): Promise<TaskList> {
  const day = today(ctx);
  let q = ctx.db.selectFrom('mnt_task');
  if (input.filter === 'due') q = q.where(notDone).where('deadline', '>=', day).where('due_on', '<', addDays(day, dueSoonDays));
  if (input.filter === 'overdue') q = q.where(notDone).where('deadline', '<', day);
  if (input.filter === 'open') q = q.where(notDone);
  if (input.filter === 'done') q = q.where(sql<SqlBool>`state = 'done'`);
  if (input.deviceId) {
    const deviceId = input.deviceId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('mnt_task_device').select('task_id').where('device_id', '=', deviceId));
  }
  const ordered = input.filter === 'done' || input.filter === 'all' ? q.orderBy('due_on', 'desc').orderBy('seq', 'desc') : q.orderBy('deadline').orderBy('due_on').orderBy('seq');
  const [rows, count] = await Promise.all([
    ordered.selectAll().limit(input.limit).offset(input.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { today: day, total: Number(count.n), items: rows.map((r) => toTask(r, day)) };
}

export async function dueSummary(ctx: CoreContext): Promise<DueSummary> {
  const day = today(ctx);
  const row = await ctx.db
    .selectFrom('mnt_task')
    .where(notDone)
    .where('due_on', '<', addDays(day, dueSoonDays))
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('deadline', '<', day).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<number>(eb.case().when('deadline', '>=', day).then(1).else(0).end()).as('due'),
    ])
    .executeTakeFirstOrThrow();
  return { today: day, dueThisWeek: Number(row.due ?? 0), overdue: Number(row.overdue ?? 0) };
}

export async function loadResults(db: Db | Trx, taskId: string): Promise<ItemResult[]> {
  const rows = await db
    .selectFrom('mnt_result as r')
    .leftJoin('incident as i', 'i.id', 'r.incident_id')
    .selectAll('r')
    .select('i.number as incident_number')
    .where('r.task_id', '=', taskId)
    .execute();
  return rows.map((r) => ({
    deviceId: r.device_id,
    itemId: r.item_id,
    value: JSON.parse(r.value) as ItemValue,
    outcome: r.outcome as ItemOutcome | null,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export async function getTask(ctx: CoreContext, id: string): Promise<TaskDetail> {
  const row = await requireTask(ctx.db, id);
  const [template, links, results] = await Promise.all([
    getTemplate(ctx.db, row.template_id, row.template_version),
    ctx.db.selectFrom('mnt_task_device').select('device_id').where('task_id', '=', id).orderBy('sort').execute(),
    loadResults(ctx.db, id),
  ]);
  const devices = links.length ? await getDevices(ctx.db, links.map((l) => l.device_id)) : [];
  const answered = new Set(results.filter((r) => r.outcome !== null).map((r) => `${r.deviceId}/${r.itemId}`));
  let openItems = 0;
  for (const d of devices) for (const item of template.items) if (itemApplies(item, d.typeId) && !answered.has(`${d.id}/${item.id}`)) openItems += 1;
  return { task: toTask(row, today(ctx)), template, devices, results, openItems };
}

export function requireOpen(row: { state: string; number: string }): void {
  if (row.state === 'done') throw new AppError('maintenance_task_finished', 'maintenance_task_finished', { number: row.number });
}

export async function updateTask(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.updateTask'>): Promise<MaintenanceTask> {
  const task = await inTransaction(ctx, async (trx, journal) => {
    const before = await requireTask(trx, input.id);
    requireOpen(before);
    const set = {
      ...(input.findings === undefined ? {} : { findings: input.findings }),
      ...(input.suggestions === undefined ? {} : { suggestions: input.suggestions }),
      ...(input.engineer === undefined ? {} : { engineer: input.engineer }),
      ...(input.details === undefined ? {} : { details: JSON.stringify({ ...(JSON.parse(before.details) as object), ...input.details }) }),
    };
    const changed = Object.entries(set).filter(([k, v]) => before[k as keyof typeof set] !== v);
    if (changed.length === 0) return toTask(before, today(ctx));
    const row = await trx.updateTable('mnt_task').set({ ...set, updated_at: ctx.clock.now() }).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    await journal({ type: 'maintenance.task_updated', entityType: 'maintenance_task', entityId: input.id, payload: Object.fromEntries(changed), operator: call.operator });
    return toTask(row, today(ctx));
  });
  ctx.emit('maintenance.changed', { taskIds: [task.id] });
  return task;
}

/** Done once every item that applies has an answer (n/a included); the record then prints final and stays as is. */
export async function finishTask(ctx: CoreContext, call: CallContext, id: string): Promise<MaintenanceTask> {
  const detail = await getTask(ctx, id);
  if (detail.openItems > 0) throw new AppError('maintenance_items_open', 'maintenance_items_open', { count: detail.openItems });
  const purpose: TemplatePurpose = detail.template.purpose;
  const task = await inTransaction(ctx, async (trx, journal) => {
    const before = await requireTask(trx, id);
    requireOpen(before);
    const now = ctx.clock.now();
    const row = await trx
      .updateTable('mnt_task')
      .set({ state: 'done', finished_at: now, finished_by: call.operator, started_at: before.started_at ?? now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const summary = { taskId: id, number: row.number, purpose, failed: row.failed_count };
    await journal({ type: 'maintenance.task_finished', entityType: 'maintenance_task', entityId: id, payload: { ...summary, findings: row.findings, suggestions: row.suggestions }, operator: call.operator });
    // The record's PDF follows its ticket upstream: an outbox item of its own, made and attached by the sync.
    await journal({ type: 'maintenance.record_pdf_due', entityType: 'maintenance_task', entityId: id, payload: { taskId: id, number: row.number }, operator: call.operator });
    // Each device's history says it was checked, and how it came out.
    for (const d of detail.devices) {
      const failed = detail.results.filter((r) => r.deviceId === d.id && r.outcome === 'fail').map((r) => r.itemId);
      await journal({ type: 'maintenance.device_checked', entityType: 'device', entityId: d.id, payload: { ...summary, failed: failed.length, failedItems: failed }, operator: call.operator });
    }
    return toTask(row, today(ctx));
  });
  ctx.emit('maintenance.changed', { taskIds: [id] });
  return task;
}
