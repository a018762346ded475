// Results item by item: saved as they are entered (a task resumes half-done), journaled on the device's history;
// upgrade items update the register's versions; a failed item opens an incident prefilled and linked.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/app-error';
import type { ItemResult } from '../../../shared/contract/maintenance';
import type { MethodArgs } from '../../../shared/contract';
import { type ChecklistItem, itemApplies, itemOutcome, type ItemValue, limitsText } from '../../../shared/domain/maintenance/checklist-items';
import type { CallContext, CoreContext } from '../context';
import type { Trx } from '../db/database';
import { attachmentsFolder, decodeAttachment, storeAttachmentFile } from '../incidents/incident-attachments';
import { fileIncident } from '../incidents/incident-report';
import { type NewEntry, inTransaction } from '../journal/service';
import { loadResults, requireOpen } from './task-service';
import { requireTask } from './task-rows';
import { getTemplate } from './template-service';

type Journal = (entry: NewEntry) => Promise<void>;

interface Target {
  task: Awaited<ReturnType<typeof requireTask>>;
  item: ChecklistItem;
  device: { id: string; type_id: string | null; system_id: string; software_version: string; firmware_version: string; name: string };
}

async function target(trx: Trx, taskId: string, deviceId: string, itemId: string): Promise<Target> {
  const task = await requireTask(trx, taskId);
  requireOpen(task);
  const link = await trx.selectFrom('mnt_task_device').select('device_id').where('task_id', '=', taskId).where('device_id', '=', deviceId).executeTakeFirst();
  if (!link) throw new AppError('maintenance_device_not_in_task', 'maintenance_device_not_in_task', { deviceId });
  const device = await trx
    .selectFrom('device')
    .select(['id', 'type_id', 'system_id', 'software_version', 'firmware_version', 'name'])
    .where('id', '=', deviceId)
    .executeTakeFirstOrThrow();
  const template = await getTemplate(trx, task.template_id, task.template_version);
  const item = template.items.find((i) => i.id === itemId);
  if (!item || !itemApplies(item, device.type_id)) throw new AppError('maintenance_item_not_found', 'maintenance_item_not_found', { itemId });
  return { task, item, device };
}

/** Keeps only the fields the item's kind reads, so a record holds nothing stray. */
function valueFor(item: ChecklistItem, v: ItemValue): ItemValue {
  const kept: ItemValue = { outcome: v.outcome ?? null, note: v.note ?? '' };
  if (item.kind === 'reading') kept.reading = v.reading ?? null;
  if (item.kind === 'text') kept.text = v.text ?? '';
  if (item.kind === 'photo') kept.photoSha256 = v.photoSha256 ?? null;
  if (item.kind === 'backup') Object.assign(kept, { backupWhat: v.backupWhat ?? '', backupWhere: v.backupWhere ?? '' });
  if (item.kind === 'version') Object.assign(kept, { versionBefore: v.versionBefore ?? '', versionAfter: v.versionAfter ?? '' });
  return kept;
}

async function writeResult(ctx: CoreContext, trx: Trx, journal: Journal, call: CallContext, t: Target, value: ItemValue): Promise<void> {
  const outcome = itemOutcome(t.item, value);
  const now = ctx.clock.now();
  const before = await trx
    .selectFrom('mnt_result')
    .select(['value', 'outcome'])
    .where('task_id', '=', t.task.id)
    .where('device_id', '=', t.device.id)
    .where('item_id', '=', t.item.id)
    .executeTakeFirst();
  const json = JSON.stringify(value);
  if (before?.value === json) return;
  await trx
    .insertInto('mnt_result')
    .values({ task_id: t.task.id, device_id: t.device.id, item_id: t.item.id, value: json, outcome, incident_id: null, updated_at: now, updated_by: call.operator })
    .onConflict((oc) => oc.columns(['task_id', 'device_id', 'item_id']).doUpdateSet({ value: json, outcome, updated_at: now, updated_by: call.operator }))
    .execute();
  const failed = await trx.selectFrom('mnt_result').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', t.task.id).where('outcome', '=', 'fail').executeTakeFirstOrThrow();
  await trx
    .updateTable('mnt_task')
    .set({ state: 'in_progress', started_at: t.task.started_at ?? now, failed_count: Number(failed.n), updated_at: now })
    .where('id', '=', t.task.id)
    .execute();
  await journal({
    type: 'maintenance.item_recorded',
    entityType: 'device',
    entityId: t.device.id,
    payload: { taskId: t.task.id, number: t.task.number, itemId: t.item.id, kind: t.item.kind, label: t.item.labelZh, limits: t.item.kind === 'reading' ? limitsText(t.item) : undefined, value, outcome },
    operator: call.operator,
  });
  await updateRegisterVersion(ctx, trx, journal, call, t, value);
}

/** An upgrade item's "after" is the device's version from now on: the register's field follows, journaled as a device change. */
async function updateRegisterVersion(ctx: CoreContext, trx: Trx, journal: Journal, call: CallContext, t: Target, value: ItemValue): Promise<void> {
  const after = value.versionAfter?.trim();
  if (t.item.kind !== 'version' || !t.item.versionField || !after) return;
  const [column, key] = t.item.versionField === 'software' ? (['software_version', 'softwareVersion'] as const) : (['firmware_version', 'firmwareVersion'] as const);
  const from = t.device[column];
  if (from === after) return;
  await trx.updateTable('device').set({ [column]: after, updated_at: ctx.clock.now() }).where('id', '=', t.device.id).execute();
  await journal({ type: 'device.updated', entityType: 'device', entityId: t.device.id, payload: { changes: { [key]: { from, to: after } }, taskId: t.task.id }, operator: call.operator });
}

