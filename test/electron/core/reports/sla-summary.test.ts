import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import type { ReportOverview } from '../../../../shared/contract';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/domain/incidents/sla-levels';
import { startTempCore, type TempCore } from '../../../support/temp-core';

/*
 * The SLA report keeps each settled incident's judgement (migration 0084) and sums those in SQL. After every kind of
 * step an incident can take, the report made from the kept judgements must equal the one that judges every incident
 * from its clock events, which is the report with the kept judgements thrown away.
 */
describe('the SLA report from kept judgements', () => {
  let t: TempCore;
  let file: sqlite3.Database;
  let now = 0;
  const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
  const filter = { from: '2026-11-01', to: '2026-11-30' };

  beforeEach(async () => {
    now = at(1, 8);
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
    file = new sqlite3.Database(join(t.dataDir, databaseFileName));
  });
  afterEach(async () => {
    await new Promise((resolve) => file.close(resolve));
    await t.close();
  });

  const query = <T>(text: string) => new Promise<T[]>((resolve, reject) => file.all<T>(text, (err, rows) => (err ? reject(err) : resolve(rows))));
  const kept = async () => (await query<{ n: number }>('select count(*) as n from report_incident_sla'))[0]!.n;
  const overview = (f: Record<string, unknown> = filter) => t.call('reports.overview', { filter: f as typeof filter });

  /** The report as made (filling the kept judgements), as read back from them, and as judged afresh: all equal. */
  async function sameEitherWay(f: Record<string, unknown> = filter): Promise<ReportOverview> {
    const first = await overview(f);
    const fromKept = await overview(f);
    await query('delete from report_incident_sla');
    const judged = await overview(f);
    expect(first).toEqual(judged);
    expect(fromKept).toEqual(judged);
    return judged;
  }

  async function report(when: number, level: 'I' | 'II' | 'III' | 'IV', systemId = 'cctv') {
    now = when;
    return (await t.call('incidents.report', { systemId, description: '录像机故障', reporter: '王保安', level, location: 'A座 3F 机房' })).incident.id;
  }
  async function act(id: string, when: number, action: Record<string, unknown>) {
    now = when;
    await t.call('incidents.act', { id, ...action } as never);
  }
  const resolve = { action: 'resolve', cause: '部件老化', method: '更换' };
  const faultReport = { action: 'submit_fault_report', faultType: '硬件故障', cause: '部件老化', method: '更换', loss: '无' };
  const close = { action: 'close', note: '' };

  it('stays right after every kind of step: respond, plan, work, emergency plan, resolve, fault report, close, reopen, level change, reclassification, notes', async () => {
    const a = await report(at(2, 9), 'I');
    const b = await report(at(3, 9), 'II', 'access-control');
    const c = await report(at(4, 9), 'III');
    const late = at(20, 9);
    const reportAt = at(28, 12);
    const changeLevel = (id: string, when: number, level: 'I' | 'II' | 'III' | 'IV') => async () => {
      now = when;
      await t.call('incidents.changeLevel', { id, level, reason: '影响范围变化' });
    };
    const steps: [string, number, () => Promise<unknown>][] = [
      ['respond', at(2, 9, 20), () => act(a, at(2, 9, 20), { action: 'respond', note: '' })],
      ['plan late', at(2, 12), () => act(a, at(2, 12), { action: 'submit_plan', plan: '更换硬盘' })],
      ['start work', at(2, 13), () => act(a, at(2, 13), { action: 'start_work', note: '' })],
      ['emergency plan at its limit', at(3, 1), () => act(a, at(3, 1), { action: 'submit_emergency_plan', plan: '启用备用录像机' })],
      ['resolve late', at(3, 8), () => act(a, at(3, 8), resolve)],
      ['fault report', at(3, 20), () => act(a, at(3, 20), faultReport)],
      ['close', at(4, 8), () => act(a, at(4, 8), close)],
      ['b through to closed, responded and reported late', at(5, 10), async () => {
        await act(b, at(3, 10), { action: 'respond', note: '' });
        await act(b, at(3, 10, 30), { action: 'submit_plan', plan: '更换读卡器' });
        await act(b, at(3, 11), { action: 'start_work', note: '' });
        await act(b, at(3, 12), resolve);
        await act(b, at(5, 9), faultReport);
        await act(b, at(5, 10), close);
      }],
      ['c filed under another system, its level raised while open, then closed', at(5, 10), async () => {
        now = at(4, 9, 30);
        await t.call('incidents.classify', { id: c, systemId: 'access-control' });
        await act(c, at(4, 10), { action: 'respond', note: '' });
        await changeLevel(c, at(4, 10, 30), 'II')();
        await act(c, at(4, 11), { action: 'submit_plan', plan: '更换电源' });
        await act(c, at(4, 11, 30), { action: 'start_work', note: '' });
        await act(c, at(5, 8), resolve);
        await act(c, at(5, 9), faultReport);
        await act(c, at(5, 10), close);
      }],
      ['note on a closed incident', at(6, 9), () => act(a, at(6, 9), { action: 'add_note', text: '回访客户' })],
      ['reopen', at(10, 9), () => act(a, at(10, 9), { action: 'reopen', reason: '再次黑屏' })],
      ['level change of the reopened incident', at(10, 10), changeLevel(a, at(10, 10), 'II')],
      ['resolve the second round', at(11, 9), () => act(a, at(11, 9), resolve)],
      ['fault report of the second round', at(11, 10), () => act(a, at(11, 10), faultReport)],
      ['close again', at(12, 9), () => act(a, at(12, 9), close)],
      ['reopen for good', late, () => act(b, late, { action: 'reopen', reason: '仍不能开门' })],
    ];
    for (const [name, when, step] of steps) {
      await step();
      // The report is made later than the step (settled judgements are kept), then at the step itself.
      for (const reportTime of [reportAt, when]) {
        now = reportTime;
        const judged = await sameEitherWay();
        expect(judged.sla.total.incidents, name).toBe(3);
      }
    }
    now = reportAt;
    const final = await sameEitherWay();
    // a (reopened, now level II) and c (raised to II) are settled; b was reopened and is open again.
    expect(await kept()).toBe(2);
    expect(final.sla.byLevel.find((g) => g.key === 'II')!.incidents).toBe(3);
    expect(final.incidentsBySystem).toEqual([{ key: 'access-control', count: 2 }, { key: 'cctv', count: 1 }]);
    expect(final.sla.missesTotal).toBeGreaterThan(0);

    // A clock set back before a kept incident's last event judges it from its events again.
    now = at(11, 12);
    await sameEitherWay();
    // Filters by system, place and a period cut inside the month read the same kept rows.
    now = reportAt;
    await sameEitherWay({ ...filter, systemId: 'access-control' });
    await sameEitherWay({ ...filter, location: '3F' });
    await sameEitherWay({ from: '2026-11-03', to: '2026-11-03' });
  });

  it('forgets a kept judgement in the same step that appends a clock event, and keeps the misses in the same order', async () => {
    const ids: string[] = [];
    // Many incidents with equal deadlines: the misses listed are ordered the same from kept rows and from events.
    for (let i = 0; i < 6; i += 1) ids.push(await report(at(2, 9), i % 2 ? 'II' : 'IV'));
    for (const id of ids) {
      await act(id, at(2, 9) + 3 * HOUR_MS, { action: 'respond', note: '' });
      await act(id, at(2, 13), { action: 'submit_plan', plan: '更换' });
      await act(id, at(2, 14), { action: 'start_work', note: '' });
      await act(id, at(3, 9), resolve);
      await act(id, at(3, 10), faultReport);
      await act(id, at(3, 11), close);
    }
    now = at(28, 12);
    const before = await sameEitherWay();
    expect(before.sla.misses.map((m) => m.incidentId)).toEqual(expect.arrayContaining(ids));
    await overview();
    expect(await kept()).toBe(6);
    await act(ids[0]!, at(28, 12), { action: 'reopen', reason: '复发' });
    expect(await kept()).toBe(5);
    await act(ids[1]!, at(28, 12) + MINUTE_MS, { action: 'add_note', text: '备注' });
    expect(await kept()).toBe(5);
  });
});
