// Reading trends: the demo site's machine-room sensor charted on its device page (chart, limits, table), and the
// machine room's readings as sparklines on the dashboard.
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';
import { selectOption } from './select-option';

test.describe.configure({ timeout: 180_000 });

test('the device page charts a sensor reading with its limits and a table; the dashboard shows the machine room', async ({ consolePage: page }) => {
  await callCore(page, 'demo.enable', {});
  const found = await callCore<{ items: { id: string; name: string }[] }>(page, 'assets.search', { query: '机房温湿度传感器' });
  const sensor = found.items[0]!;

  await goTo(page, `/assets/${sensor.id}`);
  const card = page.getByTestId('reading-history');
  // Readings are kept once the demo's links report them (a batch a second).
  await expect(card.getByRole('combobox', { name: '读数' })).toBeVisible({ timeout: 60_000 });
  await selectOption(page, card.getByRole('combobox', { name: '读数' }), '温度');
  await card.getByText('1 小时', { exact: true }).click();
  await expect(card.getByText(/原始值,每点/)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('img', { name: '温度 的趋势图' })).toBeVisible();
  // The shipped model's limits (GB 50174 class C: 18–28 °C) drawn across the chart.
  await expect(card.getByText('上限 28 °C')).toBeVisible();
  await expect(card.getByText('下限 18 °C')).toBeVisible();
  const table = card.getByTestId('reading-table');
  await expect(table.getByRole('columnheader', { name: '平均' })).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText('°C');
  await page.screenshot({ path: test.info().outputPath('device-reading-trend-zh.png'), fullPage: true });

  await card.getByText('30 天', { exact: true }).click();
  await expect(card.getByText(/每分钟汇总,每点 1 小时/)).toBeVisible({ timeout: 30_000 });

  await goTo(page, '/dashboard');
  const room = page.getByTestId('key-readings');
  await expect(room.getByTestId('key-reading').filter({ hasText: /^湿度/ })).toContainText('%RH', { timeout: 30_000 });
  await expect(room.getByTestId('key-reading').filter({ hasText: /^负载/ })).toContainText('%');
  await page.screenshot({ path: test.info().outputPath('dashboard-machine-room-zh.png'), fullPage: true });
});
