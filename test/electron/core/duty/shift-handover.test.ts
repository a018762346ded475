import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const hour = 3_600_000;

describe('shift handover', () => {
  let t: TempCore;
  let now = Date.UTC(2026, 10, 25, 0, 0);
  beforeEach(async () => {
    now = Date.UTC(2026, 10, 25, 0, 0);
    t = await startTempCore({ slaWatchIntervalMs: 0, clock: { now: () => now } });
  });
  afterEach(async () => {
    await t.close();
  });

  it('drafts the open incidents with their overdue milestones, and the entries of the shift', async () => {
    const { incident: fire } = await t.call('incidents.report', { systemId: 'cctv', description: '中心机房摄像机全部黑屏', reporter: '张三', level: 'I' });
    await t.call('duty.add', { kind: 'patrol', text: '零点巡查' });
    now += hour;
    const draft = await t.call('duty.handoverDraft', {});
    const open = draft.openIncidents.find((i) => i.id === fire.id);
    expect(open).toMatchObject({ number: fire.number, level: 'I', state: 'reported', title: fire.title });
    // An hour after the report nobody has responded: the 30-minute response is overdue.
    expect(open?.overdue).toContain('response');
    expect(draft.entriesSinceLastHandover.map((e) => e.text)).toEqual(['零点巡查']);
    expect(draft.since).toBeNull();
  });

  it('closes the shift on submit, waits for the incoming guard, and starts a new shift', async () => {
    await t.call('incidents.report', { systemId: 'cctv', description: '硬盘录像机报警', reporter: '李四', level: 'II' });
    await t.call('duty.add', { kind: 'call', text: '业主来电' });
    now += 8 * hour;
    const submitted = await t.call('duty.handoverSubmit', { summary: '夜班平稳，一起故障待处理', notes: '钥匙在抽屉' });
    expect(submitted).toMatchObject({ outgoingOperator: 'tester', incomingOperator: null, confirmedAt: null, createdAt: now });
    expect(submitted.openIncidents).toHaveLength(1);
    expect(submitted.entries.map((e) => e.text)).toEqual(['业主来电']);

    const second = await t.core.call('duty.handoverSubmit', { summary: '再交一次' }, { operator: 'tester' });
    expect(second.ok ? null : second.error.code).toBe('duty_handover_pending');

    now += 5 * 60_000;
    const confirmed = await t.call('duty.handoverConfirm', { id: submitted.id });
    expect(confirmed).toMatchObject({ incomingOperator: 'tester', confirmedAt: now, summary: '夜班平稳，一起故障待处理', notes: '钥匙在抽屉' });
    const again = await t.core.call('duty.handoverConfirm', { id: submitted.id }, { operator: 'tester' });
    expect(again.ok ? null : again.error.code).toBe('duty_handover_already_confirmed');

    const draft = await t.call('duty.handoverDraft', {});
    expect(draft.entriesSinceLastHandover).toEqual([]);
    expect(draft.since).toBe(submitted.createdAt);
    expect(await t.call('duty.handover', { id: submitted.id })).toEqual(confirmed);
    expect(await t.call('duty.handovers', {})).toMatchObject([{ id: submitted.id, openIncidentCount: 1, entryCount: 1 }]);
  });

  it('keeps the incidents as they stood at the handover, whatever happens to them later', async () => {
    const { incident } = await t.call('incidents.report', { systemId: 'cctv', description: '门禁控制器离线', reporter: '王五', level: 'III' });
    const submitted = await t.call('duty.handoverSubmit', { summary: '交班' });
    await t.call('incidents.act', { id: incident.id, action: 'respond', note: '已联系工程师' });
    expect((await t.call('duty.handover', { id: submitted.id })).openIncidents[0]).toMatchObject({ id: incident.id, state: 'reported' });
  });

  it('journals the submission and the confirmation, and names an unknown handover', async () => {
    const submitted = await t.call('duty.handoverSubmit', { summary: '交班' });
    await t.call('duty.handoverConfirm', { id: submitted.id });
    const entries = await t.call('journal.list', { entityType: 'duty', entityId: submitted.id });
    expect(entries.map((e) => e.type)).toEqual(['duty.handover_confirmed', 'duty.handover_submitted']);
    const missing = await t.core.call('duty.handover', { id: 'nope' }, { operator: 'tester' });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'duty_handover_not_found', params: { id: 'nope' } });
  });
});

describe('shift handover with operators', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
    await t.call('operators.create', { name: 'zhangsan', displayName: '张三', role: 'duty_guard', password: 'night-shift-1' });
    await t.call('operators.create', { name: 'lisi', displayName: '李四', role: 'duty_guard', password: 'day-shift-22' });
  });
  afterEach(async () => {
    await t.close();
  });

  const as = (operator: string) => ({ operator, role: 'duty_guard' as const });

  it('is confirmed by the incoming guard’s own name and password', async () => {
    const submitted = await t.core.call('duty.handoverSubmit', { summary: '夜班平稳' }, as('zhangsan'));
    const id = submitted.ok ? (submitted.value as { id: string }).id : '';
    const wrong = await t.core.call('duty.handoverConfirm', { id, name: 'lisi', password: 'not-the-password' }, as('zhangsan'));
    expect(wrong.ok ? null : wrong.error.code).toBe('auth_failed');
    const missing = await t.core.call('duty.handoverConfirm', { id }, as('lisi'));
    expect(missing.ok ? null : missing.error.code).toBe('duty_handover_credentials_required');
    const self = await t.core.call('duty.handoverConfirm', { id, name: 'zhangsan', password: 'night-shift-1' }, as('zhangsan'));
    expect(self.ok ? null : self.error.code).toBe('duty_handover_same_operator');
    expect((await t.call('duty.handover', { id })).confirmedAt).toBeNull();

    const confirmed = await t.core.call('duty.handoverConfirm', { id, name: 'lisi', password: 'day-shift-22' }, as('zhangsan'));
    expect(confirmed.ok ? confirmed.value : confirmed.error).toMatchObject({ outgoingOperator: 'zhangsan', incomingOperator: 'lisi' });
    const [entry] = await t.call('journal.list', { entityType: 'duty', entityId: id, limit: 1 });
    expect(entry).toMatchObject({ type: 'duty.handover_confirmed', operator: 'lisi', payload: { outgoing: 'zhangsan', incoming: 'lisi' } });
  });
});
