// What a journal entry becomes upstream: the ticket (from incident.reported) or a note with its marker, the state
// and level it sets, and the files that go with it (an attachment, the fault report as a text file).
import { readFile } from 'node:fs/promises';
import type { JournalEntry, JournalHead } from '../../../shared/contract/journal';
import type { SyncItemKind, SyncRecordKind } from '../../../shared/contract/sync';
import { incidentStateLabels, type IncidentState } from '../../../shared/domain/incidents/incident-lifecycle';
import type { SlaLevel } from '../../../shared/domain/incidents/sla-levels';
import { alarmSystemOperator } from '../alarms/alarm-incident';
import type { Db } from '../db/database';
import { attachmentPath } from '../incidents/incident-attachments';
import { createsTicket } from './record-kinds';
import type { NewTicket, TicketUpdate, UpstreamFile } from './ticket-connector';

/** The marker every upstream note carries: how a note whose answer was lost is found again. */
export const entryMarker = (entryId: string): string => `console-entry:${entryId}`;

const stepLabels: Record<string, string> = {
  'incident.responded': '响应 Responded',
  'incident.plan_submitted': '提交处理方案 Plan submitted',
  'incident.work_started': '开始处理 Work started',
  'incident.emergency_plan_submitted': '提交应急方案 Emergency plan submitted',
  'incident.resolved': '已解决 Resolved',
  'incident.fault_report_submitted': '提交故障处理报告 Fault report submitted',
  'incident.closed': '关闭 Closed',
  'incident.reopened': '重新打开 Reopened',
  'incident.note_added': '备注 Note',
  'incident.level_changed': '级别变更 Level changed',
  'incident.record_updated': '现场记录更新 On-site record updated',
  'incident.attachment_added': '附件 Attachment',
  'incident.classified': '归类 Classified',
  'incident.device_linked': '关联设备 Device linked',
  'incident.device_unlinked': '取消关联设备 Device unlinked',
};

const fieldLabels: Record<string, string> = {
  note: '备注 Note',
  text: '内容 Text',
  plan: '方案 Plan',
  reason: '原因 Reason',
  faultType: '故障类型 Fault type',
  cause: '原因 Cause',
  method: '处理方法 Method',
  loss: '损失 Loss',
  prevention: '预防措施 Prevention',
  systemId: '系统 System',
  deviceId: '设备 Device',
  fileName: '文件 File',
};

export function itemKind(recordKind: SyncRecordKind, type: string): SyncItemKind {
  if (createsTicket(recordKind, type)) return 'ticket';
  if (type === 'incident.attachment_added' || type === 'maintenance.record_pdf_due') return 'file';
  return 'note';
}

export const time = (ms: number): string => new Date(ms).toISOString();
export const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Every ticket's and note's last line: the entry's marker and the journal's head. */
export function footer(entry: JournalEntry, head: JournalHead): string {
  return `\n\n[${entryMarker(entry.id)} · journal-head:${head.seq}:${head.hash.slice(0, 16)}]`;
}

export async function systemName(db: Db, systemId: string): Promise<string> {
  const row = await db.selectFrom('catalog_system').select(['name_zh', 'name_en']).where('id', '=', systemId).executeTakeFirst();
  return row ? `${row.name_zh} ${row.name_en}` : systemId;
}

export async function deviceLines(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('device').select(['id', 'name', 'asset_tag', 'building', 'floor', 'room', 'rack']).where('id', 'in', ids).execute();
  return rows.map((d) => {
    const place = [d.building, d.floor, d.room, d.rack].filter(Boolean).join(' / ');
    return `- ${d.name} · 资产编号 Asset tag: ${d.asset_tag || '—'} · 位置 Location: ${place || '—'}`;
  });
}

