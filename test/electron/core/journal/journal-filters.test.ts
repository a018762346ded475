import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTempCore, type TempCore } from '../../../support/temp-core';

describe('journal list filters', () => {
  let t: TempCore;
  let now = 1_000_000;
  beforeEach(async () => {
    now = 1_000_000;
    t = await startTempCore({ slaWatchIntervalMs: 0, clock: { now: () => now } });
  });
  afterEach(async () => {
    await t.close();
  });

  it('filters by type prefix, operator and time range, newest first', async () => {
    await t.call('duty.add', { kind: 'patrol', text: 'a' });
    now += 1000;
    await t.core.call('duty.add', { kind: 'note', text: 'b' }, { operator: '夜班' });
    now += 1000;
    await t.call('incidents.report', { systemId: 'cctv', description: 'c', reporter: 'x' });
    expect((await t.call('journal.list', { typePrefix: 'duty.' })).map((e) => e.type)).toEqual(['duty.entry_added', 'duty.entry_added']);
    expect((await t.call('journal.list', { operator: '夜班' })).map((e) => e.payload)).toMatchObject([{ text: 'b' }]);
    expect((await t.call('journal.list', { typePrefix: 'duty.', from: 1_000_500, to: 1_001_500 })).map((e) => e.operator)).toEqual(['夜班']);
    expect((await t.call('journal.list', { typePrefix: 'incident.' })).map((e) => e.type)).toEqual(['incident.reported']);
  });
});
