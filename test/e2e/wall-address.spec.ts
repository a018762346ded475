// The wall's lasting address in a browser: an administrator turns the wall on and copies its address from Settings;
// the host restarts (a new token) and the same address still shows the wall; the address reads the wall and nothing
// else, not even the login; once the administrator changes it, the old address stops.
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { callCore, goTo } from './core-call';
import { administrator, expect, logIn, setUpAdministrator, startHostProcess, stopProcess, test } from './fixtures';

test.describe.configure({ timeout: 240_000 });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Sends one call over a socket opened the way the wall page opens its own (with the key in its address). */
function wallCall(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  return page.evaluate(
    async ([m, i]) => {
      const key = new URLSearchParams(location.search).get('wall') ?? '';
      const ws = new WebSocket(`ws://${location.host}/api?wall=${encodeURIComponent(key)}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const reply = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => {
        ws.onmessage = (e) => {
          const data = JSON.parse(String(e.data)) as { type: string; id: number; result: { ok: boolean; error?: { code: string } } };
          if (data.type === 'result' && data.id === 1) resolve(data.result);
        };
        ws.send(JSON.stringify({ type: 'call', id: 1, method: m, input: i }));
      });
      ws.close();
      return reply;
    },
    [method, input] as const,
  );
}

test('the wall address outlives a host restart, opens the wall only, and stops once changed', async ({ page, browser, dataDir }) => {
  const port = await freePort();
  let host = await startHostProcess(dataDir, { port });
  try {
    await page.goto(host.url);
    await setUpAdministrator(page);
    await callCore(page, 'demo.enable', {});
    await callCore(page, 'incidents.report', { systemId: 'access-control', description: '东门门禁无法开门', title: '东门门禁无法开门', location: '东门', reporter: '王保安', facts: { businessStopped: true } });

    await goTo(page, '/settings');
    const setting = page.getByTestId('wall-setting');
    await setting.getByRole('switch').click();
    await expect(page.getByText('墙屏已开启')).toBeVisible();
    const address = (await setting.getByTestId('wall-address').innerText()).trim();
    expect(address).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?wall=[\\w-]{32}#/wall$`));
    expect(address).not.toContain('token');
    await setting.screenshot({ path: test.info().outputPath('wall-setting.png') });

    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const wall = await wallContext.newPage();
    await wall.goto(address);
    await expect(wall.getByTestId('wall-link')).toHaveCount(5, { timeout: 30_000 });
    await expect(wall.getByTestId('wall-incident').filter({ hasText: '东门门禁无法开门' })).toBeVisible();
    await expect(wall.getByLabel('登录名')).toHaveCount(0);
    await expect(wall.getByRole('button')).toHaveCount(0);

    // The key signs nobody in and reads nothing but the wall.
    expect(await wallCall(wall, 'wall.snapshot', {})).toMatchObject({ ok: true });
    expect(await wallCall(wall, 'auth.login', { name: administrator.name, password: administrator.password })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await wallCall(wall, 'auth.status', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await wallCall(wall, 'incidents.list', {})).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await wallCall(wall, 'wall.setEnabled', { enabled: false })).toMatchObject({ ok: false, error: { code: 'permission_denied' } });

    // The host restarts on the same port with a new token: the open wall carries on, and the bookmark opens afresh.
    await stopProcess(host.child);
    host = await startHostProcess(dataDir, { port });
    expect(host.url).not.toBe(page.url().split('#')[0]);
    const fresh = await wallContext.newPage();
    await fresh.goto(address);
    await expect(fresh.getByTestId('wall-link')).toHaveCount(5, { timeout: 30_000 });
    await expect(fresh.getByTestId('wall-incident').filter({ hasText: '东门门禁无法开门' })).toBeVisible();
    await fresh.screenshot({ path: test.info().outputPath('wall-after-restart-1920x1080.png') });
    await expect(wall.getByText('连接中断')).toHaveCount(0, { timeout: 30_000 });
    const before = await wall.getByTestId('wall-screen').locator('header').innerText();
    await expect(wall.getByTestId('wall-screen').locator('header')).not.toHaveText(before);

    // The administrator changes the address: the old one stops on the wall at once, the new one shows it.
    await page.goto(host.url);
    await logIn(page, administrator.name, administrator.password);
    await expect(page.getByTestId('current-operator')).toBeVisible({ timeout: 30_000 });
    await goTo(page, '/settings');
    await page.getByRole('button', { name: '更换墙屏地址' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(page.getByText('墙屏地址已更换')).toBeVisible();
    await expect(setting.getByTestId('wall-address')).not.toHaveText(address);
    const changed = (await setting.getByTestId('wall-address').innerText()).trim();
    await expect(wall.getByText('墙屏地址已失效')).toBeVisible({ timeout: 30_000 });
    await expect(wall.getByTestId('wall-link')).toHaveCount(0);
    await wall.screenshot({ path: test.info().outputPath('wall-old-address.png') });
    await fresh.goto(changed);
    await expect(fresh.getByTestId('wall-link')).toHaveCount(5, { timeout: 30_000 });
    const journal = await callCore<{ type: string; operator: string }[]>(page, 'journal.list', { typePrefix: 'wall.', limit: 10 });
    expect(journal.map((e) => [e.type, e.operator])).toEqual([
      ['wall.keyRotated', 'admin'],
      ['wall.enabled', 'admin'],
    ]);
    await wallContext.close();
  } finally {
    await stopProcess(host.child);
  }
});
