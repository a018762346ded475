// A maintenance record to PDF the way a person prints it: the headless host, the print page in Chromium, page.pdf().
import { type ChildProcess, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/host.cjs', '--data-dir', dataDir, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Duty Console at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
}

/** Milliseconds from opening the print page to the PDF's bytes, for each run; the task must exist in `dataDir`. */
export async function recordToPdf(dataDir: string, taskId: string, runs: number, pdfPath: string): Promise<{ total: number[]; pdfOnly: number[]; pages: number }> {
  const { url, child } = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(url);
    await page.getByLabel('登录名').waitFor({ timeout: 60_000 });
    // A reused data directory already has the bench operator: sign in instead of setting up.
    if (await page.getByRole('button', { name: '创建管理员并登录' }).isVisible()) {
      await page.getByLabel('登录名').fill('bench');
      await page.getByLabel('姓名').fill('基准');
      await page.getByLabel('密码', { exact: true }).fill('bench-pass-1');
      await page.getByLabel('再次输入密码').fill('bench-pass-1');
      await page.getByLabel('5x8 值班热线').fill('0451-8888-0000');
      await page.getByLabel('7x24 移动热线').fill('138-0451-0000');
      await page.getByRole('checkbox', { name: '同时启动演示现场' }).uncheck();
      await page.getByRole('button', { name: '创建管理员并登录' }).click();
    } else {
      await page.getByLabel('登录名').fill('bench');
      await page.getByLabel('密码', { exact: true }).fill('bench-pass-1');
      await page.getByRole('button', { name: /登\s*录$/ }).click();
    }
    await page.getByTestId('current-operator').waitFor({ timeout: 60_000 });
    // The role's landing page comes first; the runs start once it is there.
    await page.waitForURL(/#\/dashboard$/, { timeout: 60_000 });
    const total: number[] = [];
    const pdfOnly: number[] = [];
    let bytes: Buffer = Buffer.alloc(0);
    for (let i = 0; i < runs; i += 1) {
      // Away from the record first, and wait until it is gone: otherwise the wait below finds the last run's page.
      await page.evaluate("window.location.hash = '/dashboard'");
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('maintenance-due').waitFor({ timeout: 60_000 });
      await page.getByTestId('maintenance-record').waitFor({ state: 'detached', timeout: 60_000 });
      const started = performance.now();
      await page.evaluate(`window.location.hash = '/maintenance/tasks/${taskId}/print'`);
      await page.locator('[data-ready="true"] [data-testid="maintenance-record"]').waitFor({ timeout: 60_000 });
      await page.emulateMedia({ media: 'print' });
      const pdfStarted = performance.now();
      bytes = await page.pdf({ format: 'A4', printBackground: true, path: pdfPath });
      pdfOnly.push(performance.now() - pdfStarted);
      total.push(performance.now() - started);
      const printed = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      if (printed < 2) throw new Error(`run ${i + 1} printed ${printed} page(s), not the record (at ${page.url()})`);
    }
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { total, pdfOnly, pages };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
