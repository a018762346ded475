// Playwright fixtures: each test gets a fresh data directory and its own console, reached through
// the headless host in Chromium, or (DUTY_E2E_TARGET=electron, where the binary exists) the desktop app.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, type Page } from '@playwright/test';

export interface ConsoleFixtures {
  dataDir: string;
  /** The console's page, already open on the start screen. */
  consolePage: Page;
}

export function startHostProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/host.cjs', '--data-dir', dataDir, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Duty Console at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<ConsoleFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-console-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  consolePage: async ({ page, dataDir }, use) => {
    if (process.env.DUTY_E2E_TARGET === 'electron') {
      const app = await _electron.launch({ args: ['dist/main.cjs', '--data-dir', dataDir] });
      const window = await app.firstWindow();
      await use(window);
      await app.close();
      return;
    }
    const { url, child } = await startHostProcess(dataDir);
    await page.goto(url);
    await use(page);
    await stopProcess(child);
  },
});

export { expect } from '@playwright/test';
