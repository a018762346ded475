import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

/** A file as the UI sends it: the name and the bytes in base64. */
function file(fileName: string, bytes: Buffer | string) {
  return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
}

const csv = (lines: string[]) => lines.join('\r\n');

/** GB18030 bytes for a text, by inverting the decoder over the two-byte (GBK) range. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail !== 0x7f) codes.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : codes.get(ch)!)));
}

describe('device import', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  const goodAndBad = file(
    'devices.csv',
    csv([
      '名称,系统,类型,资产编号,状态,安装日期',
      '中心机房硬盘录像机,安防监控系统,硬盘录像机,A-1,在用,2024-03-05',
      '大堂摄像机,cctv,camera,A-2,faulty,2024/3/6',
      '坏行,不存在的系统,,A-3,,',
      '门禁控制器,Access control,Controller,A-4,Spare,2024-02-30',
    ]),
  );

  it('reports each rejected row by its spreadsheet row number and the reason, and changes nothing', async () => {
    const report = await t.call('assets.importPreview', goodAndBad);
    expect(report).toMatchObject({ fileName: 'devices.csv', total: 4, valid: 2, invalid: 2, ignoredColumns: [] });
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, true], [4, false], [5, false]]);
    expect(report.rows[2]).toMatchObject({ name: '坏行', assetTag: 'A-3', errors: [{ field: 'system', code: 'unknown_system', params: { value: '不存在的系统' } }] });
    expect(report.rows[3]!.errors).toEqual([{ field: 'installDate', code: 'bad_date', params: { value: '2024-02-30' } }]);
    expect((await t.call('assets.search', {})).total).toBe(0);
  });

  it('imports nothing from a file with invalid rows until the user accepts skipping them', async () => {
    await t.call('assets.create', { name: '已有设备', systemId: 'cctv' });
    const journalBefore = await t.call('journal.verify', {});
    const refused = await t.core.call('assets.importCommit', { file: goodAndBad }, { operator: 'tester' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_has_invalid_rows', params: { invalid: 2 } } });
    expect((await t.call('assets.search', {})).total).toBe(1);
    expect(await t.call('journal.verify', {})).toEqual(journalBefore);
  });

  it('imports only the valid rows when told to skip the rest, journaling each device and the import', async () => {
    const events: unknown[] = [];
    t.core.onEvent((event, payload) => {
      if (event === 'assets.changed') events.push(payload);
    });
    const outcome = await t.call('assets.importCommit', { file: goodAndBad, skipInvalid: true });
    expect(outcome).toEqual({ imported: 2, skipped: 2 });
    const { items } = await t.call('assets.search', {});
    expect(items.map((d) => [d.assetTag, d.systemId, d.typeId, d.status, d.installDate]).sort()).toEqual([
      ['A-1', 'cctv', 'dvr', 'in_service', '2024-03-05'],
      ['A-2', 'cctv', 'camera', 'faulty', '2024-03-06'],
    ]);
    const history = await t.call('assets.history', { id: items[0]!.id });
    expect(history[0]).toMatchObject({ type: 'device.created', operator: 'tester', payload: { source: 'import', fileName: 'devices.csv' } });
    const [summary] = await t.call('journal.list', { entityType: 'import' });
    expect(summary).toMatchObject({ type: 'assets.imported', payload: { fileName: 'devices.csv', imported: 2, skipped: 2, skippedRows: [4, 5] } });
    expect(events).toEqual([{ ids: expect.arrayContaining(items.map((d) => d.id)) }]);
    expect((await t.call('journal.verify', {})).ok).toBe(true);
  });

  it('gives every kind of bad cell its own stable code', async () => {
    const report = await t.call(
      'assets.importPreview',
      file(
        'bad.csv',
        csv([
          'name,system,type,status,warranty end,notes',
          ',cctv,,,,',
          'x,cctv,不是类型,,,',
          'x,cctv,,broken,,',
          'x,cctv,,,31/12/2025,',
          `x,cctv,,,,${'长'.repeat(2001)}`,
        ]),
      ),
    );
    expect(report.rows.map((r) => r.errors.map((e) => `${e.field}:${e.code}`))).toEqual([
      ['name:required'],
      ['type:unknown_type'],
      ['status:unknown_status'],
      ['warrantyEnd:bad_date'],
      ['notes:too_long'],
    ]);
    expect(report.rows[4]!.errors[0]!.params).toEqual({ max: 2000 });
  });

  it('rejects an asset tag the register holds or the file repeats, naming the first row that has it', async () => {
    await t.call('assets.create', { name: '已有', systemId: 'cctv', assetTag: 'T-1' });
    const report = await t.call('assets.importPreview', file('tags.csv', csv(['名称,系统,资产编号', 'a,cctv,T-1', 'b,cctv,T-2', 'c,cctv,T-2'])));
    expect(report.rows.map((r) => r.errors)).toEqual([
      [{ field: 'assetTag', code: 'asset_tag_taken', params: { assetTag: 'T-1' } }],
      [],
      [{ field: 'assetTag', code: 'asset_tag_duplicate_in_file', params: { assetTag: 'T-2', row: 3 } }],
    ]);
  });

  it('links children to parents by asset tag, in the register or anywhere in the file, parents inserted first', async () => {
    const rack = await t.call('assets.create', { name: '机柜交换机', systemId: 'cabling-network', assetTag: 'SW-1' });
    const lines = [
      '名称,系统,类型,资产编号,上级设备资产编号',
      '硬盘 1,cctv,hard-disk,HD-1,NVR-1',
      '光电收发器,cabling-network,media-converter,MC-1,SW-1',
      '硬盘录像机,cctv,dvr,NVR-1,',
      '硬盘 2,cctv,hard-disk,,NVR-1',
    ];
    expect(await t.call('assets.importCommit', { file: file('tree.csv', csv(lines)) })).toEqual({ imported: 4, skipped: 0 });
    const { items } = await t.call('assets.search', { limit: 10 });
    const byName = new Map(items.map((d) => [d.name, d]));
    const nvr = byName.get('硬盘录像机')!;
    expect(byName.get('硬盘 1')!.parentId).toBe(nvr.id);
    expect(byName.get('硬盘 2')!.parentId).toBe(nvr.id);
    expect(byName.get('光电收发器')!.parentId).toBe(rack.id);
    expect(nvr.childCount).toBe(2);
    expect(byName.get('硬盘 2')!.assetTag).toMatch(/^ZC-\d{6}$/);
  });

  it('rejects rows whose parents form a loop or are missing, and the children of rejected rows', async () => {
    const lines = ['名称,系统,资产编号,上级设备资产编号', 'a,cctv,A,B', 'b,cctv,B,A', 'c,cctv,C,A', 'd,cctv,D,NOPE', 'e,cctv,E,D', 'f,cctv,F,F'];
    const report = await t.call('assets.importPreview', file('loop.csv', csv(lines)));
    expect(report.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
      ['parent_loop'], ['parent_loop'], ['parent_rejected'], ['unknown_parent'], ['parent_rejected'], ['parent_loop'],
    ]);
    expect(report.rows[4]!.errors[0]!.params).toEqual({ assetTag: 'D', row: 5 });
  });

  it('assigns register tags to rows without one, clear of the tags the file itself uses', async () => {
    const lines = ['名称,系统,资产编号', 'a,cctv,', 'b,cctv,ZC-000001', 'c,cctv,'];
    await t.call('assets.importCommit', { file: file('auto.csv', csv(lines)) });
    const { items } = await t.call('assets.search', {});
    expect(items.map((d) => d.assetTag).sort()).toEqual(['ZC-000001', 'ZC-000002', 'ZC-000003']);
  });

  it('matches English headers and aliases in any case and spacing, and lists the columns it ignores', async () => {
    const lines = [
      'Device Name, SYSTEM ,type,Serial_No,ASSET TAG,IP Address,Installation Date,Warranty,Parent Tag,Colour',
      'Core switch,Structured cabling and network,Core switch,SN-9,N-1,10.0.0.1,2023-01-02,2026-01-01,,grey',
    ];
    const report = await t.call('assets.importPreview', file('english.csv', csv(lines)));
    expect(report).toMatchObject({ valid: 1, invalid: 0, ignoredColumns: ['Colour'] });
    await t.call('assets.importCommit', { file: file('english.csv', csv(lines)) });
    const [device] = (await t.call('assets.search', {})).items;
    expect(device).toMatchObject({
      name: 'Core switch', systemId: 'cabling-network', typeId: 'core-switch', serialNo: 'SN-9', assetTag: 'N-1',
      address: '10.0.0.1', installDate: '2023-01-02', warrantyEnd: '2026-01-01', status: 'in_service',
    });
  });

  it('rejects a whole file that lacks a required column, has no data rows or cannot be read', async () => {
    const missing = await t.core.call('assets.importPreview', file('a.csv', csv(['名称,类型', 'x,dvr'])), { operator: 'x' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'import_missing_column', params: { column: 'system' } } });
    const empty = await t.core.call('assets.importPreview', file('b.csv', csv(['名称,系统', ',', ''])), { operator: 'x' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'import_empty' } });
    const garbage = await t.core.call('assets.importPreview', file('c.xlsx', 'not a zip file'), { operator: 'x' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'import_unreadable' } });
  });

  it('reads a CSV saved as GB18030 by Excel in China, and UTF-8 with a byte-order mark', async () => {
    const text = csv(['名称,系统,类型,楼宇,状态', '报警主机,报警系统,报警主机,主楼,维修中']);
    for (const bytes of [gb18030(text), Buffer.from(`\uFEFF${text}`, 'utf8')]) {
      const report = await t.call('assets.importPreview', file('cn.csv', bytes));
      expect(report).toMatchObject({ valid: 1, ignoredColumns: [], rows: [{ name: '报警主机' }] });
    }
    await t.call('assets.importCommit', { file: file('cn.csv', gb18030(text)) });
    const [device] = (await t.call('assets.search', {})).items;
    expect(device).toMatchObject({ name: '报警主机', systemId: 'intrusion', typeId: 'alarm-panel', building: '主楼', status: 'under_repair' });
  });

  it('reads the first sheet of an .xlsx workbook, turning dates, numbers, rich text and formulas into text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('设备');
    workbook.addWorksheet('其他').addRow(['ignored']);
    sheet.addRow(['名称', '系统', '类型', '楼层', '序列号', '安装日期', '备注']);
    sheet.addRow([
      { richText: [{ text: '大堂' }, { text: '摄像机', font: { bold: true } }] },
      'cctv',
      { formula: '"cam"&"era"', result: 'camera' },
      3,
      12345678,
      new Date(Date.UTC(2024, 2, 5)),
      { text: '说明书', hyperlink: 'https://example.com' },
    ]);
    sheet.addRow([]);
    sheet.addRow(['机房空调', 'building-automation', 'precision-ac']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await t.call('assets.importPreview', file('设备.xlsx', bytes));
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [4, true]]);
    await t.call('assets.importCommit', { file: file('设备.xlsx', bytes) });
    const found = (await t.call('assets.search', { q: '大堂' })).items[0];
    expect(found).toMatchObject({ name: '大堂摄像机', typeId: 'camera', floor: '3', serialNo: '12345678', installDate: '2024-03-05', notes: '说明书' });
  });
});
