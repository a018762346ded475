import { describe, expect, it } from 'vitest';
import { sleep } from '../../../../support/eventually';
import { createSerialQueue } from '../../../../../electron/core/devices/session/serial-queue';


describe('serial queue', () => {
  it('runs one task at a time, in the order they were handed in', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await sleep(ms);
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 30)), queue.run(task('b', 1)), queue.run(task('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('rejects a failed task to its caller and goes on with the next', async () => {
    const queue = createSerialQueue();
    const failed = queue.run(async () => {
      throw new Error('port gone');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('port gone');
    await expect(next).resolves.toBe('next');
  });
});
