import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperatorRole } from '../../../../shared/domain/operators/operator-roles';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/domain/incidents/sla-levels';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('the incident lifecycle in the core', () => {
  let t: TempCore;
  const t0 = Date.UTC(2026, 10, 25, 1, 0);
  let now = t0;
  beforeEach(async () => {
    now = t0;
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  const as = (role: OperatorRole, method: string, input: unknown) => t.core.call(method, input, { operator: `${role}-1`, role });

  async function report(level: 'I' | 'II' | 'III' | 'IV' = 'II') {
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '录像机黑屏', reporter: '王保安', level });
    return incident;
  }

  it('lets each role take only its own steps, and changes nothing on a refusal', async () => {
    const incident = await report();
    const journalBefore = await t.call('journal.list', { limit: 100 });

    expect(await as('duty_guard', 'incidents.act', { id: incident.id, action: 'respond' })).toMatchObject({
      ok: false,
      error: { code: 'incident_role_not_allowed', params: { state: 'reported', action: 'respond', role: 'duty_guard' } },
    });
    expect(await as('engineer', 'incidents.act', { id: incident.id, action: 'start_work' })).toMatchObject({
      ok: false,
      error: { code: 'incident_transition_not_allowed', params: { state: 'reported', action: 'start_work' } },
    });
    expect(await t.call('journal.list', { limit: 100 })).toEqual(journalBefore);
    expect((await t.call('incidents.get', { id: incident.id })).incident.state).toBe('reported');

    expect(await as('engineer', 'incidents.act', { id: incident.id, action: 'respond' })).toMatchObject({ ok: true, value: { state: 'responded' } });
    expect(await as('duty_guard', 'incidents.act', { id: incident.id, action: 'add_note', text: '工程师已到场' })).toMatchObject({
      ok: true,
      value: { state: 'responded' },
    });
  });

  it('walks an incident from report to closing, each step by a role allowed to take it', async () => {
    const incident = await report();
    const id = incident.id;
    const steps: [OperatorRole, Record<string, unknown>, string][] = [
      ['engineer', { action: 'respond', note: '电话已联系' }, 'responded'],
      ['engineer', { action: 'submit_plan', plan: '更换电源模块' }, 'plan_submitted'],
      ['engineer', { action: 'start_work' }, 'in_progress'],
      ['engineer', { action: 'resolve', cause: '电源模块老化', method: '更换电源模块', loss: '录像中断 40 分钟' }, 'resolved'],
      ['engineer', { action: 'submit_fault_report', faultType: '硬件故障', cause: '电源模块老化', method: '更换', loss: '录像中断 40 分钟' }, 'fault_report_submitted'],
    ];
    for (const [role, step, state] of steps) {
      now += 10 * MINUTE_MS;
      expect(await as(role, 'incidents.act', { id, ...step }), String(step.action)).toMatchObject({ ok: true, value: { state } });
    }
    expect(await as('engineer', 'incidents.act', { id, action: 'close' })).toMatchObject({ ok: false, error: { code: 'incident_role_not_allowed' } });
    expect(await as('supervisor', 'incidents.act', { id, action: 'close' })).toMatchObject({ ok: true, value: { state: 'closed' } });

    const detail = await t.call('incidents.get', { id });
    expect(detail.incident).toMatchObject({ plan: '更换电源模块', record: { faultType: '硬件故障', cause: '电源模块老化', loss: '录像中断 40 分钟' } });
    expect(detail.milestones.closed).toBe(true);
    expect(detail.milestones.milestones.response).toMatchObject({ state: 'met', by: 'engineer-1', late: false });
  });

  it('reopens only with a reason, and the reason is on the timeline', async () => {
    const incident = await report();
    const id = incident.id;
    await t.call('incidents.act', { id, action: 'respond' });
    await t.call('incidents.act', { id, action: 'submit_plan', plan: '重启' });
    await t.call('incidents.act', { id, action: 'start_work' });
    await t.call('incidents.act', { id, action: 'resolve', cause: '死机', method: '重启' });

    expect(await as('supervisor', 'incidents.act', { id, action: 'reopen' })).toMatchObject({ ok: false, error: { code: 'incident_reopen_reason_required' } });
    expect(await as('supervisor', 'incidents.act', { id, action: 'reopen', reason: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'incident_reopen_reason_required' },
    });
    expect(await as('engineer', 'incidents.act', { id, action: 'reopen', reason: '再次黑屏' })).toMatchObject({
      ok: false,
      error: { code: 'incident_role_not_allowed' },
    });
    expect(await as('supervisor', 'incidents.act', { id, action: 'reopen', reason: '再次黑屏' })).toMatchObject({ ok: true, value: { state: 'in_progress' } });
    const timeline = await t.call('incidents.timeline', { id });
    expect(timeline.at(-1)).toMatchObject({ type: 'incident.reopened', operator: 'supervisor-1', payload: { reason: '再次黑屏', from: 'resolved', to: 'in_progress' } });
  });

  it('re-bases the clocks when the level changes, and journals the change with its reason', async () => {
    const incident = await report('II');
    now = t0 + 13 * HOUR_MS;
    expect((await t.call('incidents.get', { id: incident.id })).milestones.milestones.resolution).toMatchObject({ state: 'due', dueAt: t0 + 24 * HOUR_MS });

    expect(await as('engineer', 'incidents.changeLevel', { id: incident.id, level: 'I', reason: '业务已停止' })).toMatchObject({
      ok: false,
      error: { code: 'incident_role_not_allowed' },
    });
    expect(await as('supervisor', 'incidents.changeLevel', { id: incident.id, level: 'II', reason: '同级' })).toMatchObject({
      ok: false,
      error: { code: 'incident_level_unchanged' },
    });
    expect(await as('supervisor', 'incidents.changeLevel', { id: incident.id, level: 'I', reason: '业务已停止' })).toMatchObject({ ok: true, value: { level: 'I' } });

    const detail = await t.call('incidents.get', { id: incident.id });
    expect(detail.milestones.level).toBe('I');
    expect(detail.milestones.milestones.resolution).toMatchObject({ state: 'overdue', dueAt: t0 + 12 * HOUR_MS, overdueByMs: HOUR_MS });
    expect(detail.milestones.milestones.emergency_plan).toMatchObject({ state: 'due', dueAt: t0 + 16 * HOUR_MS });
    const [latest] = await t.call('journal.list', { entityType: 'incident', entityId: incident.id, limit: 1 });
    expect(latest).toMatchObject({ type: 'incident.level_changed', at: now, payload: { levelFrom: 'II', level: 'I', reason: '业务已停止' } });
  });

  it('saves the on-site record field by field, journaling what changed from and to', async () => {
    const incident = await report();
    const saved = await t.call('incidents.updateRecord', {
      id: incident.id,
      fields: { location: '中心机房 2 号机柜', cause: '硬盘坏道', method: '更换硬盘', loss: '丢失 2 小时录像', prevention: '每季度检测硬盘' },
    });
    expect(saved.record).toMatchObject({
      location: '中心机房 2 号机柜',
      reporter: '王保安',
      description: '录像机黑屏',
      cause: '硬盘坏道',
      method: '更换硬盘',
      loss: '丢失 2 小时录像',
      prevention: '每季度检测硬盘',
    });
    expect((await t.call('incidents.get', { id: incident.id })).incident.record).toEqual(saved.record);
    const [latest] = await t.call('journal.list', { entityType: 'incident', entityId: incident.id, limit: 1 });
    expect(latest).toMatchObject({ type: 'incident.record_updated', payload: { changes: { cause: { from: '', to: '硬盘坏道' } } } });
    expect(await as('duty_guard', 'incidents.updateRecord', { id: incident.id, fields: { cause: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'incident_role_not_allowed' },
    });
  });

  it('lists every step on the timeline, oldest first, each with its operator', async () => {
    const incident = await report();
    const id = incident.id;
    const dvr = await t.call('assets.create', { name: 'DVR', systemId: 'cctv' });
    await as('engineer', 'incidents.act', { id, action: 'respond' });
    await as('duty_guard', 'incidents.act', { id, action: 'add_note', text: '客户催促' });
    await as('supervisor', 'incidents.changeLevel', { id, level: 'I', reason: '影响业务' });
    await as('engineer', 'incidents.act', { id, action: 'submit_plan', plan: '更换' });
    await as('engineer', 'incidents.linkDevices', { id, deviceIds: [dvr.id] });
    await as('engineer', 'incidents.updateRecord', { id, fields: { cause: '电源' } });
    await as('engineer', 'incidents.act', { id, action: 'start_work' });
    const timeline = await t.call('incidents.timeline', { id });
    expect(timeline.map((e) => [e.type, e.operator])).toEqual([
      ['incident.reported', 'tester'],
      ['incident.responded', 'engineer-1'],
      ['incident.note_added', 'duty_guard-1'],
      ['incident.level_changed', 'supervisor-1'],
      ['incident.plan_submitted', 'engineer-1'],
      ['incident.device_linked', 'engineer-1'],
      ['incident.record_updated', 'engineer-1'],
      ['incident.work_started', 'engineer-1'],
    ]);
    expect(timeline.every((e) => e.entityType === 'incident' && e.entityId === id)).toBe(true);
  });

  it('offers the caller only the actions their role may take now', async () => {
    const incident = await report();
    const forGuard = await t.core.call('incidents.get', { id: incident.id }, { operator: 'g', role: 'duty_guard' });
    expect(forGuard).toMatchObject({ ok: true, value: { availableActions: ['add_note'] } });
    const forEngineer = await t.core.call('incidents.get', { id: incident.id }, { operator: 'e', role: 'engineer' });
    expect(forEngineer).toMatchObject({ ok: true, value: { availableActions: ['add_note', 'respond'] } });
  });

  it('answers a missing incident with a clear code', async () => {
    expect(await t.core.call('incidents.get', { id: 'nope' }, { operator: 'x' })).toMatchObject({ ok: false, error: { code: 'incident_not_found' } });
    expect(await t.core.call('incidents.act', { id: 'nope', action: 'respond' }, { operator: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'incident_not_found' },
    });
  });
});
