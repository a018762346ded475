import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('the dashboard shows the hotline to call now and today’s duty log', async ({ consolePage: page }) => {
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('5x8 值班热线').fill('400-800-1234');
  await page.getByLabel('7x24 移动热线').fill('138-0000-1111');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  await page.getByRole('menuitem', { name: '值班日志' }).click();
  await page.getByRole('button', { name: '来电' }).click();
  await page.getByLabel('内容').fill('3 号楼物业来电：地下车库道闸抬杆失灵');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name: '3 号楼物业来电：地下车库道闸抬杆失灵' })).toBeVisible();

  await page.getByRole('menuitem', { name: '值班台' }).click();
  const hotline = page.getByTestId('hotline-panel');
  // Which line is on duty depends on the hour in the site's time zone; the panel names the line with its number.
  await expect(hotline).toContainText(/值班热线（5x8） · 工作时间400-800-1234|移动热线（7x24） · 非工作时间138-0000-1111/);
  const log = page.getByTestId('duty-log-panel');
  await expect(log).toContainText('来电');
  await expect(log).toContainText('3 号楼物业来电：地下车库道闸抬杆失灵');
  await page.screenshot({ path: test.info().outputPath('dashboard-panels-zh.png'), fullPage: true });

  await log.getByRole('button', { name: '打开值班日志' }).click();
  await expect(page).toHaveURL(/#\/duty\/log$/);
});
