import { expect, test } from './fixtures';

test('opens in Simplified Chinese and switches to English', async ({ consolePage: page }) => {
  await expect(page.getByRole('menuitem', { name: '设备档案' })).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Asset register' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Asset register' })).toBeVisible();
});