async function resultOf(trx: Trx, taskId: string, deviceId: string, itemId: string): Promise<ItemResult> {
  const found = (await loadResults(trx, taskId)).find((r) => r.deviceId === deviceId && r.itemId === itemId);
  if (!found) throw new AppError('maintenance_item_not_found', 'maintenance_item_not_found', { itemId });
  return found;
}

export async function saveResult(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.saveResult'>): Promise<ItemResult> {
  const { result, versionChanged } = await inTransaction(ctx, async (trx, journal) => {
    const t = await target(trx, input.taskId, input.deviceId, input.itemId);
    const value = valueFor(t.item, input.value);
    // A photo is attached with maintenance.attachPhoto; a plain save keeps the one there (null takes it away).
    if (t.item.kind === 'photo') {
      const prior = await trx.selectFrom('mnt_result').select('value').where('task_id', '=', input.taskId).where('device_id', '=', input.deviceId).where('item_id', '=', input.itemId).executeTakeFirst();
      value.photoSha256 = input.value.photoSha256 === null ? null : ((prior ? (JSON.parse(prior.value) as ItemValue).photoSha256 : null) ?? null);
    }
    await writeResult(ctx, trx, journal, call, t, value);
    return { result: await resultOf(trx, input.taskId, input.deviceId, input.itemId), versionChanged: t.item.kind === 'version' };
  });
  ctx.emit('maintenance.changed', { taskIds: [input.taskId] });
  if (versionChanged) ctx.emit('assets.changed', { ids: [input.deviceId] });
  return result;
}

export async function attachPhoto(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.attachPhoto'>): Promise<ItemResult> {
  const ext = input.mime.split('/')[1];
  const file = decodeAttachment({ fileName: `photo.${ext}`, mime: input.mime, contentBase64: input.contentBase64 });
  await storeAttachmentFile(ctx.dataDir, file);
  const result = await inTransaction(ctx, async (trx, journal) => {
    const t = await target(trx, input.taskId, input.deviceId, input.itemId);
    if (t.item.kind !== 'photo') throw new AppError('maintenance_item_not_photo', 'maintenance_item_not_photo', { itemId: input.itemId });
    await writeResult(ctx, trx, journal, call, t, { outcome: null, note: '', photoSha256: file.sha256 });
    return resultOf(trx, input.taskId, input.deviceId, input.itemId);
  });
  ctx.emit('maintenance.changed', { taskIds: [input.taskId] });
  return result;
}

export async function readPhoto(ctx: CoreContext, taskId: string, sha256: string): Promise<{ mime: string; contentBase64: string }> {
  const results = await loadResults(ctx.db, taskId);
  if (!results.some((r) => r.value.photoSha256 === sha256)) throw new AppError('maintenance_photo_not_found', 'maintenance_photo_not_found', { sha256 });
  const bytes = await readFile(join(ctx.dataDir, attachmentsFolder, sha256));
  const mime = bytes[0] === 0x89 ? 'image/png' : bytes[0] === 0xff ? 'image/jpeg' : 'image/webp';
  return { mime, contentBase64: bytes.toString('base64') };
}

/** The incident a failed item opens: on the device's system, linked to the device, and to the item's result. */
export async function reportIncidentFromItem(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.reportIncident'>): Promise<ItemResult> {
  const { result, incidentId } = await inTransaction(ctx, async (trx, journal) => {
    const t = await target(trx, input.taskId, input.deviceId, input.itemId);
    const row = await trx.selectFrom('mnt_result').selectAll().where('task_id', '=', input.taskId).where('device_id', '=', input.deviceId).where('item_id', '=', input.itemId).executeTakeFirst();
    if (!row || row.outcome !== 'fail') throw new AppError('maintenance_item_not_failed', 'maintenance_item_not_failed', { itemId: input.itemId });
    if (row.incident_id) throw new AppError('maintenance_incident_exists', 'maintenance_incident_exists', { incidentId: row.incident_id });
    const filed = await fileIncident(ctx, trx, journal, call, {
      systemId: t.device.system_id,
      description: input.description,
      title: '',
      location: '',
      reporter: call.operator,
      callbackPhone: '',
      deviceIds: [t.device.id],
      deviceText: '',
      facts: { partFailedOrDegraded: true },
      level: input.level,
    });
    await trx.updateTable('mnt_result').set({ incident_id: filed.incident.id }).where('task_id', '=', input.taskId).where('device_id', '=', input.deviceId).where('item_id', '=', input.itemId).execute();
    await journal({
      type: 'maintenance.incident_opened',
      entityType: 'device',
      entityId: t.device.id,
      payload: { taskId: t.task.id, number: t.task.number, itemId: t.item.id, incidentId: filed.incident.id, incidentNumber: filed.incident.number },
      operator: call.operator,
    });
    return { result: await resultOf(trx, input.taskId, input.deviceId, input.itemId), incidentId: filed.incident.id };
  });
  ctx.emit('incidents.changed', { ids: [incidentId] });
  ctx.emit('assets.changed', { ids: [input.deviceId] });
  ctx.emit('maintenance.changed', { taskIds: [input.taskId] });
  return result;
}
