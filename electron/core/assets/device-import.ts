// Importing devices from CSV and Excel files: a row-by-row report, then an all-or-accepted commit.
import { AppError } from '../../../shared/contract/app-error';
import { deviceFieldsSchema, type DeviceFields, type ImportOutcome, type ImportReport, type ImportRowReport } from '../../../shared/contract/assets';
import type { MethodArgs } from '../../../shared/contract';
import { deviceStatuses, deviceStatusLabels, type DeviceStatus } from '../../../shared/domain/assets/device-status';
import { calendarDayText } from '../../../shared/domain/calendar/calendar-day';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import { type DeviceColumnKey, matchColumns } from './device-columns';
import { readSheet } from './device-file-format';
import { type CheckedDevice, insertCheckedDevices, loadCatalogNames } from './device-service';

type ImportFile = MethodArgs<'assets.importPreview'>;
type RowError = ImportRowReport['errors'][number];
type RawRow = { row: number; values: Partial<Record<DeviceColumnKey, string>> };

interface CheckedRow {
  report: ImportRowReport;
  /** The row's fields, parentId left null: set only while the row is still valid. */
  fields: DeviceFields | null;
  parentTag: string;
  /** Index of the row in the same file that is this row's parent, or -1. */
  fileParent: number;
}

/** Catalog names and ids, and status words, compare without case, spaces, "_" or "-". */
const lookupKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s_-]/g, '');

const statusByWord = new Map<string, DeviceStatus>(
  deviceStatuses.flatMap((s) => [s, deviceStatusLabels[s].zh, deviceStatusLabels[s].en].map((w) => [lookupKey(w), s] as const)),
);

/** Rows per `asset_tag in (…)` lookup. */
const lookupChunk = 500;

export async function previewImport(ctx: CoreContext, file: ImportFile): Promise<ImportReport> {
  const { rows, ignored } = await parseFile(file);
  const checked = await checkRows(ctx.db, rows);
  const valid = checked.filter((r) => r.report.ok).length;
  return {
    fileName: file.fileName,
    total: checked.length,
    valid,
    invalid: checked.length - valid,
    rows: checked.map((r) => r.report),
    ignoredColumns: ignored,
  };
}

export async function commitImport(ctx: CoreContext, call: CallContext, input: MethodArgs<'assets.importCommit'>): Promise<ImportOutcome> {
  const { fileName } = input.file;
  const { rows } = await parseFile(input.file);
  const { ids, skipped } = await inTransaction(ctx, async (trx, journal) => {
    // Checked again inside the transaction: the register may have changed since the preview.
    const checked = await checkRows(trx, rows);
    const rejected = checked.filter((r) => !r.report.ok).map((r) => r.report.row);
    if (rejected.length > 0 && !input.skipInvalid) {
      throw new AppError('import_has_invalid_rows', 'import_has_invalid_rows', { invalid: rejected.length });
    }
    const plan = await planInserts(ctx, trx, checked);
    if (plan.length === 0) return { ids: [], skipped: rejected.length };
    const devices = await insertCheckedDevices(ctx, trx, plan, await loadCatalogNames(trx));
    for (const { id, createdAt, updatedAt, ...fields } of devices) {
      const payload = { ...fields, source: 'import', fileName };
      await journal({ type: 'device.created', entityType: 'device', entityId: id, payload, operator: call.operator });
    }
    const summary = { fileName, imported: devices.length, skipped: rejected.length, skippedRows: rejected };
    await journal({ type: 'assets.imported', entityType: 'import', entityId: ctx.newId(), payload: summary, operator: call.operator });
    return { ids: devices.map((d) => d.id), skipped: rejected.length };
  });
  if (ids.length > 0) ctx.emit('assets.changed', { ids });
  return { imported: ids.length, skipped };
}

async function parseFile(file: ImportFile): Promise<{ rows: RawRow[]; ignored: string[] }> {
  const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
  const { keys, ignored } = matchColumns(sheet.header);
  const rows = sheet.rows.map(({ row, cells }) => {
    const values: RawRow['values'] = {};
    keys.forEach((key, i) => {
      if (key) values[key] = cells[i] ?? '';
    });
    return { row, values };
  });
  return { rows, ignored };
}

interface CatalogIndex {
  system(text: string): string | undefined;
  type(systemId: string, text: string): string | undefined;
}

