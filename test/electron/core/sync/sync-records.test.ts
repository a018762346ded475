// More records upstream through the sync, against a real Redmine on loopback: a system defect reported to the service
// center (a ticket of its own tracker, the reply as a note), an escalation (notes on the incident's ticket), a finished
// maintenance record (a ticket with its results attached). Each goes up once; a push cut off mid-call is looked up,
// never sent twice.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import { pageSessions } from '../../../support/page-sessions';
import { type RedmineServer, startRedmine } from '../../../support/redmine-server';
import { configureSync, fastSync, issuesOf, issueWithJournals, waitFor } from '../../../support/sync-setup';
import { type FaultProxy, startFaultProxy } from '../../../support/tcp-fault-proxy';
import { startTempCore, type TempCore } from '../../../support/temp-core';

let redmine: RedmineServer;
const cores: TempCore[] = [];
let proxy: FaultProxy | null = null;
let current: TempCore;
const pages = pageSessions(() => current.core);

beforeAll(async () => {
  redmine = await startRedmine();
}, 180_000);
afterAll(async () => {
  await redmine?.dispose();
});
afterEach(async () => {
  pages.closeAll();
  for (const t of cores.splice(0)) await t.close();
  await proxy?.close();
  proxy = null;
});

async function console_(options: Parameters<typeof startTempCore>[0] = {}): Promise<TempCore> {
  const t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: fastSync, ...options });
  cores.push(t);
  current = t;
  return t;
}

/** A defect walked by real accounts from submission to "reported to the service center" (the sign-off asks for the password). */
async function reportedDefect(t: TempCore, title = '门禁记录查询很慢'): Promise<{ id: string; number: string; engineer: Awaited<ReturnType<typeof pages.signedIn>> }> {
  const admin = pages.open();
  if ((await admin.call('auth.setup', { name: 'admin', displayName: '管理员', password: 'admin-pass-1' })).ok) {
    for (const [name, role] of [['zhuguan', 'supervisor'], ['gongcheng', 'engineer']] as const) {
      expect(await admin.call('operators.create', { name, displayName: name === 'zhuguan' ? '张主管' : '李工程师', role, password: `${name}-pass-1` })).toMatchObject({ ok: true });
    }
  }
  const supervisor = await pages.signedIn('zhuguan', 'zhuguan-pass-1');
  const engineer = await pages.signedIn('gongcheng', 'gongcheng-pass-1');
  const device = await t.call('assets.create', { name: '门禁服务器', systemId: 'access-control', assetTag: 'MJ-0007', building: 'B 栋', room: '弱电间' });
  const defect = await t.call('defects.submit', { title, description: '查询一个月的刷卡记录要等两分钟', submitter: '物业 刘工', systemId: 'access-control', deviceIds: [device.id] });
  const id = defect.id;
  const ok = { ok: true };
  expect(await engineer.call('defects.act', { id, action: 'analyse', classification: 'technical', analysis: '数据库缺索引' })).toMatchObject(ok);
  expect(await engineer.call('defects.act', { id, action: 'propose', proposal: '为刷卡记录加索引' })).toMatchObject(ok);
  expect(await supervisor.call('defects.signOff', { id, password: 'zhuguan-pass-1', note: '同意' })).toMatchObject(ok);
  expect(await engineer.call('defects.act', { id, action: 'implement', implementation: '已加索引 idx_card_time' })).toMatchObject(ok);
  expect(await engineer.call('defects.act', { id, action: 'confirm', method: '查询一个月记录 2 秒' })).toMatchObject(ok);
  // Nothing goes up before the report step.
  expect(await t.call('sync.recordTicket', { recordKind: 'defect', recordId: id })).toMatchObject({ state: 'none', ticketId: null });
  expect(await engineer.call('defects.act', { id, action: 'report', note: '请服务中心评估' })).toMatchObject(ok);
  return { id, number: defect.number, engineer };
}

const drained = (t: TempCore) =>
  waitFor(
    'the queue drained',
    async () => {
      const s = await t.call('sync.status', {});
      return s.waiting === 0 && s.parked === 0 && s.state === 'connected';
    },
    60_000,
    async () => ({ status: await t.call('sync.status', {}), queue: await t.call('sync.queue', {}) }),
  );

