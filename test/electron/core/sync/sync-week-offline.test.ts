// A week offline (issue 13): 500 incidents, 5,000 later steps and 200 attachments recorded while the service
// center's Redmine is down; when it is back everything drains — each incident's notes upstream once and in order
// (checked through Redmine's REST API for every ticket), nothing doubled, and the progress the header shows moves
// one way only, to done. `npm test` runs it at a fifth of that size (`DUTY_SYNC_WEEK_SCALE`, 0–1, default 0.2): the
// whole week takes 12 min or more on a 2-core machine; `npm run test:sync-week` runs the full size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract';
import { type RedmineServer, startRedmine } from '../../../support/redmine-server';
import { configureSync, fastSync, issueWithJournals, waitFor } from '../../../support/sync-setup';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const scale = Math.min(1, Math.max(0, Number(process.env.DUTY_SYNC_WEEK_SCALE ?? 0.2) || 0.2));
const incidents = Math.round(500 * scale);
const steps = Math.round(5_000 * scale);
const attachments = Math.round(200 * scale);

let redmine: RedmineServer;
let t: TempCore | undefined;

beforeAll(async () => {
  redmine = await startRedmine();
}, 180_000);
afterAll(async () => {
  await t?.close();
  await redmine?.dispose();
});

/** Every ticket of the project (Redmine pages by 100), with its Console ID. */
async function allTickets(): Promise<{ id: number; consoleId: string }[]> {
  const tickets: { id: number; consoleId: string }[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await redmine.rest<{ issues: { id: number; custom_fields: { id: number; value: string }[] }[]; total_count: number }>(
      'GET',
      `/issues.json?project_id=${redmine.template.project}&status_id=*&sort=id&limit=100&offset=${offset}`,
    );
    for (const issue of page.json.issues) {
      tickets.push({ id: issue.id, consoleId: issue.custom_fields.find((f) => f.id === redmine.template.fields.consoleId)?.value ?? '' });
    }
    if (offset + 100 >= page.json.total_count) return tickets;
  }
}

describe('a week offline', () => {
  it(`drains ${incidents} incidents, ${steps} steps and ${attachments} attachments in order, once each, with the progress shown`, async () => {
    const began = Date.now();
    t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: { ...fastSync, timeoutMs: 30_000, pullIntervalMs: 3_600_000 } });
    const core = t;
    await configureSync(core, redmine.url, redmine);
    await redmine.stop();

    // The week: reports, then the steps round by round (every incident's respond, then its notes), then the photos.
    const ids: string[] = [];
    for (let i = 0; i < incidents; i += 1) {
      const { incident } = await core.call('incidents.report', { systemId: 'cctv', description: `第 ${i} 号故障:录像机离线`, reporter: '王保安', level: (['I', 'II', 'III', 'IV'] as const)[i % 4] });
      ids.push(incident.id);
    }
    for (let s = 0; s < steps; s += 1) {
      const id = ids[s % ids.length] ?? '';
      const round = Math.floor(s / ids.length);
      if (round === 0) await core.call('incidents.act', { id, action: 'respond', note: '已响应' });
      else await core.call('incidents.act', { id, action: 'add_note', text: `现场记录第 ${round} 条` });
    }
    const photo = Buffer.alloc(2048, 0x41).toString('base64');
    for (let a = 0; a < attachments; a += 1) {
      await core.call('incidents.attach', { id: ids[a % ids.length] ?? '', fileName: `photo-${a}.txt`, mime: 'text/plain', contentBase64: photo });
    }
    const items = incidents + steps + attachments;
    const offline = await waitFor('offline, everything waiting', async () => {
      const s = await core.call('sync.status', {});
      return s.state === 'offline' && s.waiting === items ? s : undefined;
    });
    expect(offline).toMatchObject({ waitingIncidents: incidents, parked: 0 });
    const recordedMs = Date.now() - began;

    // Redmine is back: watch the status the header shows (every 200 ms) until nothing waits.
    await redmine.start();
    const drainBegan = Date.now();
    const seen: SyncStatus[] = [];
    const last = await waitFor(
      'the backlog drained',
      async () => {
        const s = await core.call('sync.status', {});
        seen.push(s);
        return s.waiting === 0 && s.draining === null ? s : undefined;
      },
      45 * 60_000,
      () => core.call('sync.status', {}),
    );
    const drainMs = Date.now() - drainBegan;
    expect(last).toMatchObject({ state: 'connected', parked: 0, waitingIncidents: 0 });
    // Progress: the waiting count only falls; a drain's done count only rises, to its total.
    for (const [i, s] of seen.entries()) {
      const before = seen[i - 1];
      if (!before) continue;
      expect(s.waiting, `waiting at sample ${i}`).toBeLessThanOrEqual(before.waiting);
      if (s.draining && before.draining && s.draining.total === before.draining.total) expect(s.draining.done).toBeGreaterThanOrEqual(before.draining.done);
    }
    const drains = seen.filter((s) => s.draining !== null);
    expect(drains.length, 'the progress was shown while draining').toBeGreaterThan(3);
    const totals = new Set(drains.map((s) => s.draining?.total));
    expect(drains.at(-1)?.draining?.done).toBeGreaterThan(items * 0.9);
    console.log(`recorded ${items} items in ${(recordedMs / 1000).toFixed(0)} s; drained in ${(drainMs / 1000).toFixed(0)} s; ${drains.length} progress samples, drain totals ${[...totals].join(', ')}`);

    // Upstream, through Redmine's REST API: one ticket per incident, nothing else.
    const tickets = await allTickets();
    expect(tickets.map((x) => x.consoleId).sort()).toEqual([...ids].sort());
    // Every ticket: its notes are the incident's steps, each once, in the journal's order; its files each once.
    const ticketOf = new Map(tickets.map((x) => [x.consoleId, x.id]));
    let notes = 0;
    for (const id of ids) {
      const issue = await issueWithJournals(redmine, ticketOf.get(id) ?? 0);
      const timeline = (await core.call('incidents.timeline', { id })).filter((e) => /^incident\.(?!reported$|upstream_)/.test(e.type));
      const markers = issue.journals.map((j) => /console-entry:([0-9a-f-]+)/.exec(j.notes)?.[1]).filter(Boolean);
      expect(markers, `the notes of ${id}`).toEqual(timeline.map((e) => e.id));
      const files = timeline.filter((e) => e.type === 'incident.attachment_added').map((e) => (e.payload as { fileName: string }).fileName);
      expect(issue.attachments.map((a) => a.filename).sort()).toEqual(files.sort());
      notes += markers.length;
    }
    expect(notes).toBe(steps + attachments);
    console.log(`checked ${tickets.length} tickets and ${notes} notes upstream; ${((Date.now() - began) / 1000).toFixed(0)} s in all`);
  }, 60 * 60_000);
});
