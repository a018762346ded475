import { describe, expect, it } from 'vitest';
import { sleep } from '../../../../support/eventually';
import { createPollLoop } from '../../../../../electron/core/devices/session/poll-loop';


describe('poll loop', () => {
  it('does the start-up reads once, then cycles until stopped', async () => {
    const log: string[] = [];
    const loop = createPollLoop({
      now: Date.now,
      intervalMs: 10,
      pace: 'period',
      startUp: async () => void log.push('start-up'),
      cycle: async () => void log.push('cycle'),
    });
    loop.start();
    await sleep(60);
    loop.stop();
    const cycles = log.filter((entry) => entry === 'cycle').length;
    expect(log[0]).toBe('start-up');
    expect(log.filter((entry) => entry === 'start-up')).toHaveLength(1);
    expect(cycles).toBeGreaterThanOrEqual(3);
    await sleep(40);
    expect(log.filter((entry) => entry === 'cycle')).toHaveLength(cycles);
  });

  it('never leaves the old loop running beside a new one after a stop and a start', async () => {
    let inCycle = 0;
    let overlapped = false;
    let settled = false;
    const loop = createPollLoop({
      now: Date.now,
      intervalMs: 0,
      pace: 'gap',
      cycle: async () => {
        inCycle += 1;
        // The cycle in flight at the stop may finish beside the new loop's first one; after it, never two.
        overlapped ||= settled && inCycle > 1;
        await sleep(15);
        inCycle -= 1;
      },
    });
    loop.start();
    await sleep(5);
    loop.stop();
    loop.start();
    await sleep(20);
    settled = true;
    await sleep(100);
    loop.stop();
    expect(overlapped).toBe(false);
  });

  it('waits the gap after a cycle ends, and goes on after a cycle that throws', async () => {
    const starts: number[] = [];
    const errors: string[] = [];
    const loop = createPollLoop({
      now: Date.now,
      intervalMs: 30,
      pace: 'gap',
      cycle: async () => {
        starts.push(Date.now());
        await sleep(20);
        throw new Error('bus error');
      },
      onError: (error) => errors.push((error as Error).message),
    });
    loop.start();
    await sleep(140);
    loop.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(48);
  });
});
