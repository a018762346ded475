import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('consultations in the core', () => {
  let t: TempCore;
  const now = Date.UTC(2026, 11, 7, 3, 0);
  beforeEach(async () => {
    t = await startTempCore({ clock: { now: () => now }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('records who asked, how, the question, the answer and who answered, journaled, closed at once', async () => {
    const input = { askedBy: '前台 小王', channel: 'hotline', question: '怎样调出昨晚的录像', answer: '回放菜单选日期', answeredBy: '李工程师', systemId: 'cctv' } as const;
    const guard = await t.core.call('consultations.record', input, { operator: 'guard-1', role: 'duty_guard' });
    expect(guard).toMatchObject({ ok: true, value: { number: 'ZX-00001', ...input, answeredAt: now, recordedBy: 'guard-1', defectId: null } });
    const id = guard.ok ? (guard.value as { id: string }).id : '';
    expect(await t.call('consultations.get', { id })).toMatchObject({ question: '怎样调出昨晚的录像' });
    const journal = await t.call('journal.list', { limit: 10, entityType: 'consultation', entityId: id });
    expect(journal.map((e) => e.type)).toEqual(['consultation.recorded']);
  });

  it('refuses a consultation without an answer or with an unknown system, recording nothing', async () => {
    const base = { askedBy: '小王', channel: 'on_site', question: '?', answer: '', answeredBy: '李工' };
    expect(await t.core.call('consultations.record', base, { operator: 't' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.core.call('consultations.record', { ...base, answer: 'a', systemId: 'nope' }, { operator: 't' })).toMatchObject({
      ok: false,
      error: { code: 'catalog_unknown_system' },
    });
    expect(await t.call('consultations.list', {})).toEqual([]);
  });
});
