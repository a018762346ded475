// Links between an incident and devices of the register, journaled on both so each one's history shows the other.
import { AppError } from '../../../shared/contract/app-error';
import type { Device } from '../../../shared/contract/assets';
import { canTransition } from '../../../shared/domain/incidents/incident-lifecycle';
import { toDevice } from '../assets/device-service';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction, type NewEntry } from '../journal/service';
import { callerRole } from './caller-role';
import { type IncidentRow, requireIncident } from './incident-rows';

type Journal = (entry: NewEntry) => Promise<void>;

/** The devices, in the order asked; throws asset_not_found naming the first unknown one. */
export async function requireDevices(trx: Trx, ids: readonly string[]): Promise<Device[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom('device').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  const byId = new Map(rows.map((r) => [r.id, toDevice(r)]));
  return [...new Set(ids)].map((id) => {
    const device = byId.get(id);
    if (!device) throw new AppError('asset_not_found', 'asset_not_found', { id });
    return device;
  });
}

/** Links devices inside the caller's transaction; a device already linked is left as it is. Returns those newly linked. */
export async function insertDeviceLinks(
  ctx: CoreContext,
  trx: Trx,
  journal: Journal,
  incident: Pick<IncidentRow, 'id' | 'number' | 'title' | 'level'>,
  devices: readonly Device[],
  operator: string,
): Promise<Device[]> {
  const linked: Device[] = [];
  for (const device of devices) {
    const inserted = await trx
      .insertInto('incident_device')
      .values({ incident_id: incident.id, device_id: device.id, linked_at: ctx.clock.now(), linked_by: operator })
      .onConflict((oc) => oc.columns(['incident_id', 'device_id']).doNothing())
      .returning('device_id')
      .executeTakeFirst();
    if (!inserted) continue;
    linked.push(device);
    await journal({
      type: 'incident.device_linked',
      entityType: 'incident',
      entityId: incident.id,
      payload: { number: incident.number, deviceId: device.id, deviceName: device.name, assetTag: device.assetTag },
      operator,
    });
    // The device's own history (assets.history) reads the entries of the device.
    await journal({
      type: 'incident.linked',
      entityType: 'device',
      entityId: device.id,
      payload: { incidentId: incident.id, number: incident.number, title: incident.title, level: incident.level },
      operator,
    });
  }
  return linked;
}

export async function linkedDevices(db: Db | Trx, incidentId: string): Promise<Device[]> {
  const rows = await db
    .selectFrom('incident_device as l')
    .innerJoin('device as d', 'd.id', 'l.device_id')
    .selectAll('d')
    .where('l.incident_id', '=', incidentId)
    .orderBy('l.linked_at')
    .orderBy('d.seq')
    .execute();
  return rows.map(toDevice);
}

/** Linking a device is adding information: whoever may add a note may link, in any state. */
function checkMayLink(incident: IncidentRow, call: CallContext): void {
  const allowed = canTransition(incident.state, 'add_note', callerRole(call));
  if (!allowed.ok) throw AppError.fromData(allowed.error);
}

export async function linkDevices(ctx: CoreContext, call: CallContext, id: string, deviceIds: readonly string[]): Promise<Device[]> {
  const { devices, linked } = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, id);
    checkMayLink(incident, call);
    const added = await insertDeviceLinks(ctx, trx, journal, incident, await requireDevices(trx, deviceIds), call.operator);
    if (added.length) await trx.updateTable('incident').set({ updated_at: ctx.clock.now() }).where('id', '=', id).execute();
    return { devices: await linkedDevices(trx, id), linked: added };
  });
  if (linked.length) {
    ctx.emit('incidents.changed', { ids: [id] });
    ctx.emit('assets.changed', { ids: linked.map((d) => d.id) });
  }
  return devices;
}

export async function unlinkDevice(ctx: CoreContext, call: CallContext, id: string, deviceId: string): Promise<Device[]> {
  const { devices, removed } = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, id);
    checkMayLink(incident, call);
    const gone = await trx
      .deleteFrom('incident_device')
      .where('incident_id', '=', id)
      .where('device_id', '=', deviceId)
      .returning('device_id')
      .executeTakeFirst();
    if (!gone) throw new AppError('incident_device_not_linked', 'incident_device_not_linked', { id, deviceId });
    await trx.updateTable('incident').set({ updated_at: ctx.clock.now() }).where('id', '=', id).execute();
    await journal({ type: 'incident.device_unlinked', entityType: 'incident', entityId: id, payload: { number: incident.number, deviceId }, operator: call.operator });
    await journal({
      type: 'incident.unlinked',
      entityType: 'device',
      entityId: deviceId,
      payload: { incidentId: id, number: incident.number, title: incident.title, level: incident.level },
      operator: call.operator,
    });
    return { devices: await linkedDevices(trx, id), removed: deviceId };
  });
  ctx.emit('incidents.changed', { ids: [id] });
  ctx.emit('assets.changed', { ids: [removed] });
  return devices;
}
