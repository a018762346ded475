// The catalog of systems, component types and brands: the built-in seed plus engineers' additions.
import { AppError } from '../../../shared/contract/app-error';
import type { CatalogBrand, CatalogSystem, CatalogType } from '../../../shared/contract/assets';
import { catalogSeed } from '../../../shared/domain/assets/catalog';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction } from '../journal/service';

/** Inserts the built-in entries a database lacks; never touches engineers' own entries. */
export async function ensureBuiltinCatalog(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [i, s] of catalogSeed.entries()) {
      await trx
        .insertInto('catalog_system')
        .values({ id: s.id, name_zh: s.nameZh, name_en: s.nameEn, sort: i, builtin: 1 })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const types = s.types.map(([id, zh, en], j) => ({ system_id: s.id, id, name_zh: zh, name_en: en, sort: j, builtin: 1 }));
      if (types.length) await trx.insertInto('catalog_type').values(types).onConflict((oc) => oc.doNothing()).execute();
      const brands = s.brands.map(([zh, en], j) => ({ system_id: s.id, id: slug(en), name_zh: zh, name_en: en, sort: j, builtin: 1 }));
      if (brands.length) await trx.insertInto('catalog_brand').values(brands).onConflict((oc) => oc.doNothing()).execute();
    }
  });
}

export async function listCatalog(db: Db): Promise<CatalogSystem[]> {
  const [systems, types, brands] = await Promise.all([
    db.selectFrom('catalog_system').selectAll().orderBy('sort').execute(),
    db.selectFrom('catalog_type').selectAll().orderBy('sort').execute(),
    db.selectFrom('catalog_brand').selectAll().orderBy('sort').execute(),
  ]);
  return systems.map((s) => ({
    id: s.id,
    nameZh: s.name_zh,
    nameEn: s.name_en,
    builtin: s.builtin === 1,
    types: types.filter((t) => t.system_id === s.id).map(toEntry),
    brands: brands.filter((b) => b.system_id === s.id).map(toEntry),
  }));
}

function toEntry(row: { system_id: string; id: string; name_zh: string; name_en: string; builtin: number }): CatalogType {
  return { id: row.id, systemId: row.system_id, nameZh: row.name_zh, nameEn: row.name_en, builtin: row.builtin === 1 };
}

export async function addSystem(ctx: CoreContext, call: CallContext, input: { nameZh: string; nameEn: string }): Promise<CatalogSystem> {
  const id = slug(input.nameEn) || ctx.newId();
  return inTransaction(ctx, async (trx, journal) => {
    const exists = await trx.selectFrom('catalog_system').select('id').where('id', '=', id).executeTakeFirst();
    if (exists) throw new AppError('catalog_duplicate', 'catalog_duplicate', { name: input.nameEn });
    const last = await trx.selectFrom('catalog_system').select((eb) => eb.fn.max('sort').as('sort')).executeTakeFirst();
    await trx
      .insertInto('catalog_system')
      .values({ id, name_zh: input.nameZh, name_en: input.nameEn, sort: (last?.sort ?? 0) + 1, builtin: 0 })
      .execute();
    await journal({ type: 'catalog.system_added', entityType: 'catalog', entityId: id, payload: input, operator: call.operator });
    return { id, nameZh: input.nameZh, nameEn: input.nameEn, builtin: false, types: [], brands: [] };
  });
}

export function addType(ctx: CoreContext, call: CallContext, input: CatalogEntryInput): Promise<CatalogType> {
  return addEntry(ctx, call, 'catalog_type', input);
}

export function addBrand(ctx: CoreContext, call: CallContext, input: CatalogEntryInput): Promise<CatalogBrand> {
  return addEntry(ctx, call, 'catalog_brand', input);
}

interface CatalogEntryInput { systemId: string; nameZh: string; nameEn: string }

async function addEntry(
  ctx: CoreContext,
  call: CallContext,
  table: 'catalog_type' | 'catalog_brand',
  input: CatalogEntryInput,
): Promise<CatalogType> {
  const id = slug(input.nameEn) || ctx.newId();
  return inTransaction(ctx, async (trx, journal) => {
    const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', input.systemId).executeTakeFirst();
    if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: input.systemId });
    const exists = await trx
      .selectFrom(table)
      .select('id')
      .where('system_id', '=', input.systemId)
      .where((eb) => eb.or([eb('id', '=', id), eb('name_zh', '=', input.nameZh)]))
      .executeTakeFirst();
    if (exists) throw new AppError('catalog_duplicate', 'catalog_duplicate', { name: input.nameZh });
    const last = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.max('sort').as('sort'))
      .where('system_id', '=', input.systemId)
      .executeTakeFirst();
    await trx
      .insertInto(table)
      .values({ system_id: input.systemId, id, name_zh: input.nameZh, name_en: input.nameEn, sort: (last?.sort ?? 0) + 1, builtin: 0 })
      .execute();
    const kind = table === 'catalog_type' ? 'type' : 'brand';
    await journal({ type: `catalog.${kind}_added`, entityType: 'catalog', entityId: `${input.systemId}/${id}`, payload: input, operator: call.operator });
    return { id, systemId: input.systemId, nameZh: input.nameZh, nameEn: input.nameEn, builtin: false };
  });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
