// The reports page as an .xlsx workbook: one sheet per table the page shows beside its chart, numbers as numbers.
import ExcelJS from 'exceljs';
import type { ExportFile, MethodArgs } from '../../../shared/contract';
import type { ReportOverview, SlaGroup } from '../../../shared/contract/reports';
import type { DefectState } from '../../../shared/domain/problems/defect-lifecycle';
import { milestoneKinds, type MilestoneKind } from '../../../shared/domain/incidents/sla-clock';
import { slaLevelDefinitions, isSlaLevel } from '../../../shared/domain/incidents/sla-levels';
import { complianceShare } from '../../../shared/domain/reports/sla-compliance';
import { loadCatalogNames } from '../assets/device-service';
import type { CallContext, CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { localDay } from './report-period';
import { reportOverview } from './report-service';

type Lang = 'zh' | 'en';
type Cell = string | number | null;

interface SheetSpec {
  name: string;
  header: string[];
  rows: Cell[][];
  /** Columns holding a share (0…1): shown as a percentage. */
  percent?: number[];
}

const words = {
  fileStem: { zh: 'SLA与服务报表', en: 'sla-and-service-report' },
  all: { zh: '全部', en: 'All' },
  incidents: { zh: '事件数', en: 'Incidents' },
  met: { zh: '按时', en: 'met' },
  missed: { zh: '超时', en: 'missed' },
  pending: { zh: '未到期', en: 'pending' },
  share: { zh: '达标率', en: 'compliance' },
  level: { zh: '级别', en: 'Level' },
  system: { zh: '系统', en: 'System' },
  month: { zh: '月份', en: 'Month' },
  number: { zh: '事件编号', en: 'Incident' },
  title: { zh: '标题', en: 'Title' },
  milestone: { zh: '节点', en: 'Milestone' },
  dueAt: { zh: '期限', en: 'Due' },
  metAt: { zh: '完成时间', en: 'Met at' },
  lateMin: { zh: '超时(分钟)', en: 'Late (min)' },
  respondMin: { zh: '平均响应(分钟)', en: 'Mean response (min)' },
  responded: { zh: '已响应数', en: 'Responded' },
  resolveMin: { zh: '平均解决(小时)', en: 'Mean resolution (h)' },
  resolved: { zh: '已解决数', en: 'Resolved' },
  cause: { zh: '故障种类/原因', en: 'Fault type / cause' },
  count: { zh: '数量', en: 'Count' },
  notGiven: { zh: '(未填写)', en: '(not given)' },
  assetTag: { zh: '资产编号', en: 'Asset tag' },
  device: { zh: '设备', en: 'Device' },
  place: { zh: '位置', en: 'Place' },
  alarms: { zh: '报警数', en: 'Alarms' },
  day: { zh: '日期', en: 'Day' },
  type: { zh: '备件类型', en: 'Spare type' },
  used: { zh: '领用', en: 'Used' },
  added: { zh: '入库', en: 'Added' },
  planned: { zh: '计划', en: 'Planned' },
  done: { zh: '完成', en: 'Done' },
  onTime: { zh: '按期完成', en: 'On time' },
  overdue: { zh: '逾期未做', en: 'Overdue' },
  consultations: { zh: '咨询', en: 'Consultations' },
  defects: { zh: '缺陷', en: 'Defects' },
  state: { zh: '状态', en: 'State' },
} satisfies Record<string, Record<Lang, string>>;

const milestoneNames: Record<MilestoneKind, Record<Lang, string>> = {
  response: { zh: '响应', en: 'Response' },
  plan: { zh: '处理方案', en: 'Plan' },
  resolution: { zh: '解决', en: 'Resolution' },
  emergency_plan: { zh: '应急方案', en: 'Emergency plan' },
  fault_report: { zh: '故障报告', en: 'Fault report' },
};

/** The problems page's names for the states (renderer/src/problems/i18n.ts), as the customer reads them. */
const defectStateNames: Record<DefectState, Record<Lang, string>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  analysed: { zh: '已分析', en: 'Analysed' },
  proposed: { zh: '待主管签字', en: 'Awaiting sign-off' },
  approved: { zh: '主管已同意', en: 'Signed off' },
  implemented: { zh: '已实施', en: 'Implemented' },
  confirmed: { zh: '已确认解决', en: 'Confirmed resolved' },
  reported: { zh: '已上报服务中心', en: 'Reported upstream' },
  replied: { zh: '已回复', en: 'Replied' },
  converted: { zh: '已转为咨询', en: 'Converted to a consultation' },
};

