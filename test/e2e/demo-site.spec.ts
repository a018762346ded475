// First run with the demo site: a newcomer without hardware sees five simulated devices come alive.
import { administrator, expect, test } from './fixtures';

test.use({ signedIn: false });
test.describe.configure({ timeout: 180_000 });

test('the first-run demo site configures five simulated devices that connect', async ({ consolePage: page }) => {
  await expect(page.getByRole('button', { name: '创建管理员并登录' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('登录名').fill(administrator.name);
  await page.getByLabel('姓名').fill(administrator.displayName);
  await page.getByLabel('密码', { exact: true }).fill(administrator.password);
  await page.getByLabel('再次输入密码').fill(administrator.password);
  await expect(page.getByRole('checkbox', { name: '同时启动演示现场' })).toBeChecked();
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });

  await page.getByRole('menuitem', { name: '设备通信' }).click();
  for (const name of ['报警接收机', 'UPS']) {
    const row = page.locator('.ant-table-row', { hasText: name });
    await expect(row.locator('[data-link-state="connected"]')).toBeVisible({ timeout: 30_000 });
  }
  await expect(page.locator('[data-link-state="connected"]')).toHaveCount(5, { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('demo-devices-zh.png'), fullPage: true });
});