/** A note, an assignee and a status set on the record's ticket through Redmine's REST API come back once, as the service center's. */
async function expectChangesPulledBack(t: TempCore, recordKind: 'defect' | 'maintenance', recordId: string, ticketId: number, entityType: string): Promise<void> {
  const engineer = await redmine.rest<{ user: { id: number } }>('GET', '/users/current.json', undefined, redmine.template.engineerLogin);
  const put = await redmine.rest('PUT', `/issues/${ticketId}.json`, { issue: { notes: '服务中心已收到,安排下周处理', assigned_to_id: engineer.json.user.id, status_id: 2 } }, redmine.template.engineerLogin);
  expect(put.status).toBe(204);
  const changes = await waitFor('the service center’s changes on the record', async () => {
    const entries = await t.call('sync.upstreamChanges', { recordKind, recordId });
    return entries.length === 3 ? entries : undefined;
  });
  const by = `upstream:${redmine.template.engineerName}`;
  expect(changes).toEqual([
    expect.objectContaining({ type: `${recordKind}.upstream_assigned`, entityType, entityId: recordId, operator: by, payload: expect.objectContaining({ assignee: redmine.template.engineerName, ticketId }) }),
    expect.objectContaining({ type: `${recordKind}.upstream_status`, entityType, entityId: recordId, operator: by, payload: expect.objectContaining({ status: 'In Progress' }) }),
    expect.objectContaining({ type: `${recordKind}.upstream_note`, entityType, entityId: recordId, operator: by, payload: expect.objectContaining({ text: '服务中心已收到,安排下周处理', author: redmine.template.engineerName }) }),
  ]);
  // In the journal, on the record (the audit view and the chain see them), and never brought back twice.
  const journaled = (await t.call('journal.list', { entityType, entityId: recordId, typePrefix: `${recordKind}.upstream_`, limit: 500 }));
  expect(journaled.map((e) => e.id).sort()).toEqual(changes.map((e) => e.id).sort());
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await t.call('sync.upstreamChanges', { recordKind, recordId })).toHaveLength(3);
}

const fieldsOf = (issue: { custom_fields: { name: string; value: string }[] }) => Object.fromEntries(issue.custom_fields.map((f) => [f.name, f.value]));

