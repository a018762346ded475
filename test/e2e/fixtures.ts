// Playwright fixtures: each test gets a fresh data directory and its own console, reached through
// the headless host in Chromium, or (DUTY_E2E_TARGET=electron, where the binary exists) the desktop app.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, expect, type Page } from '@playwright/test';

export interface ConsoleFixtures {
  dataDir: string;
  /** The console's page, open on the start screen; signed in as the administrator unless `signedIn` is false. */
  consolePage: Page;
  /** Option: false leaves consolePage on the first-run setup form, signed out (`test.use({ signedIn: false })`). */
  signedIn: boolean;
}

/** The administrator every signed-in consolePage creates on first run. */
export const administrator = { name: 'admin', displayName: '值班管理员', password: 'admin-pass-1' };

/** Fills the first-run form (in Chinese) to create the administrator and the hotline numbers, which signs the page in. */
export async function setUpAdministrator(
  page: Page,
  account: { name: string; displayName: string; password: string; staffedNumber?: string; mobileNumber?: string } = administrator,
): Promise<void> {
  // The first screen waits for the whole app to load: slow on a busy machine.
  await expect(page.getByRole('button', { name: '创建管理员并登录' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('登录名').fill(account.name);
  await page.getByLabel('姓名').fill(account.displayName);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByLabel('再次输入密码').fill(account.password);
  await page.getByLabel('5x8 值班热线').fill(account.staffedNumber ?? '0451-8888-0000');
  await page.getByLabel('7x24 移动热线').fill(account.mobileNumber ?? '138-0451-0000');
  // The demo site's simulated devices would raise alarms of their own during the tests that do not ask for them.
  await page.getByRole('checkbox', { name: '同时启动演示现场' }).uncheck();
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  // scrypt runs in the core before the answer: seconds on a loaded machine.
  await expect(page.getByTestId('current-operator')).toContainText(account.displayName, { timeout: 30_000 });
}

/** Logs in on the login screen (in Chinese). */
export async function logIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(name);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录$/ }).click();
}

/**
 * `port` 0 takes a free one (a test restarting the host on the same address passes the port it had); `env` is more
 * environment for the host (a test's own, such as no Chromium for the record PDFs).
 */
export function startHostProcess(dataDir: string, options: { port?: number; env?: NodeJS.ProcessEnv } = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/host.cjs', '--data-dir', dataDir, '--port', String(options.port ?? 0), '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
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
  signedIn: [true, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-console-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // Its own timeout, so the first-run setup does not eat into the test's.
  consolePage: [
    async ({ page, dataDir, signedIn }, use) => {
      if (process.env.DUTY_E2E_TARGET === 'electron') {
        const app = await _electron.launch({ args: ['dist/main.cjs', '--data-dir', dataDir] });
        const window = await app.firstWindow();
        if (signedIn) await setUpAdministrator(window);
        await use(window);
        await app.close();
        return;
      }
      const { url, child } = await startHostProcess(dataDir);
      await page.goto(url);
      if (signedIn) await setUpAdministrator(page);
      await use(page);
      await stopProcess(child);
    },
    { timeout: 120_000 },
  ],
});

export { expect };
