import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch, Engineer, Incident } from '../../../../shared/contract';
import { pageSessions } from '../../../support/page-sessions';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('engineer grades and dispatch', () => {
  let t: TempCore;
  const pages = pageSessions(() => t.core);
  const t0 = Date.UTC(2026, 11, 7, 2, 0);
  let now = t0;
  beforeEach(async () => {
    now = t0;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  const engineers = () => pages.staff([['zhang', 'engineer'], ['li', 'engineer'], ['guard', 'duty_guard']]);

  it('grades engineers (administrator only, never a guard), and lists them with their grades', async () => {
    const { admin, ids } = await engineers();
    const guard = await pages.signedIn('guard', 'guard-pass-1');
    expect(await guard.call('engineers.setGrade', { operatorId: ids.zhang, grade: 'five_star' })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await admin.call('engineers.setGrade', { operatorId: ids.guard, grade: 'three_star' })).toMatchObject({ ok: false, error: { code: 'grade_not_engineer' } });
    expect(await admin.call('engineers.setGrade', { operatorId: ids.zhang, grade: 'five_star' })).toMatchObject({ ok: true, value: { grade: 'five_star' } });
    expect(await admin.call('engineers.setGrade', { operatorId: ids.li, grade: 'three_star' })).toMatchObject({ ok: true });
    const list = await t.call('engineers.list', {});
    expect(list.map((e: Engineer) => [e.name, e.grade])).toEqual([['admin', null], ['li', 'three_star'], ['zhang', 'five_star']]);
    const journal = await t.call('journal.list', { typePrefix: 'operator.grade_set' });
    expect(journal.map((e) => e.payload)).toEqual([{ name: 'li', grade: 'three_star' }, { name: 'zhang', grade: 'five_star' }]);
  });

  it('sends a five-star engineer to a level-I incident, records when expected and when arrived, on the timeline', async () => {
    const { admin, ids } = await engineers();
    await admin.call('engineers.setGrade', { operatorId: ids.zhang, grade: 'five_star' });
    await admin.call('engineers.setGrade', { operatorId: ids.li, grade: 'three_star' });
    const { incident } = (await t.call('incidents.report', { systemId: 'cctv', description: '中心机房全部黑屏', reporter: '王保安', level: 'I' })) as { incident: Incident };
    const guard = await pages.signedIn('guard', 'guard-pass-1');
    const expectedAt = t0 + 40 * 60_000;
    expect(await guard.call('dispatch.record', { incidentId: incident.id, engineerId: ids.li, expectedAt })).toMatchObject({
      ok: false,
      error: { code: 'dispatch_grade_required', params: { grade: 'five_star' } },
    });
    expect(await guard.call('dispatch.record', { incidentId: incident.id, engineerId: ids.zhang, expectedAt: t0 - 1 })).toMatchObject({
      ok: false,
      error: { code: 'dispatch_expected_before_dispatched' },
    });
    expect(await t.call('dispatch.ofIncident', { incidentId: incident.id })).toEqual([]);
    const sent = await guard.call('dispatch.record', { incidentId: incident.id, engineerId: ids.zhang, expectedAt });
    expect(sent).toMatchObject({ ok: true, value: { engineerName: 'zhang', grade: 'five_star', dispatchedAt: t0, expectedAt, arrivedAt: null, recordedBy: 'guard' } });
    // A second click (or a second guard) does not send the same engineer twice while they are on the way.
    expect(await guard.call('dispatch.record', { incidentId: incident.id, engineerId: ids.zhang, expectedAt })).toMatchObject({
      ok: false,
      error: { code: 'dispatch_already_under_way', params: { name: 'zhang' } },
    });
    expect(await t.call('dispatch.ofIncident', { incidentId: incident.id })).toHaveLength(1);
    // The guard's page would be idle-locked by now: the arrival goes through the internal path, as the guard.
    const asGuard = (method: string, input: unknown) => t.core.call(method, input, { operator: 'guard', role: 'duty_guard' });
    now = t0 + 35 * 60_000;
    const id = (sent as { value: Dispatch }).value.id;
    const arrived = await asGuard('dispatch.arrived', { id });
    expect(arrived, JSON.stringify(arrived)).toMatchObject({ ok: true, value: { arrivedAt: now } });
    expect(await asGuard('dispatch.arrived', { id })).toMatchObject({ ok: false, error: { code: 'dispatch_already_arrived' } });
    const timeline = await t.call('incidents.timeline', { id: incident.id });
    expect(timeline.filter((e) => e.type.startsWith('incident.engineer_')).map((e) => e.type)).toEqual(['incident.engineer_dispatched', 'incident.engineer_arrived']);

    // Below level I any graded engineer may go.
    const { incident: minor } = (await t.call('incidents.report', { systemId: 'cctv', description: '一台摄像机画面模糊', reporter: '王保安', level: 'III' })) as { incident: Incident };
    expect(await asGuard('dispatch.record', { incidentId: minor.id, engineerId: ids.li, expectedAt: now + 60_000 })).toMatchObject({ ok: true });
  });
});
