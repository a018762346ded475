// A finished maintenance record upstream (issue 14): one ticket of the maintenance tracker with the record's summary
// (items passed / failed / n.a., devices, engineer, findings and suggestions, signature) and every result as a CSV
// file; then the printed A4 record as a PDF, made by the host's renderer (maintenance/record-pdf.ts) and attached with
// a note of its own, so the ticket never waits for it.
import type { JournalEntry, JournalHead } from '../../../shared/contract/journal';
import type { Device } from '../../../shared/contract/assets';
import type { ItemResult, TaskDetail } from '../../../shared/contract/maintenance';
import { limitsText } from '../../../shared/domain/maintenance/checklist-items';
import type { CoreContext } from '../context';
import { AppError } from '../../../shared/contract/app-error';
import { getTask } from '../maintenance/task-service';
import { footer, str, systemName, time } from './item-content';
import { consoleIdOf } from './record-kinds';
import type { NewTicket, TicketUpdate, UpstreamFile } from './ticket-connector';

const kindLabels: Record<string, string> = {
  planned: '计划保养 Planned maintenance',
  pre_event: '活动前检查 Pre-event check',
  training: '操作培训 Training',
  visit: '客服经理回访 Customer visit',
  adhoc: '临时任务 Ad-hoc task',
};

const outcomeLabels: Record<string, string> = { pass: '合格 pass', fail: '不合格 fail', na: '不适用 n/a', done: '已记录 done' };

const place = (d: Device): string => [d.building, d.floor, d.room, d.rack].filter(Boolean).join(' / ');

function valueText(r: ItemResult): string {
  const v = r.value;
  return [
    v.reading !== undefined && v.reading !== null ? String(v.reading) : '',
    v.text ?? '',
    v.backupWhat || v.backupWhere ? `${v.backupWhat ?? ''} @ ${v.backupWhere ?? ''}` : '',
    v.versionBefore || v.versionAfter ? `${v.versionBefore ?? ''} → ${v.versionAfter ?? ''}` : '',
    v.photoSha256 ? `photo ${v.photoSha256.slice(0, 12)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Every result, one row per device and item, in walking order: opens in a spreadsheet (UTF-8 with BOM). */
function resultsCsv(detail: TaskDetail): UpstreamFile {
  const rows = [['设备 Device', '资产编号 Asset tag', '位置 Location', '项目 Item', '结果 Outcome', '读数/内容 Value', '限值 Limits', '备注 Note', '记录人 By', '时间 At']];
  for (const d of detail.devices) {
    for (const item of detail.template.items) {
      const r = detail.results.find((x) => x.deviceId === d.id && x.itemId === item.id);
      if (!r) continue;
      const limits = item.kind === 'reading' ? limitsText(item) : '';
      rows.push([d.name, d.assetTag, place(d), item.labelZh, outcomeLabels[r.outcome ?? ''] ?? '', valueText(r), limits, r.value.note ?? '', r.updatedBy, time(r.updatedAt)]);
    }
  }
  const text = `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  return { fileName: `${detail.task.number}-record.csv`, mime: 'text/csv', bytes: Buffer.from(text, 'utf8') };
}

/** The ticket for `maintenance.task_finished`: the record's summary, with the results attached. */
export async function maintenanceTicket(ctx: CoreContext, entry: JournalEntry, siteName: string, head: JournalHead): Promise<NewTicket> {
  const detail = await getTask(ctx, entry.entityId);
  const { task, template } = detail;
  const count = (o: string) => detail.results.filter((r) => r.outcome === o).length;
  const failed = detail.results.filter((r) => r.outcome === 'fail');
  const deviceName = new Map(detail.devices.map((d) => [d.id, d.name]));
  const itemLabel = new Map(template.items.map((i) => [i.id, i.labelZh]));
  const details = Object.entries(task.details).filter(([, v]) => str(v).trim() !== '');
  const lines = [
    '维保检查记录 Maintenance record',
    `站点 Site: ${task.site || siteName || '—'}`,
    `编号 Number: ${task.number} · ${kindLabels[task.kind] ?? task.kind}`,
    `系统 System: ${task.systemId ? await systemName(ctx.db, task.systemId) : '—'}`,
    `检查表 Checklist: ${template.nameZh} ${template.nameEn} (v${template.version})`,
    `工程师 Engineer: ${task.engineer || '—'} · 完成人 Finished by: ${task.finishedBy ?? entry.operator}`,
    `应完成 Due: ${task.dueOn} – ${task.deadline} · 开始 Started: ${task.startedAt ? time(task.startedAt) : '—'} · 完成 Finished: ${time(task.finishedAt ?? entry.at)}`,
    `设备 Devices: ${detail.devices.length}`,
    `结果 Results: 合格 passed ${count('pass')} · 不合格 failed ${count('fail')} · 不适用 n/a ${count('na')} · 已记录 recorded ${count('done')}`,
    ...(failed.length > 0
      ? ['不合格项 Failed items:', ...failed.map((r) => `- ${deviceName.get(r.deviceId) ?? r.deviceId}: ${itemLabel.get(r.itemId) ?? r.itemId}${valueText(r) ? ` (${valueText(r)})` : ''}${r.incidentNumber ? ` → ${r.incidentNumber}` : ''}`)]
      : []),
    ...details.map(([k, v]) => `${k}: ${str(v)}`),
    '',
    `发现 Findings: ${task.findings || '—'}`,
    `建议 Suggestions: ${task.suggestions || '—'}`,
    '',
    // The console records no signatures: they are made on the printed A4 record, which stays with the customer.
    '签字 Signatures: 工程师与客户代表在打印的记录上签字,控制台不记录签字 — signed on the printed record by the engineer and the customer; not recorded by the console',
    '附件 Attached: 每台设备每一项的结果 (CSV) — every result per device and item (CSV); 打印的记录 (PDF) 随后附上 — the printed record (PDF) follows as its own note',
  ];
  return {
    consoleId: consoleIdOf('maintenance', task.id),
    subject: `[${task.number}] ${task.title}`.slice(0, 255),
    description: lines.join('\n') + footer(entry, head),
    tracker: 'maintenance',
    level: null,
    status: 'maintenanceFinished',
    siteName,
    files: [resultsCsv(detail)],
  };
}

/** The entry journaled with a finished task whose item attaches the record's PDF to its ticket. */
export const recordPdfDue = 'maintenance.record_pdf_due';

/** The note that attaches the record's PDF (made now if need be; until it exists the item waits, see push-item.ts). */
export async function recordPdfUpdate(ctx: CoreContext, entry: JournalEntry, head: JournalHead): Promise<TicketUpdate> {
  if (!ctx.recordPdf) throw new AppError('record_pdf_unavailable', 'record_pdf_unavailable');
  const pdf = await ctx.recordPdf.pdfOf(entry.entityId);
  const lines = [
    `维保检查记录 (PDF) Maintenance record (PDF) — ${str((entry.payload as { number?: unknown } | null)?.number)}`,
    `打印的记录,供客户签字存档 The printed record for the customer's signature and archive: ${pdf.fileName}`,
    `SHA-256: ${pdf.sha256}`,
  ];
  return { notes: lines.join('\n') + footer(entry, head), files: [{ fileName: pdf.fileName, mime: 'application/pdf', bytes: pdf.bytes }] };
}
