// A system defect upstream (问题记录规范 (4)/(5)): the ticket made when it is reported to the service center carries the
// whole form as it stood (every step with who and when, the devices, the incident it came from); the reply follows
// as a note with the analysis, the cause and the change records.
import type { JournalEntry, JournalHead } from '../../../shared/contract/journal';
import type { Db } from '../db/database';
import { defectSteps, requireDefect } from '../problems/defect-rows';
import { deviceLines, footer, str, systemName, time } from './item-content';
import { consoleIdOf } from './record-kinds';
import type { NewTicket, TicketUpdate } from './ticket-connector';

const stepLabels: Record<string, string> = {
  submit: '提交 Submitted',
  analyse: '分析 Analysed',
  convert: '转为咨询 Converted',
  propose: '提出解决方案 Solution proposed',
  sign_off: '主管签字同意 Signed off by the supervisor',
  refuse: '方案退回 Proposal refused',
  implement: '实施 Implemented',
  confirm: '确认解决 Confirmed resolved',
  report: '上报服务中心 Reported to the service center',
  reply: '回复 Reply',
};

const dataLabels: Record<string, string> = {
  submitter: '提出人 Submitter',
  classification: '问题类型 Classification',
  analysis: '分析 Analysis',
  proposal: '解决方案 Proposal',
  signerName: '签字人 Signed by',
  note: '备注 Note',
  reason: '原因 Reason',
  implementation: '实施内容 Implementation',
  method: '解决方法 Method',
  cause: '原因 Cause',
};

function dataLines(data: Record<string, unknown>): string[] {
  return Object.entries(dataLabels)
    .filter(([key]) => str(data[key]).trim() !== '')
    .map(([key, label]) => `  ${label}: ${str(data[key])}`);
}

interface ChangeRecordData {
  target?: unknown;
  what?: unknown;
  before?: unknown;
  after?: unknown;
  versionBefore?: unknown;
  versionAfter?: unknown;
}

function changeLines(changes: unknown): string[] {
  if (!Array.isArray(changes)) return [];
  return (changes as ChangeRecordData[]).map((c, i) => {
    const versions = str(c.versionBefore) || str(c.versionAfter) ? ` · 版本 Version: ${str(c.versionBefore) || '—'} → ${str(c.versionAfter) || '—'}` : '';
    return `${i + 1}. ${str(c.target)}: ${str(c.what)} (${str(c.before) || '—'} → ${str(c.after) || '—'})${versions}`;
  });
}

/** The ticket for `defect.reported`: the form up to and including the report step. */
export async function defectTicket(db: Db, entry: JournalEntry, siteName: string, head: JournalHead): Promise<NewTicket> {
  const defect = await requireDefect(db, entry.entityId);
  const steps = await defectSteps(db, defect.id);
  const reportedAt = steps.findIndex((s) => s.action === 'report');
  const upToReport = reportedAt >= 0 ? steps.slice(0, reportedAt + 1) : steps;
  const devices = await db.selectFrom('defect_device').select('device_id').where('defect_id', '=', defect.id).execute();
  const incident = defect.incident_id ? await db.selectFrom('incident').select('number').where('id', '=', defect.incident_id).executeTakeFirst() : undefined;
  const lines = [
    '系统缺陷类问题提交单 System defect report',
    `站点 Site: ${siteName || '—'}`,
    `编号 Number: ${defect.number}`,
    `系统 System: ${await systemName(db, defect.system_id)}`,
    `提出人 Submitter: ${defect.submitter} · 提交时间 Submitted: ${time(defect.submitted_at)} · 记录人 Recorded by: ${defect.submitted_by}`,
    ...(incident ? [`来自故障 From incident: ${incident.number}`] : []),
    ...(devices.length > 0 ? ['设备 Devices:', ...(await deviceLines(db, devices.map((d) => d.device_id)))] : []),
    '',
    defect.description,
    '',
    '处理经过 Steps:',
    ...upToReport.flatMap((s) => [`- ${stepLabels[s.action] ?? s.action} — ${time(s.at)} — ${s.by}`, ...dataLines(s.data)]),
  ];
  return {
    consoleId: consoleIdOf('defect', defect.id),
    subject: `[${defect.number}] ${defect.title}`.slice(0, 255),
    description: lines.join('\n') + footer(entry, head),
    tracker: 'defect',
    level: null,
    status: 'defectReported',
    siteName,
  };
}

/** A later step of a reported defect (the reply) as a note; the reply sets the ticket's replied status. */
export function defectUpdate(entry: JournalEntry, head: JournalHead): TicketUpdate {
  const p = (entry.payload ?? {}) as Record<string, unknown>;
  const action = entry.type === 'defect.replied' ? 'reply' : entry.type.replace(/^defect\./, '');
  const lines = [`${stepLabels[action] ?? entry.type} — ${time(entry.at)} — 操作员 Operator: ${entry.operator}`, ...dataLines(p).map((l) => l.trim())];
  const changes = changeLines(p.changes);
  if (changes.length > 0) lines.push('变更记录 Change records:', ...changes);
  return { notes: lines.join('\n') + footer(entry, head), ...(entry.type === 'defect.replied' ? { state: 'defectReplied' as const } : {}) };
}
