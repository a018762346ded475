import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startHostProcess, stopProcess, test } from './fixtures';

test('opens in Simplified Chinese and switches to English', async ({ consolePage: page }) => {
  await expect(page.getByRole('menuitem', { name: '设备档案' })).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Asset register' })).toBeVisible();
  await page.reload();
  // The reload loads the whole app again and signs back in: slow on a busy machine.
  await expect(page.getByRole('menuitem', { name: 'Asset register' })).toBeVisible({ timeout: 30_000 });
});

test('shows a clear error screen when the database file is damaged', async ({ page, dataDir }) => {
  writeFileSync(join(dataDir, 'duty-console.sqlite'), 'not a database '.repeat(500));
  const { url, child } = await startHostProcess(dataDir);
  try {
    await page.goto(url);
    await expect(page.getByTestId('startup-error')).toHaveText('值守台无法打开数据');
    await expect(page.getByText('db_corrupt')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('startup-error.png') });
  } finally {
    await stopProcess(child);
  }
});
