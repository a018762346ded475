// Sync against a real Redmine on loopback: offline first, every field upstream, steps as notes in order, the
// service center's changes back on the timeline, refusals parked, a wrong key a clear error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RedmineServer, startRedmine } from '../../../support/redmine-server';
import { configureSync, fastSync, issuesOf, issueWithJournals, waitFor } from '../../../support/sync-setup';
import { startTempCore, type TempCore } from '../../../support/temp-core';

let redmine: RedmineServer;
const cores: TempCore[] = [];

beforeAll(async () => {
  redmine = await startRedmine();
  console.log(`Redmine ${redmine.template.version} answered ${redmine.startupMs} ms after start`);
}, 180_000);
afterAll(async () => {
  await redmine?.dispose();
});
afterEach(async () => {
  for (const t of cores.splice(0)) await t.close();
});

async function console_(): Promise<TempCore> {
  const t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: fastSync });
  cores.push(t);
  return t;
}

describe('tickets upstream (Redmine on loopback)', () => {
  it('keeps an emergency reported while Redmine is stopped, then files it once with every field when it is back', async () => {
    const t = await console_();
    await configureSync(t, redmine.url, redmine);
    await redmine.stop();
    const server = await t.call('assets.create', { name: '核心交换机', systemId: 'cabling-network', assetTag: 'ZC-0042', building: 'A 栋', floor: '3F', room: '机房 301', rack: 'R07' });
    const { incident } = await t.call('incidents.report', {
      systemId: 'cabling-network',
      description: '核心交换机掉电\n整层断网',
      reporter: '王保安',
      callbackPhone: '13800000000',
      deviceIds: [server.id],
      deviceText: '核心交换机',
      level: 'I',
    });
    // Two items wait: the ticket, and the device link journaled with the report (a note once the ticket exists).
    const offline = await waitFor('offline with the report waiting', async () => {
      const s = await t.call('sync.status', {});
      return s.state === 'offline' && s.waiting === 2 ? s : undefined;
    });
    expect(offline.offlineSince).toBeGreaterThan(0);
    expect(await t.call('sync.ticketOf', { incidentId: incident.id })).toMatchObject({ state: 'waiting', ticketId: null });

    await redmine.start();
    const ticket = await waitFor('the ticket number', async () => {
      const s = await t.call('sync.ticketOf', { incidentId: incident.id });
      return s.state === 'created' ? s : undefined;
    });
    expect(ticket.url).toBe(`${redmine.url}/issues/${ticket.ticketId}`);
    expect((await issuesOf(redmine, incident.id)).map((i) => i.id)).toEqual([ticket.ticketId]);
    const issue = await issueWithJournals(redmine, ticket.ticketId ?? 0);
    expect(issue).toMatchObject({ subject: `[${incident.number}] 核心交换机掉电`, tracker: { name: 'Support' }, status: { name: 'New' }, priority: { name: 'Immediate' } });
    const fields = Object.fromEntries(issue.custom_fields.map((f) => [f.name, f.value]));
    expect(fields).toEqual({ 'Console ID': incident.id, 'SLA level': 'I', Site: '第一数据中心' });
    for (const text of ['第一数据中心', incident.number, '级别 SLA level: I', 'ZC-0042', 'A 栋 / 3F / 机房 301 / R07', '王保安', '13800000000', '整层断网', 'console-entry:', 'journal-head:']) {
      expect(issue.description).toContain(text);
    }
    const status = await waitFor('connected, nothing waiting', async () => {
      const s = await t.call('sync.status', {});
      return s.state === 'connected' && s.waiting === 0 ? s : undefined;
    });
    expect(status.lastSuccessAt).toBeGreaterThan(0);
  }, 120_000);

  it('sends every later step as a note in order, with state, level, files and the fault report', async () => {
    const t = await console_();
    await configureSync(t, redmine.url, redmine);
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '录像机黑屏', reporter: '王保安', level: 'III' });
    const id = incident.id;
    await t.call('incidents.act', { id, action: 'respond', note: '电话已联系' });
    await t.call('incidents.changeLevel', { id, level: 'II', reason: '影响两层' });
    await t.call('incidents.attach', { id, fileName: 'photo.txt', mime: 'text/plain', contentBase64: Buffer.from('现场照片说明').toString('base64') });
    await t.call('incidents.act', { id, action: 'submit_plan', plan: '更换硬盘' });
    await t.call('incidents.act', { id, action: 'start_work', note: '' });
    await t.call('incidents.act', { id, action: 'resolve', cause: '硬盘损坏', method: '更换硬盘', loss: '无', prevention: '' });
    await t.call('incidents.act', { id, action: 'submit_fault_report', faultType: '硬件', cause: '硬盘损坏', method: '更换硬盘', loss: '录像缺失 2 小时' });
    await waitFor('every item upstream', async () => (await t.call('sync.status', {})).waiting === 0 && (await t.call('sync.ticketOf', { incidentId: id })).state === 'created');
    const { ticketId } = await t.call('sync.ticketOf', { incidentId: id });
    const issue = await issueWithJournals(redmine, ticketId ?? 0);
    const notes = issue.journals.map((j) => j.notes).filter(Boolean);
    const timeline = (await t.call('incidents.timeline', { id })).filter((e) => e.type !== 'incident.reported' && e.type.startsWith('incident.'));
    expect(notes).toHaveLength(timeline.length);
    timeline.forEach((entry, i) => expect(notes[i]).toContain(`console-entry:${entry.id}`));
    expect(notes[0]).toContain('电话已联系');
    expect(issue).toMatchObject({ status: { name: 'Resolved' }, priority: { name: 'Urgent' } });
    expect(Object.fromEntries(issue.custom_fields.map((f) => [f.name, f.value]))['SLA level']).toBe('II');
    expect(issue.attachments.map((a) => a.filename).sort()).toEqual([`fault-report-${incident.number}.txt`, 'photo.txt']);
  }, 60_000);
});
