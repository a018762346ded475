// Checklist templates: the shipped ones for every system, supervisors' edits saved as new versions (old versions stay,
// so records made from them never change).
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { MaintenanceTemplate } from '../../../shared/contract/maintenance';
import type { MethodArgs } from '../../../shared/contract';
import type { ChecklistItem } from '../../../shared/domain/maintenance/checklist-items';
import { shippedTemplates } from '../../../shared/domain/maintenance/shipped-templates';
import { defaultFrequencies } from '../../../shared/domain/maintenance/template-purposes';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import type { MntTemplateVersionTable } from './schema';

type VersionRow = Selectable<MntTemplateVersionTable> & { builtin: number };

export function toTemplate(r: VersionRow): MaintenanceTemplate {
  return {
    id: r.template_id,
    version: r.version,
    systemId: r.system_id,
    purpose: r.purpose,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    defaultFrequency: r.default_frequency,
    everyDays: r.every_days,
    items: JSON.parse(r.items) as ChecklistItem[],
    builtin: r.builtin === 1,
    savedAt: r.saved_at,
    savedBy: r.saved_by,
  };
}

/** Inserts the shipped templates a database lacks (as version 1); never touches a template once it exists. */
export async function ensureShippedTemplates(db: Db, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const present = new Set((await trx.selectFrom('mnt_template').select('id').execute()).map((r) => r.id));
    for (const t of shippedTemplates) {
      if (present.has(t.id)) continue;
      await trx.insertInto('mnt_template').values({ id: t.id, latest_version: 1, builtin: 1 }).execute();
      await trx
        .insertInto('mnt_template_version')
        .values({
          template_id: t.id,
          version: 1,
          system_id: t.systemId,
          purpose: t.purpose,
          name_zh: t.nameZh,
          name_en: t.nameEn,
          default_frequency: defaultFrequencies[t.purpose],
          every_days: null,
          items: JSON.stringify(t.items),
          saved_at: now,
          saved_by: 'system',
        })
        .execute();
    }
  });
}

function versions(db: Db | Trx) {
  return db
    .selectFrom('mnt_template_version as v')
    .innerJoin('mnt_template as t', 't.id', 'v.template_id')
    .selectAll('v')
    .select('t.builtin');
}

export async function listTemplates(db: Db): Promise<MaintenanceTemplate[]> {
  const rows = await versions(db).whereRef('v.version', '=', 't.latest_version').orderBy('v.system_id').orderBy('v.template_id').execute();
  return rows.map(toTemplate);
}

/** One version of a template (the latest when none is named). */
export async function getTemplate(db: Db | Trx, id: string, version?: number): Promise<MaintenanceTemplate> {
  let q = versions(db).where('v.template_id', '=', id);
  q = version === undefined ? q.whereRef('v.version', '=', 't.latest_version') : q.where('v.version', '=', version);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('maintenance_template_not_found', 'maintenance_template_not_found', { id });
  return toTemplate(row);
}

/** Items name component types of the template's system; a template for every system names any system's types. */
async function checkTypes(trx: Trx, systemId: string | null, items: readonly ChecklistItem[]): Promise<void> {
  if (systemId !== null) {
    const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', systemId).executeTakeFirst();
    if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId });
  }
  let q = trx.selectFrom('catalog_type').select('id');
  if (systemId !== null) q = q.where('system_id', '=', systemId);
  const known = new Set((await q.execute()).map((r) => r.id));
  for (const item of items) {
    const unknown = item.typeIds.find((t) => !known.has(t));
    if (unknown) throw new AppError('catalog_unknown_type', 'catalog_unknown_type', { typeId: unknown });
  }
}

/** A new template, or the next version of one: the versions before stay for the records made from them. */
export async function saveTemplate(ctx: CoreContext, call: CallContext, input: MethodArgs<'maintenance.saveTemplate'>): Promise<MaintenanceTemplate> {
  const items: ChecklistItem[] = input.items.map((i) => ({
    id: i.id,
    kind: i.kind,
    labelZh: i.labelZh,
    labelEn: i.labelEn,
    typeIds: i.typeIds,
    ...(i.kind === 'reading' ? { unit: i.unit, min: i.min, max: i.max } : {}),
    ...(i.kind === 'version' ? { versionField: i.versionField } : {}),
  }));
  const saved = await inTransaction(ctx, async (trx, journal) => {
    await checkTypes(trx, input.systemId, items);
    let id = input.id;
    let version = 1;
    if (id) {
      const existing = await trx.selectFrom('mnt_template').selectAll().where('id', '=', id).executeTakeFirst();
      if (!existing) throw new AppError('maintenance_template_not_found', 'maintenance_template_not_found', { id });
      version = existing.latest_version + 1;
      await trx.updateTable('mnt_template').set({ latest_version: version }).where('id', '=', id).execute();
    } else {
      id = ctx.newId();
      await trx.insertInto('mnt_template').values({ id, latest_version: 1, builtin: 0 }).execute();
    }
    await trx
      .insertInto('mnt_template_version')
      .values({
        template_id: id,
        version,
        system_id: input.systemId,
        purpose: input.purpose,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        default_frequency: input.defaultFrequency,
        every_days: input.everyDays,
        items: JSON.stringify(items),
        saved_at: ctx.clock.now(),
        saved_by: call.operator,
      })
      .execute();
    await journal({
      type: 'maintenance.template_saved',
      entityType: 'maintenance_template',
      entityId: id,
      payload: { version, systemId: input.systemId, purpose: input.purpose, nameZh: input.nameZh, nameEn: input.nameEn, items },
      operator: call.operator,
    });
    return getTemplate(trx, id, version);
  });
  return saved;
}
