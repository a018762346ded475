// Devices in the register: create, update, read, search, and their history from the journal.
import { type Selectable, sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type {
  Device,
  DeviceDetail,
  DeviceFields,
  DeviceListItem,
  LocationEntry,
  SearchResult,
} from '../../../shared/contract/assets';
import type { JournalEntry } from '../../../shared/contract/journal';
import type { MethodArgs } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction, listEntries } from '../journal/service';
import type { DeviceTable } from './schema';
import { type CatalogNames, searchCondition, searchCountCap, searchMatch, searchText, writeSearchRow } from './search-index';

type DeviceRow = Selectable<DeviceTable>;

export function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    systemId: r.system_id,
    typeId: r.type_id,
    name: r.name,
    brand: r.brand,
    model: r.model,
    serialNo: r.serial_no,
    assetTag: r.asset_tag,
    building: r.building,
    floor: r.floor,
    room: r.room,
    rack: r.rack,
    address: r.address,
    installDate: r.install_date,
    warrantyEnd: r.warranty_end,
    status: r.status,
    notes: r.notes,
    parentId: r.parent_id,
    softwareVersion: r.software_version,
    firmwareVersion: r.firmware_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(f: DeviceFields) {
  return {
    system_id: f.systemId,
    type_id: f.typeId,
    name: f.name,
    brand: f.brand,
    model: f.model,
    serial_no: f.serialNo,
    asset_tag: f.assetTag,
    building: f.building,
    floor: f.floor,
    room: f.room,
    rack: f.rack,
    address: f.address,
    install_date: f.installDate,
    warranty_end: f.warrantyEnd,
    status: f.status,
    notes: f.notes,
    parent_id: f.parentId,
    ...(f.softwareVersion === undefined ? {} : { software_version: f.softwareVersion }),
    ...(f.firmwareVersion === undefined ? {} : { firmware_version: f.firmwareVersion }),
  };
}

export async function loadCatalogNames(db: Db | Trx): Promise<CatalogNames> {
  const [systems, types, brands] = await Promise.all([
    db.selectFrom('catalog_system').select(['id', 'name_zh', 'name_en']).execute(),
    db.selectFrom('catalog_type').select(['system_id', 'id', 'name_zh', 'name_en']).execute(),
    db.selectFrom('catalog_brand').select(['system_id', 'name_zh', 'name_en']).execute(),
  ]);
  const sys = new Map(systems.map((s) => [s.id, [s.name_zh, s.name_en]]));
  const typ = new Map(types.map((t) => [`${t.system_id}/${t.id}`, [t.name_zh, t.name_en]]));
  const brandAliases = new Map<string, string[]>();
  for (const b of brands) {
    brandAliases.set(`${b.system_id}/${b.name_zh.toLowerCase()}`, [b.name_en]);
    brandAliases.set(`${b.system_id}/${b.name_en.toLowerCase()}`, [b.name_zh]);
  }
  return {
    system: (id) => sys.get(id) ?? [],
    type: (systemId, typeId) => (typeId ? (typ.get(`${systemId}/${typeId}`) ?? []) : []),
    brand: (systemId, brand) => brandAliases.get(`${systemId}/${brand.toLowerCase()}`)?.filter((a) => a !== brand) ?? [],
  };
}

/** Checks what the schema alone cannot say clearly: catalog references, the parent, the tag. */
export async function checkReferences(trx: Trx, fields: DeviceFields, selfId: string | null): Promise<void> {
  const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', fields.systemId).executeTakeFirst();
  if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: fields.systemId });
  if (fields.typeId) {
    const type = await trx
      .selectFrom('catalog_type')
      .select('id')
      .where('system_id', '=', fields.systemId)
      .where('id', '=', fields.typeId)
      .executeTakeFirst();
    if (!type) throw new AppError('catalog_unknown_type', 'catalog_unknown_type', { typeId: fields.typeId });
  }
  if (fields.assetTag) {
    const clash = await trx.selectFrom('device').select('id').where('asset_tag', '=', fields.assetTag).executeTakeFirst();
    if (clash && clash.id !== selfId) throw new AppError('asset_tag_taken', 'asset_tag_taken', { assetTag: fields.assetTag });
  }
  if (fields.parentId) {
    // Walk up from the new parent: meeting ourselves would make a loop.
    let cursor: string | null = fields.parentId;
    for (let depth = 0; cursor; depth += 1) {
      if (cursor === selfId || depth > 50) throw new AppError('asset_parent_loop', 'asset_parent_loop', {});
      const parent: { parent_id: string | null } | undefined = await trx
        .selectFrom('device')
        .select('parent_id')
        .where('id', '=', cursor)
        .executeTakeFirst();
      if (!parent) throw new AppError('asset_unknown_parent', 'asset_unknown_parent', { parentId: fields.parentId });
      cursor = parent.parent_id;
    }
  }
}

