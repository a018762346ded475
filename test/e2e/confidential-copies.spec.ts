// 保密 on screen: an engineer saves an incident's file and the incident's timeline says who did; a duty guard is not
// offered the register's export or label sheets (the core refuses them too).
import { readFileSync } from 'node:fs';
import { callCore, goTo } from './core-call';
import { expect, logIn, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('saving an attachment downloads the file and puts 下载附件 on the incident timeline', async ({ consolePage: page }) => {
  const { incident } = await callCore<{ incident: { id: string } }>(page, 'incidents.report', {
    systemId: 'cctv', description: '中心机房摄像机画面雪花', reporter: '张值班',
  });
  const text = '现场检查记录：摄像机电源正常，视频线接头松动。\n';
  await callCore(page, 'incidents.attach', {
    id: incident.id, fileName: '检查记录.txt', mime: 'text/plain', contentBase64: Buffer.from(text).toString('base64'),
  });
  await goTo(page, `/incidents/${incident.id}`);
  // The file is named twice once the timeline loads (its list and its 添加附件 step): either will do.
  await expect(page.getByText('检查记录.txt').first()).toBeVisible({ timeout: 30_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('检查记录.txt');
  expect(readFileSync(await file.path(), 'utf8')).toBe(text);
  await expect(page.getByText('已下载 检查记录.txt')).toBeVisible();
  await expect(page.getByText('下载附件').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('attachment-downloaded-zh.png'), fullPage: true, animations: 'disabled' });
});

test('a duty guard sees the register without export, label, add or import buttons, and the core refuses them the export', async ({ consolePage: page }) => {
  await callCore(page, 'assets.create', { name: '中心机房硬盘录像机', systemId: 'cctv' });
  await callCore(page, 'operators.create', { name: 'guard1', displayName: '张值班', role: 'duty_guard', password: 'guard-pass-1' });
  await goTo(page, '/assets');
  await expect(page.getByRole('button', { name: /导出/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /打印标签/ })).toBeVisible();

  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, 'guard1', 'guard-pass-1');
  await expect(page.getByTestId('current-operator')).toContainText('张值班', { timeout: 30_000 });
  await goTo(page, '/assets');
  await expect(page.getByText('中心机房硬盘录像机')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: /导出/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /打印标签/ })).toHaveCount(0);
  // Nor what else the permission table keeps to engineers: adding and importing devices.
  await expect(page.getByRole('button', { name: /新增设备/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /导\s*入/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('assets-guard-zh.png'), animations: 'disabled' });
  await expect(callCore(page, 'assets.export', { format: 'csv', filter: {} })).rejects.toThrow(/permission_denied/);
});
