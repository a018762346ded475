// The duty-room wall screen: an administrator turns it on in Settings; the wall address then shows the link tiles,
// incidents, alarms and readings without a sign-in; a change sent from that page is refused; the idle lock leaves it.
import type { Page } from '@playwright/test';
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 240_000 });

/** Sends one call over the page's own connection to the host, as the page would; returns the core's answer as is. */
function rawCall(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('duty-console-token') ?? '';
      const ws = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
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

test('an administrator turns the wall on; it shows without a sign-in, refuses changes, and outlasts the idle lock', async ({ consolePage: page, browser }) => {
  // A living site: the demo's simulated devices (links, alarms, readings), and an open level-I incident.
  await callCore(page, 'demo.enable', {});
  await callCore(page, 'incidents.report', { systemId: 'access-control', description: '东门门禁无法开门', title: '东门门禁无法开门', location: '东门', reporter: '王保安', facts: { businessStopped: true } });
  await callCore(page, 'settings.set', { ...(await callCore<Record<string, unknown>>(page, 'settings.get', {})), idleLockMinutes: 1 });

  // Off until an administrator turns it on in Settings (journaled).
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const wall = await wallContext.newPage();
  const address = `${page.url().split('#')[0]}#/wall`;
  await wall.goto(address);
  await expect(wall.getByText('墙屏未开启')).toBeVisible({ timeout: 30_000 });

  await goTo(page, '/settings');
  const setting = page.getByTestId('wall-setting');
  await setting.getByRole('switch').click();
  await expect(page.getByText('墙屏已开启')).toBeVisible();
  await expect(setting.getByTestId('wall-address')).toContainText('#/wall');
  const journal = await callCore<{ type: string; operator: string }[]>(page, 'journal.list', { typePrefix: 'wall.', limit: 10 });
  expect(journal.map((e) => [e.type, e.operator])).toEqual([['wall.enabled', 'admin']]);

  // The wall, never signed in: tiles for every demo link, the incident with its clock, the machine room's readings.
  await expect(wall.getByTestId('wall-link')).toHaveCount(5, { timeout: 30_000 });
  await expect(wall.locator('[data-testid="wall-link"][data-tone="green"], [data-testid="wall-link"][data-tone="amber"]')).toHaveCount(5, { timeout: 60_000 });
  await expect(wall.getByTestId('wall-incident').filter({ hasText: '东门门禁无法开门' })).toContainText(/还剩 \d+ 分/);
  await expect(wall.getByTestId('wall-reading').first()).toBeVisible({ timeout: 60_000 });
  await expect(wall.getByRole('button')).toHaveCount(0);
  await expect(wall.getByRole('link')).toHaveCount(0);
  await expect(wall.getByLabel('登录名')).toHaveCount(0);
  await wall.screenshot({ path: test.info().outputPath('wall-1920x1080.png') });

  // A change sent from the wall page is refused; so is any read the wall does not need.
  expect(await rawCall(wall, 'incidents.report', { systemId: 'cctv', description: '从墙屏报告', reporter: '墙' })).toMatchObject({ ok: false, error: { code: 'auth_required' } });
  expect(await rawCall(wall, 'wall.setEnabled', { enabled: false })).toMatchObject({ ok: false, error: { code: 'auth_required' } });
  expect(await rawCall(wall, 'journal.list', {})).toMatchObject({ ok: false, error: { code: 'auth_required' } });
  expect(await rawCall(wall, 'wall.snapshot', {})).toMatchObject({ ok: true });

  // Past the one-minute idle lock: the console's own page is back at the login, the wall still shows and refreshes.
  await expect(page.getByLabel('登录名')).toBeVisible({ timeout: 120_000 });
  const before = await wall.getByTestId('wall-screen').locator('header').innerText();
  await expect(wall.getByTestId('wall-link')).toHaveCount(5);
  await expect(wall.getByTestId('wall-screen').locator('header')).not.toHaveText(before);
  await expect(wall.getByText('连接中断')).toHaveCount(0);
  await wallContext.close();
});