describe('defects, escalations and maintenance records upstream (Redmine on loopback)', () => {
  it('counts what waits by kind of record: a defect alone is one defect, not an incident', async () => {
    const t = await console_();
    // Nothing listens there: everything stays queued.
    await configureSync(t, 'http://127.0.0.1:9', redmine);
    await reportedDefect(t);
    const byKind = async () => {
      const s = await t.call('sync.status', {});
      return { waiting: s.waiting, waitingIncidents: s.waitingIncidents, waitingRecords: s.waitingRecords };
    };
    expect(await byKind()).toEqual({ waiting: 1, waitingIncidents: 0, waitingRecords: { incident: 0, defect: 1, maintenance: 0 } });
    await t.call('incidents.report', { systemId: 'cctv', description: '录像机离线', reporter: '王保安', level: 'III' });
    expect(await byKind()).toMatchObject({ waitingIncidents: 1, waitingRecords: { incident: 1, defect: 1, maintenance: 0 } });
  });

  it('files a reported defect once as a ticket of its own tracker with its whole form; the reply follows as a note; the defect is marked sent', async () => {
    const t = await console_();
    await configureSync(t, redmine.url, redmine);
    const { id, number, engineer } = await reportedDefect(t);
    const ticket = await waitFor('the defect ticket', async () => {
      const s = await t.call('sync.recordTicket', { recordKind: 'defect', recordId: id });
      return s.state === 'created' ? s : undefined;
    });
    expect(ticket.url).toBe(`${redmine.url}/issues/${ticket.ticketId}`);
    // The look-up a retry would make finds it by the console id `defect:<id>`.
    expect((await issuesOf(redmine, `defect:${id}`)).map((i) => i.id)).toEqual([ticket.ticketId]);
    expect(await issuesOf(redmine, id)).toEqual([]);
    expect((await t.call('defects.get', { id })).defect.upstream).toBe('sent');

    const issue = await issueWithJournals(redmine, ticket.ticketId ?? 0);
    expect(issue).toMatchObject({ subject: `[${number}] 门禁记录查询很慢`, tracker: { name: 'Feature' }, status: { name: 'New' }, priority: { name: 'Normal' } });
    expect(fieldsOf(issue)).toMatchObject({ 'Console ID': `defect:${id}`, Site: '第一数据中心' });
    for (const text of [number, '物业 刘工', '查询一个月的刷卡记录要等两分钟', 'MJ-0007', '数据库缺索引', '为刷卡记录加索引', '主管签字同意', '张主管', '已加索引 idx_card_time', '查询一个月记录 2 秒', '上报服务中心', '请服务中心评估', 'console-entry:']) {
      expect(issue.description).toContain(text);
    }

    expect(
      await engineer.call('defects.act', {
        id,
        action: 'reply',
        analysis: '全表扫描',
        cause: '缺索引',
        changes: [{ target: '门禁服务器', what: '加索引', before: '无', after: 'idx_card_time', versionBefore: '3.1', versionAfter: '3.1.1' }],
      }),
    ).toMatchObject({ ok: true });
    await drained(t);
    const replied = await issueWithJournals(redmine, ticket.ticketId ?? 0);
    const notes = replied.journals.map((j) => j.notes).filter(Boolean);
    const replyEntry = (await t.call('journal.list', { limit: 500 })).find((e) => e.type === 'defect.replied' && e.entityType === 'defect');
    expect(notes).toHaveLength(1);
    for (const text of ['回复', '全表扫描', '缺索引', '门禁服务器: 加索引 (无 → idx_card_time)', '3.1 → 3.1.1', `console-entry:${replyEntry?.id}`]) expect(notes[0]).toContain(text);
    expect(replied.status.name).toBe('Resolved');
    expect(await issuesOf(redmine, `defect:${id}`)).toHaveLength(1);
    expect((await t.call('sync.tickets', {})).find((x) => x.recordKind === 'defect')).toMatchObject({ recordId: id, recordNumber: number, ticketId: ticket.ticketId });

    // The service center answers on the ticket: its note, assignee and status come back onto the defect's history,
    // journaled with the upstream author; the console's own reply never comes back as theirs.
    await expectChangesPulledBack(t, 'defect', id, ticket.ticketId ?? 0, 'defect');
  }, 90_000);

  it('sends an escalation raised and acknowledged as notes on the incident ticket, in order, with who, what and when', async () => {
    const t = await console_();
    await configureSync(t, redmine.url, redmine);
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '录像机反复重启', reporter: '王保安', level: 'II' });
    await t.call('incidents.act', { id: incident.id, action: 'respond', note: '已到场' });
    const raised = await t.core.call('escalations.raise', { incidentId: incident.id, tried: '更换电源、重装固件均无效' }, { operator: 'gongcheng', role: 'engineer' });
    expect(raised).toMatchObject({ ok: true, value: { upstream: 'waiting_for_sync' } });
    const escalationId = raised.ok ? (raised.value as { id: string }).id : '';
    await waitFor('the raise upstream', async () => (await t.call('escalations.list', { scope: 'all', incidentId: incident.id }))[0]?.upstream === 'sent');
    const acknowledged = await t.core.call('escalations.acknowledge', { id: escalationId, action: '联系厂家工程师明早到场' }, { operator: 'zhuguan', role: 'supervisor' });
    expect(acknowledged).toMatchObject({ ok: true, value: { upstream: 'waiting_for_sync' } });
    await drained(t);
    expect((await t.call('escalations.list', { scope: 'all', incidentId: incident.id }))[0]).toMatchObject({ upstream: 'sent', acknowledgedBy: 'zhuguan' });

    const { ticketId } = await t.call('sync.ticketOf', { incidentId: incident.id });
    const issue = await issueWithJournals(redmine, ticketId ?? 0);
    const notes = issue.journals.map((j) => j.notes).filter(Boolean);
    const steps = (await t.call('incidents.timeline', { id: incident.id })).filter((e) => e.type === 'incident.responded' || e.type.startsWith('escalation.'));
    expect(steps.map((s) => s.type)).toEqual(['incident.responded', 'escalation.raised', 'escalation.acknowledged']);
    expect(notes.map((n) => /console-entry:([0-9a-f-]+)/.exec(n)?.[1])).toEqual(steps.map((s) => s.id));
    expect(notes[1]).toContain('上报服务中心');
    expect(notes[1]).toContain('gongcheng');
    expect(notes[1]).toContain('更换电源、重装固件均无效');
    expect(notes[1]).toContain(new Date(steps[1]?.at ?? 0).toISOString());
    expect(notes[2]).toContain('上报服务中心');
    expect(notes[2]).toContain('zhuguan');
    expect(notes[2]).toContain('联系厂家工程师明早到场');
    expect(await issuesOf(redmine, incident.id)).toHaveLength(1);
  }, 90_000);

  it('files a finished maintenance record once as a ticket of the maintenance tracker, with its summary and every result attached', async () => {
    const t = await console_();
    await configureSync(t, redmine.url, redmine);
    const panel = await t.call('assets.create', { name: '3 楼配线架', systemId: 'cabling-network', typeId: 'patch-panel', assetTag: 'PX-0301', building: 'A 栋', floor: '3F' });
    const eng = { operator: 'eng-li', role: 'engineer' as const };
    const call = async (method: string, input: unknown) => {
      const r = await t.core.call(method, input, eng);
      if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
      return r.value as { id: string; number: string };
    };
    const task = await call('maintenance.createTask', { kind: 'adhoc', title: '线缆年度检测', site: '会展中心', templateId: 'cable', deviceIds: [panel.id], engineer: '李工', dueOn: '2026-12-07' });
    await call('maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId: 'impedance', value: { reading: 101.5 } });
    await call('maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId: 'loop-resistance', value: { reading: 31, note: '12 号线' } });
    await call('maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId: 'continuity', value: { outcome: 'pass' } });
    await call('maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId: 'run', value: { outcome: 'na' } });
    await call('maintenance.updateTask', { id: task.id, findings: '12 号线环路电阻超标', suggestions: '更换该段线缆' });
    await drained(t);
    // Results and an open task stay local: only the finished record goes up.
    expect(await t.call('sync.recordTicket', { recordKind: 'maintenance', recordId: task.id })).toMatchObject({ state: 'none' });
    await call('maintenance.finishTask', { id: task.id });
    const ticket = await waitFor('the record ticket', async () => {
      const s = await t.call('sync.recordTicket', { recordKind: 'maintenance', recordId: task.id });
      return s.state === 'created' ? s : undefined;
    });
    expect((await issuesOf(redmine, `maintenance:${task.id}`)).map((i) => i.id)).toEqual([ticket.ticketId]);
    const issue = await issueWithJournals(redmine, ticket.ticketId ?? 0);
    expect(issue).toMatchObject({ subject: `[${task.number}] 线缆年度检测`, tracker: { name: 'Support' }, status: { name: 'Closed' } });
    expect(fieldsOf(issue)['Console ID']).toBe(`maintenance:${task.id}`);
    for (const text of [task.number, '会展中心', '李工', '设备 Devices: 1', '合格 passed 2', '不合格 failed 1', '不适用 n/a 1', '3 楼配线架', '12 号线环路电阻超标', '更换该段线缆', '签字 Signatures']) {
      expect(issue.description).toContain(text);
    }
    expect(issue.attachments.map((a) => a.filename)).toEqual([`${task.number}-record.csv`]);
    const attachment = await redmine.rest<{ attachment: { content_url: string } }>('GET', `/attachments/${(issue as unknown as { attachments: { id: number }[] }).attachments[0]?.id}.json`);
    const csv = await (await fetch(attachment.json.attachment.content_url, { headers: { 'x-redmine-api-key': redmine.apiKey } })).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv).toContain('PX-0301');
    expect(csv).toContain('12 号线');
    // This core has no PDF renderer: the record's PDF waits, saying why (sync-record-pdf.test.ts attaches it).
    await waitFor('only the PDF waiting', async () => {
      const { items } = await t.call('sync.queue', {});
      return items.length === 1 && items[0]?.type === 'maintenance.record_pdf_due' && items[0].lastError?.code === 'record_pdf_unavailable';
    });
    expect(await issuesOf(redmine, `maintenance:${task.id}`)).toHaveLength(1);
    await expectChangesPulledBack(t, 'maintenance', task.id, ticket.ticketId ?? 0, 'maintenance_task');
  }, 90_000);

  it('looks a defect up after the console stopped in the middle of its push, and never files it twice', async () => {
    // The answer to the ticket's POST is held far past the moment the console stops: Redmine has made the ticket,
    // the console never hears of it.
    proxy = await startFaultProxy({ host: '127.0.0.1', port: redmine.port }, { delayMs: 60_000 });
    const first = await console_({ sync: { ...fastSync, timeoutMs: 30_000, pullIntervalMs: 60_000 } });
    await configureSync(first, proxy.url, redmine);
    await waitFor('connected', async () => (await first.call('sync.status', {})).state === 'connected');
    proxy.injectFor(/^POST \/issues\.json/, 'delay');
    const { id } = await reportedDefect(first, '报表导出乱码');
    await waitFor('the ticket made upstream', async () => (await issuesOf(redmine, `defect:${id}`)).length === 1);
    await first.core.close();
    const db = new sqlite3.Database(join(first.dataDir, databaseFileName), sqlite3.OPEN_READONLY);
    const state = await new Promise<unknown>((resolve, reject) =>
      db.get("select state from sync_item where record_kind = 'defect' and entry_type = 'defect.reported'", (err, row) => (err ? reject(err) : resolve(row))),
    );
    await new Promise((resolve) => db.close(resolve));
    expect(state).toEqual({ state: 'checking' });

    cores.splice(cores.indexOf(first), 1);
    const second = await console_({ dataDir: first.dataDir });
    const ticket = await waitFor('the ticket found again', async () => {
      const s = await second.call('sync.recordTicket', { recordKind: 'defect', recordId: id });
      return s.state === 'created' ? s : undefined;
    });
    await drained(second);
    expect((await issuesOf(redmine, `defect:${id}`)).map((i) => i.id)).toEqual([ticket.ticketId]);
    expect(proxy.counts.delay).toBe(1);
    expect((await second.call('defects.get', { id })).defect.upstream).toBe('sent');
  }, 120_000);

  it("keeps one record's refused ticket parked without holding back the others", async () => {
    const t = await console_();
    // The service center's project has no such tracker for defects: only the defect waits, incidents go on.
    await configureSync(t, redmine.url, redmine, { mapping: { ...(await import('../../../../shared/domain/sync/default-mapping')).defaultSyncMapping, trackers: { reported: 'Support', alarm: 'Bug', defect: 'Change request', maintenance: 'Support' }, customFields: { consoleId: 'Console ID', slaLevel: 'SLA level', site: 'Site' } } });
    const { id } = await reportedDefect(t, '报警声音太小');
    const parked = await waitFor('the defect parked', async () => {
      const items = await t.call('sync.parked', {});
      return items.length === 1 ? items : undefined;
    });
    expect(parked[0]).toMatchObject({ recordKind: 'defect', recordId: id, kind: 'ticket', parkedReason: { code: 'sync_mapping_missing', params: { name: 'Change request' } } });
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '摄像头离线', reporter: '王保安', level: 'IV' });
    await waitFor('the incident upstream meanwhile', async () => (await t.call('sync.ticketOf', { incidentId: incident.id })).state === 'created');
    expect((await t.call('defects.get', { id })).defect.upstream).toBe('waiting_for_sync');

    await configureSync(t, redmine.url, redmine);
    await t.call('sync.retry', { comment: '映射已改为 Feature' });
    await drained(t);
    expect(await issuesOf(redmine, `defect:${id}`)).toHaveLength(1);
    expect((await t.call('defects.get', { id })).defect.upstream).toBe('sent');
  }, 90_000);
});
