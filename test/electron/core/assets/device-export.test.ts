import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/contract/assets';
import { startTempCore, type TempCore } from '../../../support/temp-core';

// Noon UTC on 25 November 2026: the same calendar day in every time zone a test machine is likely in.
const clock = { now: () => Date.UTC(2026, 10, 25, 12) };

async function allDevices(t: TempCore): Promise<Device[]> {
  return (await t.call('assets.search', { limit: 500 })).items;
}

/** A device as a person compares it across registers: no ids or times, the parent by its tag. */
function comparable(devices: Device[]) {
  const tagOf = new Map(devices.map((d) => [d.id, d.assetTag]));
  return devices
    .map(({ id, createdAt, updatedAt, parentId, ...fields }) => ({ ...fields, parent: parentId ? tagOf.get(parentId) : null }))
    .sort((a, b) => a.assetTag.localeCompare(b.assetTag));
}

describe('device export', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore({ clock });
    const dvr = await t.call('assets.create', {
      name: '中心机房硬盘录像机', systemId: 'cctv', typeId: 'dvr', brand: '大华', model: 'DH-NVR4208', serialNo: 'SN, "quoted"',
      assetTag: 'NVR-1', building: '主楼', floor: '-1', room: '中心机房', rack: 'R01', address: '192.168.1.20',
      installDate: '2024-03-05', warrantyEnd: '2027-03-04', status: 'under_repair', notes: '第一行\n第二行',
    });
    await t.call('assets.create', { name: '硬盘 1', systemId: 'cctv', typeId: 'hard-disk', assetTag: 'HD-1', parentId: dvr.id, notes: '=1+2' });
    await t.call('assets.create', { name: 'UPS', systemId: 'building-automation', typeId: 'ups', status: 'spare', address: '+86 10 1234' });
    await t.call('assets.create', { name: '报警主机', systemId: 'intrusion', status: 'retired', brand: 'Bosch' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('writes a UTF-8 CSV with a byte-order mark, Chinese headers, Chinese names and formulas defused', async () => {
    const out = await t.call('assets.export', { format: 'csv', filter: { systemId: 'cctv' } });
    expect(out).toMatchObject({ fileName: '设备档案-2026-11-25.csv', mime: 'text/csv;charset=utf-8', count: 2 });
    const bytes = Buffer.from(out.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('名称,系统,类型,品牌,型号,序列号,资产编号,楼宇,楼层,房间,机柜,地址,安装日期,保修截止,状态,备注,上级设备资产编号');
    expect(lines[1]).toMatch(/^中心机房硬盘录像机,安防监控系统,硬盘录像机,大华,.*,维修中,/);
    // A cell Excel would run as a formula is written as text; a floor of "-1" is left as it is.
    expect(lines.at(-1)).toBe(`硬盘 1,安防监控系统,硬盘,,,,HD-1,,,,,,,,在用,"'=1+2",NVR-1`);
    expect(lines[1]).toContain(',主楼,-1,中心机房,');
  });

  it('writes an .xlsx with English headers in a bold, frozen first row and dates as real dates', async () => {
    const out = await t.call('assets.export', { format: 'xlsx', lang: 'en', filter: { status: 'under_repair' } });
    expect(out).toMatchObject({ fileName: 'devices-2026-11-25.xlsx', count: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Name');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(2).value).toBe('CCTV surveillance');
    expect(sheet.getRow(2).getCell(13).value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(sheet.getRow(2).getCell(15).value).toBe('Under repair');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`re-imports its own ${format} file in ${lang} into an empty register with every field the same`, async () => {
        const out = await t.call('assets.export', { format, lang, filter: {} });
        expect(out.count).toBe(4);
        const fresh = await startTempCore();
        try {
          const file = { fileName: out.fileName, contentBase64: out.contentBase64 };
          expect((await fresh.call('assets.importPreview', file)).invalid).toBe(0);
          expect(await fresh.call('assets.importCommit', { file })).toEqual({ imported: 4, skipped: 0 });
          expect(comparable(await allDevices(fresh))).toEqual(comparable(await allDevices(t)));
        } finally {
          await fresh.close();
        }
      });
    }
  }
});
