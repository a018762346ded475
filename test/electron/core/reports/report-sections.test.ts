import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile, MonthlyReport, ReportOverview } from '../../../../shared/contract';
import { pageSessions } from '../../../support/page-sessions';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('the reports: service history, the workbook, the monthly suggestions, who may see them', () => {
  let t: TempCore;
  const pages = pageSessions(() => t.core);
  let now = 0;
  const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
  const november = { from: '2026-11-01', to: '2026-11-30' };

  beforeEach(async () => {
    now = at(3, 9);
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  const overview = (filter: Record<string, unknown> = {}) => t.call('reports.overview', { filter: { ...november, ...filter } }) as Promise<ReportOverview>;

  it('counts spare parts taken out and put in, maintenance due and done in time, and problem records, in the period', async () => {
    // The stock taken in October is before the period.
    now = new Date(2026, 9, 30, 9).getTime();
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 10, minimum: 2 });
    now = at(10, 9);
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 7, minimum: 2, reason: '更换 3 块硬盘' });
    await t.call('spares.set', { systemId: 'cctv', typeId: 'psu', quantity: 1, minimum: 1 });
    now = at(11, 9);
    await t.call('spares.set', { systemId: 'cctv', typeId: 'psu', quantity: 0, minimum: 1 });
    // A repair takes two camera power supplies from the stock; one of those parts was recorded by mistake and is withdrawn.
    await t.call('spares.set', { systemId: 'cctv', typeId: 'camera-psu', quantity: 4, minimum: 1 });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '摄像机无图像', reporter: '王保安', level: 'III' });
    const lens = { incidentId: incident.id, kind: 'main', name: '摄像机电源', quantity: 1, unitCostFen: 3_000, source: 'stock', systemId: 'cctv', typeId: 'camera-psu' } as const;
    await t.call('repairs.recordPart', lens);
    const mistaken = await t.call('repairs.recordPart', lens);
    await t.call('repairs.withdrawPart', { partId: mistaken.id, reason: '重复登记' });
    // December's change is outside the period.
    now = new Date(2026, 11, 2, 9).getTime();
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 5, minimum: 2 });

    now = at(12, 9);
    const onTime = await t.call('maintenance.createTask', { kind: 'visit', title: '客服经理回访', dueOn: '2026-11-12', systemId: 'cctv' });
    await t.call('maintenance.finishTask', { id: onTime.id });
    const late = await t.call('maintenance.createTask', { kind: 'visit', title: '月度回访', dueOn: '2026-11-05', systemId: 'cctv' });
    now = at(20, 9);
    await t.call('maintenance.finishTask', { id: late.id });
    await t.call('maintenance.createTask', { kind: 'visit', title: '未做的回访', dueOn: '2026-11-15', systemId: 'cctv' });
    await t.call('maintenance.createTask', { kind: 'visit', title: '下月回访', dueOn: '2026-11-28', systemId: 'cctv' });

    await t.call('consultations.record', { askedBy: '前台', channel: 'hotline', question: '如何回放录像', answer: '在录像机上选择回放', answeredBy: '李工', systemId: 'cctv' });
    await t.call('defects.submit', { title: '录像丢帧', description: '夜间录像丢帧', submitter: '王保安', systemId: 'cctv' });
    await t.call('defects.submit', { title: '门禁误报', description: '门禁夜间误报', submitter: '王保安', systemId: 'access-control' });

    const o = await overview();
    expect(o.spareUse).toEqual([
      { systemId: 'cctv', typeId: 'hard-disk', used: 3, added: 0 },
      { systemId: 'cctv', typeId: 'camera-psu', used: 1, added: 4 },
      { systemId: 'cctv', typeId: 'psu', used: 1, added: 1 },
    ]);
    // Due in November: four; two done, one of them by its deadline; one past its deadline now (the 20th), one not yet.
    expect(o.maintenance).toEqual({ planned: 4, done: 2, onTime: 1, overdue: 1 });
    expect(o.problems).toMatchObject({ consultations: 1, defects: 2 });
    expect(o.problems.defectsByState.find((d) => d.state === 'submitted')).toEqual({ state: 'submitted', count: 2 });

    const cctv = await overview({ systemId: 'cctv' });
    expect(cctv.problems.defects).toBe(1);
    expect((await overview({ systemId: 'access-control' })).spareUse).toEqual([]);
    expect((await overview({ from: '2026-12-01', to: '2026-12-31' })).spareUse).toEqual([{ systemId: 'cctv', typeId: 'hard-disk', used: 2, added: 0 }]);
    // Every day of the period has its row, alarms or not.
    expect(o.alarmsPerDay).toHaveLength(30);
    expect(o.alarmsPerDay[0]).toEqual({ day: '2026-11-01', critical: 0, major: 0, minor: 0, info: 0 });
  });

  it('exports every table to an .xlsx that reads back with the same figures, and journals who took it', async () => {
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '录像机黑屏', reporter: '王保安', level: 'II' });
    now += 45 * 60_000;
    await t.call('incidents.act', { id: incident.id, action: 'respond' });
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 4, minimum: 1 });
    await t.call('spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 1, minimum: 1 });

    const file = (await t.call('reports.export', { filter: november, lang: 'zh' })) as ExportFile;
    expect(file.fileName).toBe('SLA与服务报表-2026-11-01-2026-11-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      expect(sheet, name).toBeDefined();
      return (sheet!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    };
    const byLevel = rows('SLA-按级别');
    expect(byLevel[0]!.slice(0, 6)).toEqual(['级别', '事件数', '响应 按时', '响应 超时', '响应 未到期', '响应 达标率']);
    // Level II: one incident, its response 15 min late: none met, one missed, share 0.
    expect(byLevel[2]!.slice(0, 6)).toEqual(['II 严重', 1, 0, 1, 0, 0]);
    expect(workbook.getWorksheet('SLA-按级别')!.getRow(3).getCell(6).numFmt).toBe('0.0%');
    expect(byLevel.at(-1)!.slice(0, 2)).toEqual(['全部', 1]);
    expect(rows('超时明细')[1]!.slice(0, 5)).toEqual([incident.number, incident.title, 'II', '安防监控系统', '响应']);
    expect(rows('超时明细')[1]![7]).toBe(15);
    expect(rows('备件使用')).toEqual([['系统', '备件类型', '领用', '入库'], ['安防监控系统', '硬盘', 3, 4]]);
    expect(rows('每日报警')).toHaveLength(31);

    const english = (await t.call('reports.export', { filter: november, lang: 'en' })) as ExportFile;
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(Buffer.from(english.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(en.worksheets.map((s) => s.name)).toContain('SLA by level');

    const journal = await t.call('journal.list', { typePrefix: 'reports.exported', limit: 10 });
    expect(journal).toHaveLength(2);
    expect(journal[1]).toMatchObject({ operator: 'tester', payload: { fileName: file.fileName, filter: { ...november, systemId: null, location: '' } } });
  });

  it('keeps the suggestions per month, journals each save with the text it replaced, and prints them in that month only', async () => {
    const saved = await t.call('reports.saveSuggestions', { month: '2026-11', text: '  建议更换 3 号机房老化硬盘。 ' });
    expect(saved).toEqual({ month: '2026-11', text: '建议更换 3 号机房老化硬盘。', savedAt: now, savedBy: 'tester' });
    now += 60_000;
    await t.call('reports.saveSuggestions', { month: '2026-11', text: '建议更换硬盘，并加装温度监测。' });

    const report = (await t.call('reports.monthly', { month: '2026-11' })) as MonthlyReport;
    expect(report.suggestions).toEqual({ month: '2026-11', text: '建议更换硬盘，并加装温度监测。', savedAt: now, savedBy: 'tester' });
    expect(report.overview.filter).toEqual({ from: '2026-11-01', to: '2026-11-30', systemId: null, location: '' });
    expect(((await t.call('reports.monthly', { month: '2026-10' })) as MonthlyReport).suggestions).toEqual({ month: '2026-10', text: '', savedAt: null, savedBy: null });

    const journal = await t.call('journal.list', { entityType: 'service_report', entityId: '2026-11', limit: 10 });
    expect(journal.map((e) => [e.type, e.payload])).toEqual([
      ['reports.suggestions_saved', { month: '2026-11', from: '建议更换 3 号机房老化硬盘。', text: '建议更换硬盘，并加装温度监测。' }],
      ['reports.suggestions_saved', { month: '2026-11', from: null, text: '建议更换 3 号机房老化硬盘。' }],
    ]);

    // A month that does not exist, or text too long: refused, nothing saved or journaled.
    const before = await t.call('journal.list', { limit: 100 });
    expect(await t.core.call('reports.saveSuggestions', { month: '2026-13', text: 'x' }, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.core.call('reports.saveSuggestions', { month: '2026-11', text: 'x'.repeat(8001) }, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.call('journal.list', { limit: 100 })).toEqual(before);
  });

  it('lets supervisors and administrators read and export the reports, never a guard or an engineer', async () => {
    const { admin } = await pages.staff([['guard', 'duty_guard'], ['eng', 'engineer'], ['boss', 'supervisor']]);
    const calls: [string, unknown][] = [
      ['reports.overview', { filter: november }],
      ['reports.export', { filter: november }],
      ['reports.monthly', { month: '2026-11' }],
      ['reports.saveSuggestions', { month: '2026-11', text: '建议' }],
    ];
    for (const name of ['guard', 'eng']) {
      const page = await pages.signedIn(name, `${name}-pass-1`);
      for (const [method, input] of calls) expect(await page.call(method, input), `${name} ${method}`).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    }
    expect((await t.call('reports.monthly', { month: '2026-11' })).suggestions.text).toBe('');
    const boss = await pages.signedIn('boss', 'boss-pass-1');
    for (const [method, input] of calls) expect(await boss.call(method, input), `boss ${method}`).toMatchObject({ ok: true });
    expect(await admin.call('reports.overview', { filter: november })).toMatchObject({ ok: true });
    expect((await t.call('reports.monthly', { month: '2026-11' })).suggestions).toMatchObject({ text: '建议', savedBy: 'boss' });
  });
});
