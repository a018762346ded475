// Configuring links: list, read, create, update, remove, enable; each change journaled and its session restarted.
import { AppError } from '../../../shared/contract/app-error';
import type { LinkInput, LinkStatus, LinkView } from '../../../shared/contract/links';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import { clearProtocol, type LinkRow, linkColumns, toLink, toRunnable } from './link-rows';
import type { DeviceSupervisor } from './device-supervisor';
import { driverRegistry } from './driver-registry';
import { keepStoredSecrets, sealSecrets } from './protocol-secrets';
import type { SecretBox } from './secret-box';

export interface DeviceLayer {
  supervisor: DeviceSupervisor;
  secrets: SecretBox;
}

const noHealth = { framesGood: 0, framesBad: 0, lastFrameAt: null, latencyLastMs: null, latencyMeanMs: null, reconnects: 0 };

async function activeAlarmCounts(db: Db | Trx, ids?: string[]): Promise<Map<string, number>> {
  let q = db.selectFrom('alarm').select((eb) => ['device_id', eb.fn.countAll<number>().as('n')]).where('state', '=', 'active').groupBy('device_id');
  if (ids) q = q.where('device_id', 'in', ids);
  return new Map((await q.execute()).map((r) => [r.device_id, Number(r.n)]));
}

function toView(row: LinkRow, layer: DeviceLayer, counts: Map<string, number>): LinkView {
  const endpoint = toLink(row);
  const status: LinkStatus = layer.supervisor.status(row.id) ?? {
    state: endpoint.enabled ? 'offline' : 'disabled',
    since: endpoint.updatedAt,
    currentPath: null,
    lastError: null,
    health: noHealth,
  };
  return { ...endpoint, status, activeAlarmCount: counts.get(row.id) ?? 0 };
}

async function requireRow(db: Db | Trx, id: string): Promise<LinkRow> {
  const row = await db.selectFrom('link').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('link_not_found', 'link_not_found', { id });
  return row;
}

export async function listLinks(ctx: CoreContext, layer: DeviceLayer): Promise<LinkView[]> {
  const rows = await ctx.db.selectFrom('link').selectAll().orderBy('name').orderBy('seq').execute();
  const counts = await activeAlarmCounts(ctx.db);
  return rows.map((row) => toView(row, layer, counts));
}

export async function getLink(ctx: CoreContext, layer: DeviceLayer, id: string): Promise<LinkView> {
  const row = await requireRow(ctx.db, id);
  return toView(row, layer, await activeAlarmCounts(ctx.db, [id]));
}

/**
 * Checks the settings against the driver's schema, a placeholder standing for the secret stored before (only under
 * the same driver), and seals the secrets for the database.
 */
function prepareProtocol(layer: DeviceLayer, input: LinkInput, before: LinkRow | null): Record<string, unknown> {
  const driver = driverRegistry[input.driver];
  const storedClear = before && before.driver === input.driver ? clearProtocol(before, layer.secrets) : null;
  const settings = driver.parseSettings(keepStoredSecrets(input.protocol, storedClear, driver.secretFields));
  return sealSecrets(settings, driver.secretFields, layer.secrets);
}

async function checkAsset(trx: Trx, assetId: string | null): Promise<void> {
  if (assetId === null) return;
  const asset = await trx.selectFrom('device').select('id').where('id', '=', assetId).executeTakeFirst();
  if (!asset) throw new AppError('asset_not_found', 'asset_not_found', { id: assetId });
}

async function restart(ctx: CoreContext, layer: DeviceLayer, row: LinkRow): Promise<LinkView> {
  await layer.supervisor.apply(toRunnable(row, layer.secrets));
  return toView(row, layer, await activeAlarmCounts(ctx.db, [row.id]));
}

export async function createLink(ctx: CoreContext, layer: DeviceLayer, call: CallContext, input: LinkInput): Promise<LinkView> {
  const sealed = prepareProtocol(layer, input, null);
  const row = await inTransaction(ctx, async (trx, journal) => {
    await checkAsset(trx, input.assetId);
    const now = ctx.clock.now();
    const inserted = await trx
      .insertInto('link')
      .values({ id: ctx.newId(), ...linkColumns(input, sealed, now), created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await journal({ type: 'link.created', entityType: 'link', entityId: inserted.id, payload: toLink(inserted), operator: call.operator });
    return inserted;
  });
  return restart(ctx, layer, row);
}

export async function updateLink(ctx: CoreContext, layer: DeviceLayer, call: CallContext, id: string, input: LinkInput): Promise<LinkView> {
  const before = await requireRow(ctx.db, id);
  const sealed = prepareProtocol(layer, input, before);
  const row = await inTransaction(ctx, async (trx, journal) => {
    const current = await requireRow(trx, id);
    await checkAsset(trx, input.assetId);
    const updated = await trx
      .updateTable('link')
      .set(linkColumns(input, sealed, ctx.clock.now()))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await journal({
      type: 'link.updated',
      entityType: 'link',
      entityId: id,
      payload: { before: toLink(current), after: toLink(updated) },
      operator: call.operator,
    });
    return updated;
  });
  return restart(ctx, layer, row);
}

export async function setLinkEnabled(ctx: CoreContext, layer: DeviceLayer, call: CallContext, id: string, enabled: boolean): Promise<LinkView> {
  const row = await inTransaction(ctx, async (trx, journal) => {
    const current = await requireRow(trx, id);
    if ((current.enabled === 1) === enabled) return current;
    const updated = await trx
      .updateTable('link')
      .set({ enabled: enabled ? 1 : 0, updated_at: ctx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await journal({ type: 'link.enabled', entityType: 'link', entityId: id, payload: { name: current.name, enabled }, operator: call.operator });
    return updated;
  });
  return restart(ctx, layer, row);
}

export async function removeLink(ctx: CoreContext, layer: DeviceLayer, call: CallContext, id: string): Promise<null> {
  await inTransaction(ctx, async (trx, journal) => {
    const current = await requireRow(trx, id);
    await trx.deleteFrom('link').where('id', '=', id).execute();
    // Its alarms stay: they are history, and carry the link's name.
    await journal({ type: 'link.removed', entityType: 'link', entityId: id, payload: toLink(current), operator: call.operator });
  });
  await layer.supervisor.remove(id);
  ctx.emit('links.changed', { ids: [id] });
  return null;
}

/** At start-up: every configured link handed to the supervisor (it runs the enabled ones). */
export async function startConfiguredLinks(ctx: CoreContext, layer: DeviceLayer): Promise<void> {
  const rows = await ctx.db.selectFrom('link').selectAll().orderBy('seq').execute();
  for (const row of rows) await layer.supervisor.apply(toRunnable(row, layer.secrets));
}