async function nextAssetTag(trx: Trx): Promise<string> {
  const last = await trx.selectFrom('device').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  for (let n = (last?.seq ?? 0) + 1; ; n += 1) {
    const tag = `ZC-${String(n).padStart(6, '0')}`;
    const taken = await trx.selectFrom('device').select('id').where('asset_tag', '=', tag).executeTakeFirst();
    if (!taken) return tag;
  }
}

/** Inserts one device and its index row inside the caller's transaction. */
export async function insertDevice(
  ctx: CoreContext,
  trx: Trx,
  fields: DeviceFields,
  names: CatalogNames,
): Promise<Device> {
  await checkReferences(trx, fields, null);
  const now = ctx.clock.now();
  const assetTag = fields.assetTag || (await nextAssetTag(trx));
  const row = await trx
    .insertInto('device')
    .values({ ...toColumns({ ...fields, assetTag }), id: ctx.newId(), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeSearchRow(trx, row.seq, searchText({ ...fields, assetTag }, names));
  return toDevice(row);
}

/** A device whose id, asset tag and references its caller has already settled for a whole batch. */
export interface CheckedDevice {
  id: string;
  fields: DeviceFields;
}

/** Rows per INSERT: 20 columns each stays well under SQLite's 32,766 bound parameters. */
const insertBatchSize = 200;

/**
 * Inserts many devices and their index rows inside the caller's transaction, a batch per statement.
 * The caller has checked the catalog, the tags and the parents (an import checks a whole file at
 * once); the table's own constraints still refuse a clash. A parent must come before its children.
 */
export async function insertCheckedDevices(
  ctx: CoreContext,
  trx: Trx,
  devices: readonly CheckedDevice[],
  names: CatalogNames,
): Promise<Device[]> {
  const now = ctx.clock.now();
  const created = new Map<string, Device>();
  for (let start = 0; start < devices.length; start += insertBatchSize) {
    const batch = devices.slice(start, start + insertBatchSize);
    const rows = await trx
      .insertInto('device')
      .values(batch.map((d) => ({ ...toColumns(d.fields), id: d.id, created_at: now, updated_at: now })))
      .returningAll()
      .execute();
    await trx
      .insertInto('device_search')
      .values(rows.map((r) => ({ rowid: r.seq, text: searchText(toDevice(r), names) })))
      .execute();
    for (const r of rows) created.set(r.id, toDevice(r));
  }
  // RETURNING gives rows in no promised order; answer in the caller's.
  return devices.map((d) => created.get(d.id)!);
}

export async function createDevice(ctx: CoreContext, call: CallContext, fields: DeviceFields): Promise<Device> {
  const device = await inTransaction(ctx, async (trx, journal) => {
    const created = await insertDevice(ctx, trx, fields, await loadCatalogNames(trx));
    const { id, createdAt, updatedAt, ...payload } = created;
    await journal({ type: 'device.created', entityType: 'device', entityId: id, payload, operator: call.operator });
    return created;
  });
  ctx.emit('assets.changed', { ids: [device.id] });
  return device;
}

export async function updateDevice(ctx: CoreContext, call: CallContext, id: string, fields: DeviceFields): Promise<Device> {
  const device = await inTransaction(ctx, async (trx, journal) => {
    const before = await trx.selectFrom('device').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('asset_not_found', 'asset_not_found', { id });
    const next = {
      ...fields,
      assetTag: fields.assetTag || before.asset_tag,
      softwareVersion: fields.softwareVersion ?? before.software_version,
      firmwareVersion: fields.firmwareVersion ?? before.firmware_version,
    };
    await checkReferences(trx, next, id);
    const old = toDevice(before);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof DeviceFields)[]) {
      if (old[key] !== next[key]) changes[key] = { from: old[key], to: next[key] };
    }
    if (Object.keys(changes).length === 0) return old;
    const row = await trx
      .updateTable('device')
      .set({ ...toColumns(next), updated_at: ctx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeSearchRow(trx, row.seq, searchText(next, await loadCatalogNames(trx)));
    await journal({ type: 'device.updated', entityType: 'device', entityId: id, payload: { changes }, operator: call.operator });
    return toDevice(row);
  });
  ctx.emit('assets.changed', { ids: [id] });
  return device;
}

export async function getDevice(db: Db, id: string): Promise<DeviceDetail> {
  const row = await db.selectFrom('device').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('asset_not_found', 'asset_not_found', { id });
  const [parent, children] = await Promise.all([
    row.parent_id ? db.selectFrom('device').selectAll().where('id', '=', row.parent_id).executeTakeFirst() : undefined,
    db.selectFrom('device').selectAll().where('parent_id', '=', id).orderBy('seq').execute(),
  ]);
  return { device: toDevice(row), parent: parent ? toDevice(parent) : null, children: children.map(toDevice) };
}

export async function getDevices(db: Db, ids: string[]): Promise<Device[]> {
  const rows = await db.selectFrom('device').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toDevice(r)]));
  return ids.flatMap((i) => byId.get(i) ?? []);
}

