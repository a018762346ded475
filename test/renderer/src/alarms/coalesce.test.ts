import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../../renderer/src/alarms/coalesce';

describe('coalescing a stream of refreshes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first at once, then those arriving within the interval together, once, at its end', () => {
    const runs: string[][] = [];
    const refresh = coalesce<string>((items) => runs.push(items), 250);
    refresh.add('alarms');
    expect(runs).toEqual([['alarms']]);
    for (let i = 0; i < 1000; i += 1) refresh.add(i % 2 === 0 ? 'alarms' : 'devices');
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(249);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([['alarms'], ['alarms', 'devices']]);
    // After a quiet interval the next one runs at once again.
    vi.advanceTimersByTime(300);
    refresh.add('devices');
    expect(runs.at(-1)).toEqual(['devices']);
    expect(runs).toHaveLength(3);
  });

  it('drops what is pending when cancelled (the page left)', () => {
    const runs: string[][] = [];
    const refresh = coalesce<string>((items) => runs.push(items), 250);
    refresh.add('a');
    refresh.add('b');
    refresh.cancel();
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([['a']]);
  });
});
