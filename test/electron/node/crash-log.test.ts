// The crash log: what no handler caught is written to <dataDir>/crash.log before the process ends, bounded in size.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendCrashLog, crashLogFileName, crashLogMaxBytes } from '../../../electron/node/crash-log';
import { tempDir } from '../../support/temp-core';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempDir('duty-console-crash-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the headless host from its source, waits until it listens, makes it fail, and resolves with its exit code. */
function crashHost(dataDir: string, how: 'exception' | 'rejection'): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/support/crash-trigger.mjs', 'electron/host/cli.ts', '--no-open', '--port', '0', '--data-dir', dataDir],
      { cwd: join(import.meta.dirname, '../../..'), env: { ...process.env, DUTY_CONSOLE_TEST_CRASH: how }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Duty Console at')) child.kill('SIGUSR2');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === null ? reject(new Error(`killed: ${output}`)) : resolve(code)));
  });
}

describe('the crash log', () => {
  it.each([
    ['an exception nothing caught', 'exception', 'uncaughtException', 'a bug nobody caught'],
    ['a rejection nothing handled', 'rejection', 'unhandledRejection', 'a promise nobody awaited'],
  ] as const)('is written when the host meets %s, and the host exits non-zero', async (_what, how, kind, message) => {
    const dataDir = freshDir();
    expect(await crashHost(dataDir, how)).toBe(70);
    const log = readFileSync(join(dataDir, crashLogFileName), 'utf8');
    expect(log).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z host 9\\.9\\.9-test pid \\d+ ${kind}\\n`));
    expect(log).toContain(`Error: ${message}`);
    expect(log).toContain('crash-trigger.mjs');
  }, 60_000);

  it('appends one entry after another with the time from the clock', () => {
    const dataDir = freshDir();
    const options = { dataDir, version: '1.2.3', processName: 'desktop', clock: { now: () => Date.UTC(2026, 11, 7, 3, 0) } };
    expect(appendCrashLog(options, 'uncaughtException', new Error('first'))).toBe(true);
    appendCrashLog(options, 'renderer', 'crashed');
    const log = readFileSync(join(dataDir, crashLogFileName), 'utf8');
    expect(log).toMatch(/^2026-12-07T03:00:00\.000Z desktop 1\.2\.3 pid \d+ uncaughtException\nError: first\n/);
    expect(log).toContain('renderer\nNot an Error: "crashed"\n');
  });

  it('keeps to its size: a full log moves to crash.log.1 and a new one starts', () => {
    const dataDir = freshDir();
    const file = join(dataDir, crashLogFileName);
    writeFileSync(file, 'x'.repeat(crashLogMaxBytes - 10));
    appendCrashLog({ dataDir, version: '1', processName: 'host' }, 'uncaughtException', new Error('after a full log'));
    expect(statSync(`${file}.1`).size).toBe(crashLogMaxBytes - 10);
    expect(readFileSync(file, 'utf8')).toContain('after a full log');
  });

  it('cuts a very long stack', () => {
    const dataDir = freshDir();
    const error = new Error('deep');
    error.stack = `Error: deep\n${'    at f (x.js:1:1)\n'.repeat(10_000)}`;
    appendCrashLog({ dataDir, version: '1', processName: 'host' }, 'uncaughtException', error);
    expect(statSync(join(dataDir, crashLogFileName)).size).toBeLessThan(17 * 1024);
  });

  it('does not throw when the data folder cannot be written', () => {
    const dataDir = freshDir();
    const blocked = join(dataDir, 'a-file');
    writeFileSync(blocked, '');
    expect(appendCrashLog({ dataDir: join(blocked, 'below'), version: '1', processName: 'host' }, 'uncaughtException', new Error('x'))).toBe(false);
    expect(existsSync(join(blocked, 'below'))).toBe(false);
  });
});