/** Systems and types by id, Chinese or English name; an id wins over a name that happens to match it. */
async function loadCatalogIndex(db: Db | Trx): Promise<CatalogIndex> {
  const [systems, types] = await Promise.all([
    db.selectFrom('catalog_system').select(['id', 'name_zh', 'name_en']).orderBy('sort').execute(),
    db.selectFrom('catalog_type').select(['system_id', 'id', 'name_zh', 'name_en']).orderBy('sort').execute(),
  ]);
  const sys = new Map<string, string>();
  const typ = new Map<string, string>();
  for (const pick of ['id', 'name_zh', 'name_en'] as const) {
    for (const s of systems) if (!sys.has(lookupKey(s[pick]))) sys.set(lookupKey(s[pick]), s.id);
    for (const t of types) {
      const key = `${t.system_id}\u0000${lookupKey(t[pick])}`;
      if (!typ.has(key)) typ.set(key, t.id);
    }
  }
  return { system: (text) => sys.get(lookupKey(text)), type: (systemId, text) => typ.get(`${systemId}\u0000${lookupKey(text)}`) };
}

/** Accepts 2024-03-05, 2024/3/5, 2024.3.5 and 2024年3月5日 (a time after it is ignored); null for no real date. */
function parseDay(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\S*)?$/.exec(text);
  return m ? calendarDayText(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const fieldColumn: Partial<Record<string, DeviceColumnKey>> = { systemId: 'system', typeId: 'type', parentId: 'parentAssetTag' };

/** One row on its own: catalog words to ids, status words, dates, then the contract's schema. */
function checkRowFields(raw: RawRow, catalog: CatalogIndex): { fields: DeviceFields | null; errors: RowError[] } {
  const v = (key: DeviceColumnKey) => raw.values[key] ?? '';
  const errors: RowError[] = [];
  const fail = (field: DeviceColumnKey, code: string, params?: RowError['params']) => errors.push({ field, code, ...(params ? { params } : {}) });

  const systemId = v('system') === '' ? undefined : catalog.system(v('system'));
  if (v('system') === '') fail('system', 'required');
  else if (!systemId) fail('system', 'unknown_system', { value: v('system') });
  const typeId = v('type') === '' || !systemId ? null : (catalog.type(systemId, v('type')) ?? null);
  if (systemId && v('type') !== '' && !typeId) fail('type', 'unknown_type', { value: v('type') });
  const status = v('status') === '' ? 'in_service' : statusByWord.get(lookupKey(v('status')));
  if (!status) fail('status', 'unknown_status', { value: v('status') });
  const dates = { installDate: null as string | null, warrantyEnd: null as string | null };
  for (const key of ['installDate', 'warrantyEnd'] as const) {
    dates[key] = v(key) === '' ? null : parseDay(v(key));
    if (v(key) !== '' && !dates[key]) fail(key, 'bad_date', { value: v(key) });
  }

  const parsed = deviceFieldsSchema.safeParse({
    name: v('name'), systemId: systemId ?? '', typeId, brand: v('brand'), model: v('model'), serialNo: v('serialNo'),
    assetTag: v('assetTag'), building: v('building'), floor: v('floor'), room: v('room'), rack: v('rack'),
    address: v('address'), ...dates, status: status ?? 'in_service', notes: v('notes'), parentId: null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? '');
      const field = fieldColumn[path] ?? (path as DeviceColumnKey);
      if (errors.some((e) => e.field === field)) continue;
      if (issue.code === 'too_small') fail(field, 'required');
      else if (issue.code === 'too_big') fail(field, 'too_long', { max: Number(issue.maximum) });
      else fail(field, 'invalid', { message: issue.message });
    }
  }
  return { fields: parsed.success && errors.length === 0 ? parsed.data : null, errors };
}

/** Which of these tags the register holds already, and under which device id. */
async function registeredTags(db: Db | Trx, tags: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(tags)].filter((t) => t !== '');
  const found = new Map<string, string>();
  for (let i = 0; i < all.length; i += lookupChunk) {
    const rows = await db.selectFrom('device').select(['id', 'asset_tag']).where('asset_tag', 'in', all.slice(i, i + lookupChunk)).execute();
    for (const r of rows) found.set(r.asset_tag, r.id);
  }
  return found;
}

