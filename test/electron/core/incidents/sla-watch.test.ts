import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../shared/contract/journal';
import { type Core, startCore } from '../../../../electron/core/core';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/domain/incidents/sla-levels';
import { tempDir } from '../../../support/temp-core';

const t0 = Date.UTC(2026, 10, 25, 1, 0);
const caller = { operator: 'tester' };
const dirs: string[] = [];
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(dataDir: string, at: number, slaWatchIntervalMs = 0): Promise<{ core: Core; clock: { at: number } }> {
  const clock = { at };
  const core = await startCore({ dataDir, transport: 'web', version: 'test', clock: { now: () => clock.at }, slaWatchIntervalMs });
  expect(core.info.startupError).toBeNull();
  cores.push(core);
  return { core, clock };
}

async function close(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function reportAt(core: Core, level: 'I' | 'II'): Promise<string> {
  const reported = await value<{ incident: { id: string } }>(core.call('incidents.report', { systemId: 'cctv', description: '机房监控全黑', reporter: '值班员', level }, caller));
  return reported.incident.id;
}

async function overdueEntries(core: Core, id: string): Promise<JournalEntry[]> {
  const timeline = await value<JournalEntry[]>(core.call('incidents.timeline', { id }, caller));
  return timeline.filter((e) => e.type === 'incident.sla_overdue');
}

describe('the SLA watch', () => {
  it('journals at start-up, once, the deadlines that passed while the console was closed, with their true times', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await open(dataDir, t0);
    const id = await reportAt(first.core, 'II');
    await close(first.core);

    const second = await open(dataDir, t0 + 3 * HOUR_MS);
    const crossed = await overdueEntries(second.core, id);
    expect(crossed.map((e) => e.payload)).toEqual([
      expect.objectContaining({ milestone: 'response', round: 1, level: 'II', dueAt: t0 + 30 * MINUTE_MS, at: t0 + 30 * MINUTE_MS, overdueByMs: 0 }),
      expect.objectContaining({ milestone: 'plan', round: 1, level: 'II', dueAt: t0 + 2 * HOUR_MS, at: t0 + 2 * HOUR_MS, overdueByMs: 0 }),
    ]);
    // The entry itself is dated when the console noticed; the payload says when it happened.
    expect(crossed.every((e) => e.at === t0 + 3 * HOUR_MS && e.operator === 'system')).toBe(true);
    await close(second.core);

    const third = await open(dataDir, t0 + 3 * HOUR_MS);
    expect(await overdueEntries(third.core, id)).toEqual(crossed);
    await close(third.core);

    const fourth = await open(dataDir, t0 + 25 * HOUR_MS);
    const later = await overdueEntries(fourth.core, id);
    expect(later.slice(0, 2)).toEqual(crossed);
    expect(later.slice(2).map((e) => e.payload)).toEqual([expect.objectContaining({ milestone: 'resolution', dueAt: t0 + 24 * HOUR_MS, at: t0 + 24 * HOUR_MS })]);
  });

  it('journals a deadline that passed before the incident was closed, though it is closed now', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await open(dataDir, t0);
    const id = await reportAt(first.core, 'II');
    first.clock.at = t0 + 40 * MINUTE_MS;
    const steps = [
      { action: 'respond' },
      { action: 'submit_plan', plan: '重启' },
      { action: 'start_work' },
      { action: 'resolve', cause: '死机', method: '重启' },
      { action: 'submit_fault_report', faultType: '软件', cause: '死机', method: '重启', loss: '无' },
      { action: 'close' },
    ];
    for (const step of steps) await value(first.core.call('incidents.act', { id, ...step }, caller));
    await close(first.core);

    const second = await open(dataDir, t0 + 41 * MINUTE_MS);
    expect((await overdueEntries(second.core, id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ milestone: 'response', dueAt: t0 + 30 * MINUTE_MS, at: t0 + 30 * MINUTE_MS }),
    ]);
  });

  it('journals a level change that put a deadline in the past at the time of the change', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const { core, clock } = await open(dataDir, t0);
    const id = await reportAt(core, 'II');
    clock.at = t0 + 10 * MINUTE_MS;
    for (const step of [{ action: 'respond' }, { action: 'submit_plan', plan: '更换' }, { action: 'start_work' }]) {
      await value(core.call('incidents.act', { id, ...step }, caller));
    }
    clock.at = t0 + 13 * HOUR_MS;
    await value(core.call('incidents.changeLevel', { id, level: 'I', reason: '业务停止' }, caller));
    await close(core);

    const again = await open(dataDir, t0 + 13 * HOUR_MS + MINUTE_MS);
    expect((await overdueEntries(again.core, id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ milestone: 'resolution', level: 'I', dueAt: t0 + 12 * HOUR_MS, at: t0 + 13 * HOUR_MS, overdueByMs: HOUR_MS }),
    ]);
  });

  it('while running, journals a deadline soon after the clock passes it and tells the UIs', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const { core, clock } = await open(dataDir, t0, 20);
    const id = await reportAt(core, 'I');
    const changed = new Promise<string[]>((resolve) =>
      core.onEvent((event, payload) => {
        if (event === 'incidents.changed') resolve((payload as { ids: string[] }).ids);
      }),
    );
    clock.at = t0 + 31 * MINUTE_MS;
    expect(await changed).toEqual([id]);
    expect((await overdueEntries(core, id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ milestone: 'response', level: 'I', at: t0 + 30 * MINUTE_MS }),
    ]);
  });
});