/** The devices for a label sheet; the sheet leaves the machine on paper, so who printed which tags is journaled. */
export async function labelDevices(ctx: CoreContext, call: CallContext, ids: string[]): Promise<Device[]> {
  const devices = await getDevices(ctx.db, ids);
  if (devices.length === 0) return devices;
  await inTransaction(ctx, async (_trx, journal) => {
    const payload = { count: devices.length, assetTags: devices.map((d) => d.assetTag) };
    await journal({ type: 'assets.labels_printed', entityType: 'export', entityId: ctx.newId(), payload, operator: call.operator });
  });
  return devices;
}

export type DeviceFilter = Omit<MethodArgs<'assets.search'>, 'offset' | 'limit'>;

/** The devices a search filter selects, as `d`: the search page and export select from the same set. */
export function filteredDevices(db: Db, filter: DeviceFilter) {
  const condition = searchCondition(filter.q);
  let base = db.selectFrom('device as d');
  if (condition) base = base.innerJoin('device_search', 'device_search.rowid', 'd.seq').where(condition);
  if (filter.systemId) base = base.where('d.system_id', '=', filter.systemId);
  if (filter.status) base = base.where('d.status', '=', filter.status);
  if (filter.building) base = base.where('d.building', '=', filter.building);
  if (filter.floor) base = base.where('d.floor', '=', filter.floor);
  if (filter.room) base = base.where('d.room', '=', filter.room);
  return base;
}

/**
 * One page of the register, newest first. The words and the filters are one full-text query
 * (see search-index.ts), so SQLite walks a single rowid list in order and stops at the page; the
 * count stops at `searchCountCap`, past which the answer is "more than" (`totalCapped`). The count
 * rides along with the page, computed once, so a search is one statement unless its page is empty.
 */
export async function searchDevices(db: Db, input: MethodArgs<'assets.search'>): Promise<SearchResult> {
  const match = searchMatch(input.q, input);
  const matches =
    match === null ? sql`select seq from device` : sql`select rowid as seq from device_search where device_search match ${match}`;
  const countMatches = sql<number>`(select count(*) from (${matches} limit ${searchCountCap + 1}))`;
  const rows = await db
    .selectFrom(sql<{ seq: number }>`(${matches} order by seq desc limit ${input.limit} offset ${input.offset})`.as('m'))
    .innerJoin('device as d', 'd.seq', 'm.seq')
    .selectAll('d')
    .select((eb) => [
      eb.selectFrom('device as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'd.id').as('child_count'),
      countMatches.as('matched'),
    ])
    .orderBy('m.seq', 'desc')
    .execute();
  const matched =
    rows[0]?.matched ??
    (input.offset === 0 ? 0 : (await db.selectNoFrom(countMatches.as('matched')).executeTakeFirstOrThrow()).matched);
  const items: DeviceListItem[] = rows.map(({ child_count, matched: _, ...r }) => ({ ...toDevice(r), childCount: Number(child_count ?? 0) }));
  const total = Number(matched);
  return total > searchCountCap ? { total: searchCountCap, totalCapped: true, items } : { total, items };
}

export async function deviceHistory(db: Db, id: string): Promise<JournalEntry[]> {
  const exists = await db.selectFrom('device').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw new AppError('asset_not_found', 'asset_not_found', { id });
  return listEntries(db, { entityType: 'device', entityId: id, limit: 500 });
}

export async function listLocations(db: Db): Promise<LocationEntry[]> {
  const rows = await db
    .selectFrom('device')
    .select(['building', 'floor', 'room', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['building', 'floor', 'room'])
    .orderBy('building')
    .orderBy('floor')
    .orderBy('room')
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
