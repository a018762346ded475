// Exporting the register (or a filtered part of it) to CSV or Excel, in the columns import reads back.
import type { Device, ExportFile } from '../../../shared/contract/assets';
import type { MethodArgs } from '../../../shared/contract';
import { deviceStatusLabels } from '../../../shared/domain/assets/device-status';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { columnHeader, type DeviceColumnKey, deviceColumns } from './device-columns';
import { type SheetOut, sheetMime, writeCsv, writeXlsx } from './device-file-format';
import { filteredDevices, loadCatalogNames, toDevice } from './device-service';

const fileStem = { zh: '设备档案', en: 'devices' } as const;
const sheetName = { zh: '设备档案', en: 'Devices' } as const;
const dateColumns: readonly DeviceColumnKey[] = ['installDate', 'warrantyEnd'];

/**
 * The customer's register leaves the machine in the file (保密: "不得随意复制和传播"): who exported, with what
 * filter, and how many devices is journaled before the file is handed over; no entry, no file.
 */
export async function exportDevices(ctx: CoreContext, call: CallContext, input: MethodArgs<'assets.export'>): Promise<ExportFile> {
  const { format, lang } = input;
  const rows = await filteredDevices(ctx.db, input.filter)
    .leftJoin('device as p', 'p.id', 'd.parent_id')
    .selectAll('d')
    .select('p.asset_tag as parent_asset_tag')
    .orderBy('d.seq')
    .execute();
  const names = await loadCatalogNames(ctx.db);
  // loadCatalogNames answers [Chinese, English]; an entry it does not know is written as its id.
  const nameOf = (found: string[], id: string) => found[lang === 'zh' ? 0 : 1] ?? id;
  const text = (d: Device, parentTag: string | null): Record<DeviceColumnKey, string> => ({
    name: d.name,
    system: nameOf(names.system(d.systemId), d.systemId),
    type: d.typeId ? nameOf(names.type(d.systemId, d.typeId), d.typeId) : '',
    brand: d.brand,
    model: d.model,
    serialNo: d.serialNo,
    assetTag: d.assetTag,
    building: d.building,
    floor: d.floor,
    room: d.room,
    rack: d.rack,
    address: d.address,
    installDate: d.installDate ?? '',
    warrantyEnd: d.warrantyEnd ?? '',
    status: deviceStatusLabels[d.status][lang],
    notes: d.notes,
    parentAssetTag: parentTag ?? '',
  });
  const out: SheetOut = {
    header: deviceColumns.map((c) => columnHeader(c, lang)),
    rows: rows.map(({ parent_asset_tag, ...r }) => {
      const cells = text(toDevice(r), parent_asset_tag);
      return deviceColumns.map((c) => cells[c.key]);
    }),
    dateColumns: new Set(deviceColumns.flatMap((c, i) => (dateColumns.includes(c.key) ? [i] : []))),
    sheetName: sheetName[lang],
  };
  const bytes = format === 'csv' ? writeCsv(out) : await writeXlsx(out);
  const fileName = `${fileStem[lang]}-${localDay(ctx.clock.now())}.${format}`;
  await inTransaction(ctx, async (_trx, journal) => {
    const payload = { fileName, format, filter: input.filter, count: rows.length, bytes: bytes.length };
    await journal({ type: 'assets.exported', entityType: 'export', entityId: ctx.newId(), payload, operator: call.operator });
  });
  return { fileName, mime: sheetMime[format], contentBase64: bytes.toString('base64'), count: rows.length };
}

/** The day on the console's own calendar, as the people who file the export read it. */
function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
