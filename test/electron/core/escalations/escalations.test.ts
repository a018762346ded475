import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, startCore } from '../../../../electron/core/core';
import type { Escalation, Incident, JournalEntry } from '../../../../shared/contract';
import type { OperatorRole } from '../../../../shared/domain/operators/operator-roles';
import { tempDir } from '../../../support/temp-core';

describe('escalations', () => {
  const t0 = Date.UTC(2026, 11, 7, 1, 0);
  const clock = { at: t0 };
  let dataDir = '';
  let core: Core | null = null;
  const open = async () => {
    core = await startCore({ dataDir, transport: 'web', version: 'test', clock: { now: () => clock.at }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0 });
    return core;
  };
  afterEach(async () => {
    await core?.close();
    core = null;
    rmSync(dataDir, { recursive: true, force: true });
  });
  const as = async <T>(role: OperatorRole, method: string, input: unknown) => (core as Core).call(method, input, { operator: `${role}-1`, role }) as Promise<{ ok: boolean; value?: T; error?: { code: string } }>;
  const value = async <T>(method: string, input: unknown) => {
    const r = await (core as Core).call(method, input, { operator: 'tester' });
    if (!r.ok) throw new Error(r.error.code);
    return r.value as T;
  };

  it('lets an engineer mark an incident as not resolvable on site, and only a supervisor acknowledge it, once, journaled', async () => {
    dataDir = tempDir();
    await open();
    const { incident } = await value<{ incident: Incident }>('incidents.report', { systemId: 'cctv', description: '录像机无法启动', reporter: '王保安', level: 'II' });
    const before = await value<JournalEntry[]>('journal.list', { limit: 500 });
    expect(await as('duty_guard', 'escalations.raise', { incidentId: incident.id, tried: '重启' })).toMatchObject({ ok: false, error: { code: 'escalation_role_not_allowed' } });
    expect(await as('engineer', 'escalations.raise', { incidentId: incident.id, tried: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await value<JournalEntry[]>('journal.list', { limit: 500 })).toEqual(before);

    const raised = await as<Escalation>('engineer', 'escalations.raise', { incidentId: incident.id, tried: '重启两次，换电源，仍不启动' });
    expect(raised).toMatchObject({ ok: true, value: { kind: 'cannot_resolve', incidentNumber: incident.number, raisedBy: 'engineer-1', acknowledgedAt: null, upstream: 'waiting_for_sync' } });
    const id = raised.value?.id ?? '';
    expect((await value<Escalation[]>('escalations.list', {})).map((e) => e.id)).toEqual([id]);

    expect(await as('engineer', 'escalations.acknowledge', { id, action: '联系厂家' })).toMatchObject({ ok: false, error: { code: 'escalation_role_not_allowed' } });
    clock.at += 5 * 60_000;
    expect(await as('supervisor', 'escalations.acknowledge', { id, action: '联系厂家，明早带备机到场' })).toMatchObject({
      ok: true,
      value: { acknowledgedBy: 'supervisor-1', acknowledgedAt: clock.at, action: '联系厂家，明早带备机到场' },
    });
    expect(await as('supervisor', 'escalations.acknowledge', { id, action: '再次' })).toMatchObject({ ok: false, error: { code: 'escalation_already_acknowledged' } });
    expect(await value<Escalation[]>('escalations.list', {})).toEqual([]);
    const timeline = await value<JournalEntry[]>('incidents.timeline', { id: incident.id });
    expect(timeline.filter((e) => e.type.startsWith('escalation.')).map((e) => [e.type, e.operator])).toEqual([
      ['escalation.raised', 'engineer-1'],
      ['escalation.acknowledged', 'supervisor-1'],
    ]);
  });

  it('escalates an SLA milestone past its deadline once, by the console itself, even when it passed while the console was closed', async () => {
    dataDir = tempDir();
    await open();
    const { incident } = await value<{ incident: Incident }>('incidents.report', { systemId: 'cctv', description: '中心机房全部黑屏', reporter: '王保安', level: 'I' });
    expect(await value<Escalation[]>('escalations.list', {})).toEqual([]);
    await (core as Core).close();
    clock.at += 45 * 60_000;
    await open();
    const queue = await value<Escalation[]>('escalations.list', {});
    expect(queue).toMatchObject([{ incidentId: incident.id, kind: 'sla_overdue', milestone: 'response', raisedBy: 'system', level: 'I' }]);
    await (core as Core).close();
    await open();
    expect(await value<Escalation[]>('escalations.list', { scope: 'all' })).toHaveLength(1);
  });
});