const severityNames = { critical: { zh: '紧急', en: 'Critical' }, major: { zh: '重要', en: 'Major' }, minor: { zh: '次要', en: 'Minor' }, info: { zh: '提示', en: 'Info' } } as const;

const sheetNames = {
  slaLevel: { zh: 'SLA-按级别', en: 'SLA by level' },
  slaSystem: { zh: 'SLA-按系统', en: 'SLA by system' },
  slaMonth: { zh: 'SLA-按月', en: 'SLA by month' },
  misses: { zh: '超时明细', en: 'Misses' },
  times: { zh: '平均时间', en: 'Mean times' },
  bySystem: { zh: '事件-按系统', en: 'Incidents by system' },
  byCause: { zh: '事件-按原因', en: 'Incidents by cause' },
  devices: { zh: '故障最多设备', en: 'Devices failing most' },
  alarms: { zh: '每日报警', en: 'Alarms per day' },
  spares: { zh: '备件使用', en: 'Spare parts' },
  maintenance: { zh: '维保完成', en: 'Maintenance' },
  problems: { zh: '问题记录', en: 'Problem records' },
} satisfies Record<string, Record<Lang, string>>;

export async function exportReport(ctx: CoreContext, call: CallContext, input: MethodArgs<'reports.export'>): Promise<ExportFile> {
  const { lang } = input;
  const overview = await reportOverview(ctx, input.filter);
  const names = await loadCatalogNames(ctx.db);
  const systemName = (id: string) => names.system(id)[lang === 'zh' ? 0 : 1] ?? id;
  const typeName = (systemId: string, typeId: string) => names.type(systemId, typeId)[lang === 'zh' ? 0 : 1] ?? typeId;
  const sheets = reportSheets(overview, lang, systemName, typeName);
  const bytes = await writeWorkbook(sheets);
  const { from, to } = input.filter;
  const fileName = `${words.fileStem[lang]}-${from}-${to}.xlsx`;
  await inTransaction(ctx, async (_trx, journal) => {
    const payload = { fileName, filter: input.filter, sheets: sheets.length, bytes: bytes.length };
    await journal({ type: 'reports.exported', entityType: 'export', entityId: ctx.newId(), payload, operator: call.operator });
  });
  return { fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: bytes.toString('base64'), count: sheets.length };
}