/** The ticket for an `incident.reported` entry: every field the service center needs, as the report stood. */
export async function ticketOf(db: Db, entry: JournalEntry, siteName: string, head: JournalHead): Promise<NewTicket> {
  const p = entry.payload as Record<string, unknown>;
  const level = p.level as SlaLevel;
  const devices = await deviceLines(db, (p.deviceIds as string[] | undefined) ?? []);
  const source = entry.operator === alarmSystemOperator ? 'alarm' : 'reported';
  const lines = [
    `站点 Site: ${siteName || '—'}`,
    `编号 Number: ${str(p.number)}`,
    `系统 System: ${await systemName(db, str(p.systemId))}`,
    `级别 SLA level: ${level}`,
    `来源 Source: ${source === 'alarm' ? '告警规则 alarm rule' : '值班员报告 reported on duty'}`,
    `地点 Location: ${str(p.location) || '—'}`,
    `设备 Device: ${str(p.deviceText) || '—'}`,
    ...devices,
    `报告人 Reporter: ${str(p.reporter) || '—'} · 回拨电话 Callback: ${str(p.callbackPhone) || '—'}`,
    `发生时间 Occurred: ${typeof p.occurredAt === 'number' ? time(p.occurredAt) : '—'}`,
    `报告时间 Reported: ${time(entry.at)} · 操作员 Operator: ${entry.operator}`,
    '',
    str(p.description),
  ];
  return {
    consoleId: entry.entityId,
    subject: `[${str(p.number)}] ${str(p.title)}`.slice(0, 255),
    description: lines.join('\n') + footer(entry, head),
    tracker: source,
    level,
    status: 'reported',
    siteName,
  };
}

function faultReportFile(entry: JournalEntry): UpstreamFile {
  const p = entry.payload as Record<string, unknown>;
  const text = [
    `故障处理报告 Fault report — ${str(p.number)}`,
    `提交时间 Submitted: ${time(entry.at)} · 操作员 Operator: ${entry.operator}`,
    '',
    ...['faultType', 'cause', 'method', 'loss', 'prevention'].map((k) => `${fieldLabels[k]}: ${str(p[k]) || '—'}`),
    '',
  ].join('\n');
  return { fileName: `fault-report-${str(p.number)}.txt`, mime: 'text/plain', bytes: Buffer.from(text, 'utf8') };
}

/** A later step as a note (with its files and the state or level it sets). */
export async function updateOf(dataDir: string, entry: JournalEntry, head: JournalHead): Promise<TicketUpdate> {
  const p = (entry.payload ?? {}) as Record<string, unknown>;
  const lines = [`${stepLabels[entry.type] ?? entry.type} — ${time(entry.at)} — 操作员 Operator: ${entry.operator}`];
  for (const [key, label] of Object.entries(fieldLabels)) {
    if (str(p[key])) lines.push(`${label}: ${str(p[key])}`);
  }
  if (entry.type === 'incident.level_changed') lines.push(`级别 Level: ${str(p.levelFrom)} → ${str(p.level)}`);
  if (entry.type === 'incident.record_updated') {
    for (const [field, change] of Object.entries((p.changes ?? {}) as Record<string, { from: unknown; to: unknown }>)) {
      lines.push(`${field}: ${str(change.from) || '—'} → ${str(change.to)}`);
    }
  }
  const to = p.to as IncidentState | undefined;
  if (to && p.from !== to) lines.push(`状态 State: ${incidentStateLabels[to].zh} ${incidentStateLabels[to].en}`);
  const files: UpstreamFile[] = [];
  if (entry.type === 'incident.fault_report_submitted') files.push(faultReportFile(entry));
  if (entry.type === 'incident.attachment_added') {
    files.push({ fileName: str(p.fileName), mime: str(p.mime), bytes: await readFile(attachmentPath(dataDir, str(p.sha256))) });
  }
  return {
    notes: lines.join('\n') + footer(entry, head),
    ...(to && p.from !== to ? { state: to } : {}),
    ...(entry.type === 'incident.level_changed' ? { level: p.level as SlaLevel } : {}),
    ...(files.length > 0 ? { files } : {}),
  };
}
