// The service hotlines from the first start (issue 11): setup asks for both, and an administrator is told while one is missing.
import { callCore } from './core-call';
import { administrator, expect, setUpAdministrator, test } from './fixtures';

test.use({ signedIn: false });
test.beforeEach(() => test.slow());

test('first-run setup will not finish without both hotline numbers, then the guard sees the number to call', async ({ consolePage: page }) => {
  await expect(page.getByText('首次使用：创建管理员')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('5x8 值班热线')).toHaveAttribute('aria-required', 'true');
  await expect(page.getByLabel('7x24 移动热线')).toHaveAttribute('aria-required', 'true');
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`setup-zh-${size.width}.png`), fullPage: true });
  }
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByText('Service hotlines')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('setup-en-1920.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('setup-en-1366.png'), fullPage: true });
  await page.getByText('中文', { exact: true }).click();

  await page.getByLabel('登录名').fill(administrator.name);
  await page.getByLabel('姓名').fill(administrator.displayName);
  await page.getByLabel('密码', { exact: true }).fill(administrator.password);
  await page.getByLabel('再次输入密码').fill(administrator.password);
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText('请填写号码')).toHaveCount(2);
  await expect(page.getByText('首次使用：创建管理员')).toBeVisible();

  await setUpAdministrator(page, { ...administrator, staffedNumber: '0451-8288-1234', mobileNumber: '139-0451-7777' });
  const settings = await callCore<{ hotline: { staffedNumber: string; mobileNumber: string } }>(page, 'settings.get', {});
  expect(settings.hotline).toMatchObject({ staffedNumber: '0451-8288-1234', mobileNumber: '139-0451-7777' });
  await expect(page.getByText(/0451-8288-1234|139-0451-7777/).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '服务热线号码未设置' })).toHaveCount(0);
});

test('a console without a hotline number shows the administrator a red note on every screen, leading to the settings', async ({ consolePage: page }) => {
  await setUpAdministrator(page);
  const settings = await callCore<{ hotline: Record<string, unknown>; idleLockMinutes: number }>(page, 'settings.get', {});
  await callCore(page, 'settings.set', { ...settings, hotline: { ...settings.hotline, mobileNumber: '' } });
  await page.reload();
  const note = page.getByRole('alert').filter({ hasText: '服务热线号码未设置（7x24 移动热线）' });
  await expect(note).toBeVisible({ timeout: 30_000 });
  for (const item of ['故障', '设备档案', '值班日志']) {
    await page.getByRole('menuitem', { name: item }).click();
    await expect(note).toBeVisible();
  }
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`hotline-missing-zh-${size.width}.png`) });
  }
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Service hotline number not set' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('hotline-missing-en-1920.png') });
  await page.getByText('中文', { exact: true }).click();

  await note.getByRole('button', { name: '去设置' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await page.getByLabel('7x24 移动热线').fill('138-0451-0000');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(note).toHaveCount(0);
});