function reportSheets(o: ReportOverview, lang: Lang, systemName: (id: string) => string, typeName: (s: string, t: string) => string): SheetSpec[] {
  const w = (k: keyof typeof words) => words[k][lang];
  const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));
  const hours = (ms: number | null) => (ms === null ? null : Math.round(ms / 360_000) / 10);
  const dateTime = (at: number | null) => (at === null ? '' : `${localDay(at)} ${new Date(at).toTimeString().slice(0, 5)}`);
  const levelName = (key: string) => (isSlaLevel(key) ? `${key} ${slaLevelDefinitions[key].name[lang]}` : key === 'all' ? w('all') : key);

  const slaHeader = (first: string) => [first, w('incidents'), ...milestoneKinds.flatMap((k) => [`${milestoneNames[k][lang]} ${w('met')}`, `${milestoneNames[k][lang]} ${w('missed')}`, `${milestoneNames[k][lang]} ${w('pending')}`, `${milestoneNames[k][lang]} ${w('share')}`])];
  const slaRow = (label: string, g: SlaGroup): Cell[] => [label, g.incidents, ...milestoneKinds.flatMap((k) => [g.milestones[k].met, g.milestones[k].missed, g.milestones[k].pending, complianceShare(g.milestones[k])])];
  const slaPercent = milestoneKinds.map((_, i) => 2 + i * 4 + 3);
  const levelRows = [...o.sla.byLevel, o.sla.total];

  return [
    { name: sheetNames.slaLevel[lang], header: slaHeader(w('level')), rows: levelRows.map((g) => slaRow(levelName(g.key), g)), percent: slaPercent },
    { name: sheetNames.slaSystem[lang], header: slaHeader(w('system')), rows: o.sla.bySystem.map((g) => slaRow(systemName(g.key), g)), percent: slaPercent },
    { name: sheetNames.slaMonth[lang], header: slaHeader(w('month')), rows: o.sla.byMonth.map((g) => slaRow(g.key, g)), percent: slaPercent },
    {
      name: sheetNames.misses[lang],
      header: [w('number'), w('title'), w('level'), w('system'), w('milestone'), w('dueAt'), w('metAt'), w('lateMin')],
      rows: o.sla.misses.map((m) => [m.number, m.title, m.level, systemName(m.systemId), milestoneNames[m.milestone][lang], dateTime(m.dueAt), dateTime(m.metAt), minutes(m.lateByMs)]),
    },
    {
      name: sheetNames.times[lang],
      header: [w('level'), w('respondMin'), w('responded'), w('resolveMin'), w('resolved')],
      rows: [...o.meanTimes.byLevel, o.meanTimes.total].map((t) => [levelName(t.key), minutes(t.respondMs), t.responded, hours(t.resolveMs), t.resolved]),
    },
    {
      name: sheetNames.bySystem[lang],
      header: [w('system'), w('count')],
      rows: [...o.incidentsBySystem.map((r) => [systemName(r.key), r.count]), ...o.incidentsByLevel.map((r) => [levelName(r.key), r.count])],
    },
    { name: sheetNames.byCause[lang], header: [w('cause'), w('count')], rows: o.incidentsByCause.map((r) => [r.key || w('notGiven'), r.count]) },
    {
      name: sheetNames.devices[lang],
      header: [w('assetTag'), w('device'), w('system'), w('place'), w('incidents'), w('alarms')],
      rows: o.failingDevices.map((d) => [d.assetTag, d.name, systemName(d.systemId), d.place, d.incidents, d.alarms]),
    },
    {
      name: sheetNames.alarms[lang],
      header: [w('day'), ...(['critical', 'major', 'minor', 'info'] as const).map((s) => severityNames[s][lang])],
      rows: o.alarmsPerDay.map((d) => [d.day, d.critical, d.major, d.minor, d.info]),
    },
    {
      name: sheetNames.spares[lang],
      header: [w('system'), w('type'), w('used'), w('added')],
      rows: o.spareUse.map((s) => [systemName(s.systemId), typeName(s.systemId, s.typeId), s.used, s.added]),
    },
    {
      name: sheetNames.maintenance[lang],
      header: [w('planned'), w('done'), w('onTime'), w('overdue')],
      rows: [[o.maintenance.planned, o.maintenance.done, o.maintenance.onTime, o.maintenance.overdue]],
    },
    {
      name: sheetNames.problems[lang],
      header: [w('state'), w('count')],
      rows: [[w('consultations'), o.problems.consultations], [w('defects'), o.problems.defects], ...o.problems.defectsByState.map((d) => [`${w('defects')} · ${defectStateNames[d.state][lang]}`, d.count])],
    },
  ];
}

async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.header.map((header, i) => ({
      header,
      width: Math.min(40, Math.max(10, [...header].length * 2 + 2)),
      ...(spec.percent?.includes(i) ? { style: { numFmt: '0.0%' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