/** Every row checked on its own, then against the register and the rest of the file. */
async function checkRows(db: Db | Trx, rows: RawRow[]): Promise<CheckedRow[]> {
  const catalog = await loadCatalogIndex(db);
  const firstWithTag = new Map<string, number>();
  const checked = rows.map((raw, i): CheckedRow => {
    const { fields, errors } = checkRowFields(raw, catalog);
    const assetTag = raw.values.assetTag ?? '';
    if (assetTag !== '' && !firstWithTag.has(assetTag)) firstWithTag.set(assetTag, i);
    const report = { row: raw.row, ok: false, name: raw.values.name ?? '', assetTag, errors };
    return { report, fields, parentTag: raw.values.parentAssetTag ?? '', fileParent: -1 };
  });
  const inRegister = await registeredTags(db, checked.flatMap((r) => [r.report.assetTag, r.parentTag]));

  checked.forEach((r, i) => {
    const reject = (field: DeviceColumnKey, code: string, params: RowError['params']) => {
      r.report.errors.push({ field, code, params });
      r.fields = null;
    };
    const tag = r.report.assetTag;
    if (inRegister.has(tag)) reject('assetTag', 'asset_tag_taken', { assetTag: tag });
    else if (tag !== '' && firstWithTag.get(tag) !== i) {
      reject('assetTag', 'asset_tag_duplicate_in_file', { assetTag: tag, row: checked[firstWithTag.get(tag)!]!.report.row });
    }
    if (r.parentTag === '') return;
    // A parent already in the register wins over a row of the file that repeats its tag.
    const registered = inRegister.get(r.parentTag);
    if (r.parentTag === tag) reject('parentAssetTag', 'parent_loop', { assetTag: r.parentTag });
    else if (registered) r.fields &&= { ...r.fields, parentId: registered };
    else if (firstWithTag.has(r.parentTag)) r.fileParent = firstWithTag.get(r.parentTag)!;
    else reject('parentAssetTag', 'unknown_parent', { assetTag: r.parentTag });
  });
  rejectBrokenLineage(checked);
  for (const r of checked) r.report.ok = r.fields !== null;
  return checked;
}

/**
 * A row whose parent (in the same file) is rejected is rejected too, and so are rows whose parents
 * form a loop. Each chain is walked once, without recursion, so a deep chain cannot overflow the stack.
 */
function rejectBrokenLineage(rows: CheckedRow[]): void {
  const settled = new Uint8Array(rows.length);
  const onPath = new Uint8Array(rows.length);
  rows.forEach((_, start) => {
    const path: number[] = [];
    let j = start;
    while (!settled[j] && !onPath[j] && rows[j]!.fields && rows[j]!.fileParent >= 0) {
      onPath[j] = 1;
      path.push(j);
      j = rows[j]!.fileParent;
    }
    for (const k of path) onPath[k] = 0;
    const loopStart = settled[j] ? -1 : path.indexOf(j);
    const loop = loopStart >= 0 ? path.splice(loopStart) : [];
    for (const k of loop) {
      rows[k]!.report.errors.push({ field: 'parentAssetTag', code: 'parent_loop', params: { assetTag: rows[k]!.parentTag } });
      rows[k]!.fields = null;
      settled[k] = 1;
    }
    let parentOk = rows[j]!.fields !== null;
    for (const k of path.reverse()) {
      const row = rows[k]!;
      if (!parentOk) {
        const parent = rows[row.fileParent]!.report.row;
        row.report.errors.push({ field: 'parentAssetTag', code: 'parent_rejected', params: { assetTag: row.parentTag, row: parent } });
        row.fields = null;
      }
      parentOk = row.fields !== null;
      settled[k] = 1;
    }
    settled[start] = 1;
  });
}

/** The valid rows with their ids and tags settled, each after its parent, in file order otherwise. */
async function planInserts(ctx: CoreContext, trx: Trx, rows: CheckedRow[]): Promise<CheckedDevice[]> {
  const valid = rows.filter((r) => r.fields !== null);
  const fileTags = new Set(rows.map((r) => r.report.assetTag));
  const freeTags = (await nextFreeTags(trx, valid.filter((r) => r.fields!.assetTag === '').length, fileTags)).values();
  const ids = new Map<CheckedRow, string>(valid.map((r) => [r, ctx.newId()]));
  const planned = new Set<CheckedRow>();
  const plan: CheckedDevice[] = [];
  for (const first of valid) {
    const chain: CheckedRow[] = [];
    for (let r: CheckedRow | undefined = first; r && !planned.has(r); r = r.fileParent >= 0 ? rows[r.fileParent] : undefined) chain.push(r);
    for (const r of chain.reverse()) {
      planned.add(r);
      const fields = r.fields!;
      const parentId = r.fileParent >= 0 ? ids.get(rows[r.fileParent]!)! : fields.parentId;
      plan.push({ id: ids.get(r)!, fields: { ...fields, assetTag: fields.assetTag || freeTags.next().value!, parentId } });
    }
  }
  return plan;
}

/** Tags for rows that bring none, numbered as the register numbers them, clear of the register and of the file. */
async function nextFreeTags(trx: Trx, count: number, fileTags: ReadonlySet<string>): Promise<string[]> {
  if (count === 0) return [];
  const last = await trx.selectFrom('device').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  const free: string[] = [];
  for (let n = (last?.seq ?? 0) + 1; free.length < count; ) {
    const candidates: string[] = [];
    for (; candidates.length < count - free.length; n += 1) {
      const tag = `ZC-${String(n).padStart(6, '0')}`;
      if (!fileTags.has(tag)) candidates.push(tag);
    }
    const taken = await registeredTags(trx, candidates);
    free.push(...candidates.filter((t) => !taken.has(t)));
  }
  return free;
}
