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
  await page.getByLabel('5x8 值班热线').fill('0451-8888-0000');
  await page.getByLabel('7x24 移动热线').fill('138-0451-0000');
  await expect(page.getByRole('checkbox', { name: '同时启动演示现场' })).toBeChecked();
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });

  await page.getByRole('menuitem', { name: '通信链路' }).click();
  for (const name of ['报警接收机', 'UPS']) {
    const row = page.locator('.ant-table-row', { hasText: name });
    await expect(row.locator('[data-link-state="connected"]')).toBeVisible({ timeout: 30_000 });
  }
  await expect(page.locator('[data-link-state="connected"]')).toHaveCount(5, { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('demo-devices-zh.png'), fullPage: true });

  // The machine room's UPS and sensor are in the asset register, filed under 机房动力环境.
  await page.getByRole('menuitem', { name: '设备档案' }).click();
  for (const name of ['1号楼 机房UPS', '1号楼 机房温湿度传感器']) {
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('机房动力环境', { timeout: 30_000 });
  }
  await page.screenshot({ path: test.info().outputPath('demo-register-zh.png'), fullPage: true });
});
