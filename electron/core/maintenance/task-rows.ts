// A task row as the contract shows it, the next task number, and the devices a plan's scope names.
import { type Selectable, sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { MaintenanceTask, PlanScope, TaskDetails } from '../../../shared/contract/maintenance';
import { itemApplies, type ChecklistItem } from '../../../shared/domain/maintenance/checklist-items';
import { dueState } from '../../../shared/domain/maintenance/due-state';
import type { Db, Trx } from '../db/database';
import type { NewEntry } from '../journal/service';
import type { MntTaskTable } from './schema';

export type TaskRow = Selectable<MntTaskTable>;

export function toTask(r: TaskRow, today: string): MaintenanceTask {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    planId: r.plan_id,
    title: r.title,
    site: r.site,
    systemId: r.system_id,
    templateId: r.template_id,
    templateVersion: r.template_version,
    engineer: r.engineer,
    dueOn: r.due_on,
    deadline: r.deadline,
    state: r.state,
    dueState: dueState({ state: r.state, dueOn: r.due_on, deadline: r.deadline }, today),
    findings: r.findings,
    suggestions: r.suggestions,
    details: JSON.parse(r.details) as TaskDetails,
    deviceCount: r.device_count,
    failedCount: r.failed_count,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    finishedBy: r.finished_by,
    createdAt: r.created_at,
  };
}

export async function requireTask(db: Db | Trx, id: string): Promise<TaskRow> {
  const row = await db.selectFrom('mnt_task').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('maintenance_task_not_found', 'maintenance_task_not_found', { id });
  return row;
}

/** WB-YYYYMMDD-NNN, numbered per due day. */
export async function nextTaskNumber(trx: Trx, dueOn: string): Promise<string> {
  const prefix = `WB-${dueOn.replaceAll('-', '')}-`;
  const last = await trx
    .selectFrom('mnt_task')
    .select(sql<number | null>`max(cast(substr(number, ${prefix.length + 1}) as integer))`.as('n'))
    .where('number', '>=', prefix)
    .where('number', '<', `${prefix}\u{10FFFF}`)
    .executeTakeFirst();
  return `${prefix}${String(Number(last?.n ?? 0) + 1).padStart(3, '0')}`;
}

interface ScopeDevice { id: string; type_id: string | null }

/**
 * The devices a task walks, in walking order (building, floor, room, rack, name). A template with items keeps only
 * the devices some item applies to (a backup checklist walks the computers, not the cameras).
 */
export async function scopeDevices(trx: Trx, scope: PlanScope, items: readonly ChecklistItem[]): Promise<string[]> {
  let q = trx.selectFrom('device').select(['id', 'type_id']).where('status', 'not in', ['retired', 'spare']);
  if (scope.kind === 'system') q = q.where('system_id', '=', scope.systemId);
  if (scope.kind === 'location') {
    q = q.where('building', '=', scope.building);
    if (scope.floor) q = q.where('floor', '=', scope.floor);
    if (scope.room) q = q.where('room', '=', scope.room);
  }
  if (scope.kind === 'devices') q = q.where('id', 'in', scope.deviceIds);
  const rows: ScopeDevice[] = await q.orderBy('building').orderBy('floor').orderBy('room').orderBy('rack').orderBy('name').orderBy('seq').execute();
  const applicable = items.length === 0 ? rows : rows.filter((d) => items.some((i) => itemApplies(i, d.type_id)));
  if (scope.kind === 'devices') {
    // Hand-picked: the order picked.
    const picked = new Map(applicable.map((d) => [d.id, d]));
    return scope.deviceIds.filter((id) => picked.has(id));
  }
  return applicable.map((d) => d.id);
}

/** Links a task to its devices, in order. */
/** What a new task is given; the rest (open, nothing found yet, no results) is the same for every task. */
export type NewTaskFields = Pick<TaskRow, 'id' | 'number' | 'kind' | 'plan_id' | 'occurrence' | 'title' | 'site' | 'system_id' | 'template_id' | 'template_version' | 'engineer' | 'due_on' | 'deadline' | 'details'>;

/** Inserts a planned or ad-hoc task with its devices and journals it as created; returns the row. */
export async function openTask(
  trx: Trx,
  journal: (entry: NewEntry) => Promise<void>,
  task: { fields: NewTaskFields; deviceIds: readonly string[]; now: number; operator: string; payload: Record<string, unknown> },
): Promise<TaskRow> {
  const { fields, deviceIds, now } = task;
  const row = {
    ...fields,
    state: 'open' as const,
    findings: '',
    suggestions: '',
    device_count: deviceIds.length,
    failed_count: 0,
    started_at: null,
    finished_at: null,
    finished_by: null,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('mnt_task').values(row).execute();
  await insertTaskDevices(trx, row.id, deviceIds);
  await journal({
    type: 'maintenance.task_created',
    entityType: 'maintenance_task',
    entityId: row.id,
    payload: { number: row.number, kind: row.kind, title: row.title, templateId: row.template_id, templateVersion: row.template_version, dueOn: row.due_on, deadline: row.deadline, engineer: row.engineer, deviceIds, ...task.payload },
    operator: task.operator,
  });
  return { ...row, seq: 0 };
}

export async function insertTaskDevices(trx: Trx, taskId: string, deviceIds: readonly string[]): Promise<void> {
  for (let i = 0; i < deviceIds.length; i += 300) {
    const chunk = deviceIds.slice(i, i + 300).map((deviceId, j) => ({ task_id: taskId, device_id: deviceId, sort: i + j }));
    await trx.insertInto('mnt_task_device').values(chunk).execute();
  }
}
