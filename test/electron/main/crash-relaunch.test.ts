// The desktop app after an error nothing caught in its main process: logged, then started again, unless it failed
// right after starting (it would only fail again, in a loop).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-core';

const calls = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({
  app: { relaunch: () => calls.push('relaunch'), exit: (code: number) => calls.push(`exit ${code}`) },
}));

const { relaunchAfterCrash, relaunchMinUptimeMs } = await import('../../../electron/main/crash-relaunch');

/** The handler relaunchAfterCrash added for `event`: called directly, as Node would. */
function lastListener(event: 'uncaughtException' | 'unhandledRejection'): (error: unknown) => void {
  const listeners = event === 'uncaughtException' ? process.listeners('uncaughtException') : process.listeners('unhandledRejection');
  return listeners.at(-1) as (error: unknown) => void;
}

describe('relaunchAfterCrash', () => {
  const dataDir = tempDir('duty-console-relaunch-');
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    calls.length = 0;
  });

  it('writes the crash log, then relaunches the app and ends this process', () => {
    uninstall = relaunchAfterCrash({ dataDir, version: '1.0.0', processName: 'desktop' }, () => relaunchMinUptimeMs + 1);
    lastListener('uncaughtException')(new Error('main process bug'));
    expect(readFileSync(join(dataDir, 'crash.log'), 'utf8')).toMatch(/desktop 1\.0\.0 pid \d+ uncaughtException\nError: main process bug/);
    expect(calls).toEqual(['relaunch', 'exit 1']);
  });

  it('does the same for a rejection nothing handled', () => {
    uninstall = relaunchAfterCrash({ dataDir, version: '1.0.0', processName: 'desktop' }, () => relaunchMinUptimeMs + 1);
    lastListener('unhandledRejection')(new Error('a lost promise'));
    expect(readFileSync(join(dataDir, 'crash.log'), 'utf8')).toContain('unhandledRejection\nError: a lost promise');
    expect(calls).toEqual(['relaunch', 'exit 1']);
  });

  it('does not relaunch an app that failed right after starting, so it cannot loop', () => {
    uninstall = relaunchAfterCrash({ dataDir, version: '1.0.0', processName: 'desktop' }, () => 2_000);
    lastListener('uncaughtException')(new Error('fails at start-up'));
    expect(calls).toEqual(['exit 1']);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
