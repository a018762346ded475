import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperatorRole } from '../../../../shared/domain/operators/operator-roles';
import { defectActions, defectStepRules } from '../../../../shared/domain/problems/defect-lifecycle';
import { pageSessions } from '../../../support/page-sessions';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('system defects in the core', () => {
  let t: TempCore;
  const pages = pageSessions(() => t.core);
  let now = Date.UTC(2026, 11, 7, 2, 0);
  beforeEach(async () => {
    now = Date.UTC(2026, 11, 7, 2, 0);
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
  });
  afterEach(async () => {
    pages.closeAll();
    await t.close();
  });

  const as = (role: OperatorRole, method: string, input: unknown) => t.core.call(method, input, { operator: `${role}-1`, role });

  async function submit(extra: Record<string, unknown> = {}) {
    return t.call('defects.submit', { title: '门禁记录查询很慢', description: '查询一个月的刷卡记录要等两分钟', submitter: '物业 刘工', systemId: 'access-control', ...extra });
  }

  /** Operators with real accounts, signed in on their own pages (the sign-off checks the page's operator). */
  async function staff() {
    await pages.staff([['zhuguan', 'supervisor'], ['gongcheng', 'engineer']]);
    return { supervisor: await pages.signedIn('zhuguan', 'zhuguan-pass-1'), engineer: await pages.signedIn('gongcheng', 'gongcheng-pass-1') };
  }

  const stepInput = {
    analyse: { action: 'analyse', classification: 'technical', analysis: '数据库缺索引' },
    convert: { action: 'convert', analysis: '操作问题', askedBy: '刘工', channel: 'hotline', answer: '按月份筛选', answeredBy: '李工程师' },
    propose: { action: 'propose', proposal: '为刷卡记录加索引' },
    refuse: { action: 'refuse', reason: '先在测试库验证' },
    implement: { action: 'implement', implementation: '已加索引' },
    confirm: { action: 'confirm', method: '查询一个月记录 2 秒' },
    report: { action: 'report' },
    reply: { action: 'reply', analysis: '全表扫描', cause: '缺索引', changes: [{ target: '门禁服务器', what: '加索引', before: '无', after: 'idx_card_time', versionBefore: '3.1', versionAfter: '3.1.1' }] },
  } as const;

  it('refuses every step to a role below its own, and to the right role in the wrong state, changing nothing', async () => {
    for (const action of defectActions) {
      if (action === 'sign_off') continue;
      const defect = await submit();
      const below: OperatorRole = defectStepRules[action].minRole === 'supervisor' ? 'engineer' : 'duty_guard';
      const before = await t.call('journal.list', { limit: 500 });
      expect(await as(below, 'defects.act', { id: defect.id, ...stepInput[action] }), action).toMatchObject({
        ok: false,
        error: { code: 'defect_role_not_allowed', params: { action, role: below } },
      });
      expect(await t.call('journal.list', { limit: 500 })).toEqual(before);
      if (!defectStepRules[action].from.includes('submitted')) {
        expect(await as(defectStepRules[action].minRole, 'defects.act', { id: defect.id, ...stepInput[action] }), action).toMatchObject({
          ok: false,
          error: { code: 'defect_step_not_allowed', params: { state: 'submitted', action } },
        });
      }
      expect((await t.call('defects.get', { id: defect.id })).defect.state).toBe('submitted');
    }
    expect(await as('duty_guard', 'defects.submit', { title: '报表导出乱码', description: '导出 CSV 中文乱码', submitter: '王保安' })).toMatchObject({ ok: true });
  });

  it('walks a defect from submission through sign-off to the reply with its change record, who and when at each step', async () => {
    const { supervisor, engineer } = await staff();
    const defect = await submit();
    const id = defect.id;
    for (const step of [stepInput.analyse, stepInput.propose]) {
      now += 60_000;
      expect(await engineer.call('defects.act', { id, ...step })).toMatchObject({ ok: true });
    }
    // The engineer cannot sign their own proposal; the method refuses them before any password is checked.
    expect(await engineer.call('defects.signOff', { id, password: 'gongcheng-pass-1' })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await as('engineer', 'defects.signOff', { id, password: 'x' })).toMatchObject({ ok: false, error: { code: 'defect_role_not_allowed' } });
    // A wrong password signs nothing.
    expect(await supervisor.call('defects.signOff', { id, password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'password_wrong' } });
    expect((await t.call('defects.get', { id })).defect.state).toBe('proposed');
    now += 60_000;
    expect(await supervisor.call('defects.signOff', { id, password: 'zhuguan-pass-1', note: '同意' })).toMatchObject({ ok: true, value: { state: 'approved' } });
    for (const step of [stepInput.implement, stepInput.confirm, stepInput.report]) {
      now += 60_000;
      expect(await engineer.call('defects.act', { id, ...step }), step.action).toMatchObject({ ok: true });
    }
    expect((await t.call('defects.get', { id })).defect).toMatchObject({ state: 'reported', upstream: 'waiting_for_sync' });
    now += 60_000;
    expect(await engineer.call('defects.act', { id, ...stepInput.reply })).toMatchObject({ ok: true, value: { state: 'replied' } });

    const detail = await t.call('defects.get', { id });
    expect(detail.steps.map((s) => [s.action, s.by])).toEqual([
      ['submit', 'tester'],
      ['analyse', 'gongcheng'],
      ['propose', 'gongcheng'],
      ['sign_off', 'zhuguan'],
      ['implement', 'gongcheng'],
      ['confirm', 'gongcheng'],
      ['report', 'gongcheng'],
      ['reply', 'gongcheng'],
    ]);
    expect(detail.steps.at(-1)?.data).toMatchObject({ cause: '缺索引', changes: [{ target: '门禁服务器', before: '无', after: 'idx_card_time', versionAfter: '3.1.1' }] });
    const journal = await t.call('journal.list', { limit: 500, entityType: 'defect', entityId: id });
    const signed = journal.find((e) => e.type === 'defect.signed_off');
    expect(signed).toMatchObject({ operator: 'zhuguan', payload: { signer: 'zhuguan', passwordChecked: true } });
    expect(journal.some((e) => e.type === 'operator.password_check_failed')).toBe(false);
    const all = await t.call('journal.list', { limit: 500, entityType: 'operator' });
    expect(all.filter((e) => e.type === 'operator.password_check_failed')).toHaveLength(1);
  });

  it('sends a refused proposal back with its reason, for a new one', async () => {
    const defect = await submit();
    const id = defect.id;
    await t.call('defects.act', { id, ...stepInput.analyse });
    await t.call('defects.act', { id, ...stepInput.propose });
    expect(await as('engineer', 'defects.act', { id, ...stepInput.refuse })).toMatchObject({ ok: false, error: { code: 'defect_role_not_allowed' } });
    expect(await as('supervisor', 'defects.act', { id, action: 'refuse', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await as('supervisor', 'defects.act', { id, ...stepInput.refuse })).toMatchObject({ ok: true, value: { state: 'analysed' } });
    const detail = await t.call('defects.get', { id });
    expect(detail.steps.at(-1)).toMatchObject({ action: 'refuse', by: 'supervisor-1', data: { reason: '先在测试库验证' } });
    expect(await as('engineer', 'defects.act', { id, action: 'propose', proposal: '测试库验证后加索引' })).toMatchObject({ ok: true, value: { state: 'proposed' } });
  });

  it('converts an operation problem into the consultation that explains it, and closes the defect', async () => {
    const defect = await submit();
    expect(await as('duty_guard', 'defects.act', { id: defect.id, ...stepInput.convert })).toMatchObject({ ok: false, error: { code: 'defect_role_not_allowed' } });
    expect(await as('engineer', 'defects.act', { id: defect.id, ...stepInput.convert })).toMatchObject({ ok: true, value: { state: 'converted' } });
    const detail = await t.call('defects.get', { id: defect.id });
    expect(detail.consultation).toMatchObject({ defectId: defect.id, askedBy: '刘工', channel: 'hotline', answer: '按月份筛选', answeredBy: '李工程师' });
    expect(detail.defect.consultationId).toBe(detail.consultation?.id);
    expect(detail.availableActions).toEqual([]);
    expect(await t.call('defects.list', {})).toEqual([]);
    expect((await t.call('consultations.list', { q: '按月份' })).map((c) => c.id)).toEqual([detail.consultation?.id]);
  });

  it('starts a defect from an incident: its devices are linked, and every step is on their histories', async () => {
    const reader = await t.call('assets.create', { name: '东门读卡器', systemId: 'access-control' });
    const { incident } = await t.call('incidents.report', { systemId: 'access-control', description: '东门刷卡不开门', reporter: '王保安', deviceIds: [reader.id] });
    const defect = await submit({ incidentId: incident.id, systemId: 'unclassified' });
    expect(defect).toMatchObject({ incidentId: incident.id, systemId: 'access-control' });
    expect((await t.call('defects.get', { id: defect.id })).devices.map((d) => d.id)).toEqual([reader.id]);
    expect((await t.call('defects.ofIncident', { incidentId: incident.id })).map((d) => d.id)).toEqual([defect.id]);
    await t.call('defects.act', { id: defect.id, ...stepInput.analyse });
    const history = await t.call('assets.history', { id: reader.id });
    expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['incident.linked', 'defect.submitted', 'defect.analysed']));
    const timeline = await t.call('incidents.timeline', { id: incident.id });
    expect(timeline.find((e) => e.type === 'incident.defect_started')).toMatchObject({ payload: { defectNumber: defect.number } });
    expect(await as('duty_guard', 'defects.submit', { title: 'x', description: 'y', submitter: 'z', deviceIds: ['nope'] })).toMatchObject({
      ok: false,
      error: { code: 'asset_not_found' },
    });
  });
});
