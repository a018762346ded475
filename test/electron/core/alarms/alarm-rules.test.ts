import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patternSpecificity, ruleFor } from '../../../../electron/core/alarms/rule-matching';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('rule matching', () => {
  const rule = (eventPattern: string, enabled = true) => ({ eventPattern, enabled });

  it('prefers an exact pattern to any prefix, and a longer prefix to a shorter one', () => {
    const rules = [rule('cid.*'), rule('cid.11*'), rule('cid.110'), rule('ups.onBattery')];
    expect(ruleFor(rules, 'cid.110')?.eventPattern).toBe('cid.110');
    expect(ruleFor(rules, 'cid.111')?.eventPattern).toBe('cid.11*');
    expect(ruleFor(rules, 'cid.301')?.eventPattern).toBe('cid.*');
    expect(ruleFor(rules, 'ups.onBatteryLow')).toBeNull();
    expect(ruleFor(rules, 'osdp.tamper')).toBeNull();
  });

  it('skips disabled rules and gives a tie to the one listed first', () => {
    expect(ruleFor([rule('cid.11*', false), rule('cid.*')], 'cid.110')?.eventPattern).toBe('cid.*');
    const first = { eventPattern: 'cid.1*', enabled: true, id: 'a' };
    expect(ruleFor([first, { eventPattern: 'cid.1*', enabled: true, id: 'b' }], 'cid.130')?.id).toBe('a');
    expect(patternSpecificity('cid.11*', 'cid.1')).toBeNull();
  });
});

describe('alarm rules through the contract', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  const input = { eventPattern: 'osdp.power', label: { zh: '读卡器电源故障', en: 'Reader power' }, openIncident: true, level: 'III', systemId: 'access-control' } as const;

  it('lists the seeded defaults and creates, updates and removes a rule, journaling each change', async () => {
    const seeded = await t.call('alarmRules.list', {});
    expect(seeded.find((r) => r.eventPattern === 'cid.11*')).toMatchObject({ openIncident: true, level: 'I', systemId: 'intrusion', enabled: true });
    const created = await t.call('alarmRules.create', input);
    expect(created).toMatchObject({ ...input, enabled: true });
    const updated = await t.call('alarmRules.update', { id: created.id, fields: { ...input, level: 'II', enabled: false } });
    expect(updated).toMatchObject({ level: 'II', enabled: false });
    await t.call('alarmRules.remove', { id: created.id });
    expect((await t.call('alarmRules.list', {})).length).toBe(seeded.length);
    const entries = await t.call('journal.list', { entityType: 'alarm_rule', entityId: created.id, limit: 5 });
    expect(entries.map((e) => e.type)).toEqual(['alarm_rule.removed', 'alarm_rule.updated', 'alarm_rule.created']);
    expect(entries[1]!.payload).toMatchObject({ before: { level: 'III' }, after: { level: 'II' } });
  });

  it('refuses a pattern already ruled, an unknown system and a malformed pattern, changing nothing', async () => {
    const caller = { operator: 'supervisor' };
    expect(await t.core.call('alarmRules.create', { ...input, eventPattern: 'cid.11*' }, caller)).toMatchObject({ ok: false, error: { code: 'alarm_rule_duplicate_pattern' } });
    expect(await t.core.call('alarmRules.create', { ...input, systemId: 'fire' }, caller)).toMatchObject({ ok: false, error: { code: 'catalog_unknown_system' } });
    expect(await t.core.call('alarmRules.create', { ...input, eventPattern: 'cid.*1' }, caller)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await t.core.call('alarmRules.update', { id: 'nope', fields: input }, caller)).toMatchObject({ ok: false, error: { code: 'alarm_rule_not_found' } });
    expect(await t.call('journal.list', { limit: 5 })).toEqual([]);
  });
});
