// Sync through a TCP fault proxy in front of a real Redmine: answers lost after the request was acted on, answers
// later than the timeout, 500s, black holes and a link that goes away. Nothing doubled, nothing lost.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RedmineServer, startRedmine } from '../../../support/redmine-server';
import { configureSync, expectUpstreamOnce, fastSync, issuesOf, waitFor } from '../../../support/sync-setup';
import { type Fault, type FaultProxy, startFaultProxy } from '../../../support/tcp-fault-proxy';
import { startTempCore, type TempCore } from '../../../support/temp-core';

let redmine: RedmineServer;
let proxy: FaultProxy;
const cores: TempCore[] = [];

beforeAll(async () => {
  redmine = await startRedmine();
}, 180_000);
afterAll(async () => {
  await redmine?.dispose();
});
afterEach(async () => {
  for (const t of cores.splice(0)) await t.close();
  await proxy?.close();
});

/** A console behind the proxy, connected, with its pulls rare enough that the faults meet its pushes. */
async function consoleBehindProxy(timeoutMs = 1_500): Promise<TempCore> {
  proxy = await startFaultProxy({ host: '127.0.0.1', port: redmine.port }, { delayMs: timeoutMs + 1_500 });
  const t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: { ...fastSync, timeoutMs, pullIntervalMs: 60_000 } });
  cores.push(t);
  await configureSync(t, proxy.url, redmine);
  await waitFor('connected', async () => (await t.call('sync.status', {})).state === 'connected', 30_000, () => t.call('sync.status', {}));
  return t;
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

async function reportWithSteps(t: TempCore, label: string): Promise<string> {
  const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: `${label}: 录像机离线`, reporter: '王保安', level: 'II' });
  await t.call('incidents.act', { id: incident.id, action: 'add_note', text: `${label}: 已通知工程师` });
  await t.call('incidents.attach', { id: incident.id, fileName: `${label}.txt`, mime: 'text/plain', contentBase64: Buffer.from(`${label} 现场记录`).toString('base64') });
  await t.call('incidents.act', { id: incident.id, action: 'respond', note: `${label}: 已响应` });
  return incident.id;
}

describe('sync through faults (Redmine behind a TCP fault proxy)', () => {
  const faults: Fault[] = ['drop_after_forward', 'delay', 'status_500', 'black_hole'];

  it.each(faults)('%s on every kind of call: nothing doubled, nothing lost', async (fault) => {
    const t = await consoleBehindProxy();
    // The ticket, a note, a file's upload, the note that attaches it, and a state change each meet the fault once.
    proxy.injectFor(/^POST \/issues\.json/, fault);
    proxy.injectFor(/^PUT \/issues\/\d+\.json/, fault);
    proxy.injectFor(/^POST \/uploads\.json/, fault);
    proxy.injectFor(/^PUT \/issues\/\d+\.json/, fault);
    proxy.injectFor(/^PUT \/issues\/\d+\.json/, fault);
    const id = await reportWithSteps(t, fault);
    await drained(t);
    expect(proxy.counts[fault]).toBe(5);
    // The console keeps connections alive between answered calls: faults met requests on reused connections too.
    const requests = Object.values(proxy.counts).reduce((a, b) => a + b, 0);
    expect(proxy.connections()).toBeLessThan(requests);
    await expectUpstreamOnce(redmine, t, id);
  }, 90_000);

  it("lets one incident's failing ticket wait without holding back the others", async () => {
    const t = await consoleBehindProxy();
    const first = await reportWithSteps(t, 'first');
    await drained(t);
    const { ticketId } = await t.call('sync.ticketOf', { incidentId: first });
    for (let i = 0; i < 6; i += 1) proxy.injectFor(new RegExp(`^(PUT|GET) /issues/${ticketId}\\.json`), 'status_500');
    await t.call('incidents.act', { id: first, action: 'add_note', text: '第一处:仍在处理' });
    const second = await reportWithSteps(t, 'second');
    await waitFor('the second incident upstream while the first waits', async () => {
      const queue = await t.call('sync.queue', {});
      return queue.items.every((i) => i.incidentId === first) && queue.items.length === 1 ? queue : undefined;
    });
    await expectUpstreamOnce(redmine, t, second);
    await drained(t);
    await expectUpstreamOnce(redmine, t, first);
  }, 90_000);

  it('starts pushing within seconds of the link coming back, with the default backoff', async () => {
    proxy = await startFaultProxy({ host: '127.0.0.1', port: redmine.port });
    const t = await startTempCore({ slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, sync: { timeoutMs: 2_000 } });
    cores.push(t);
    proxy.setDown(true);
    await configureSync(t, proxy.url, redmine);
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '断网期间报告', reporter: '王保安', level: 'I' });
    await new Promise((r) => setTimeout(r, 15_000));
    const status = await t.call('sync.status', {});
    expect(status).toMatchObject({ state: 'offline', waiting: 1 });
    expect(status.nextAttemptAt).not.toBeNull();
    proxy.setDown(false);
    const back = Date.now();
    await waitFor('the ticket', async () => (await t.call('sync.ticketOf', { incidentId: incident.id })).state === 'created', 20_000);
    const tookMs = Date.now() - back;
    console.log(`first push ${tookMs} ms after the link came back`);
    expect(tookMs).toBeLessThan(11_000);
    expect(await issuesOf(redmine, incident.id)).toHaveLength(1);
  }, 60_000);
});
