// The catalog an engineer extends, and spare-part stock with short parts marked red.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { selectOption } from './select-option';

// These walk several screens each; a busy machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

async function goTo(page: Page, hashPath: string): Promise<void> {
  await page.evaluate((path) => {
    window.location.hash = path;
  }, hashPath);
}

test('an engineer adds a device type to a system and sees it listed; a duplicate is refused', async ({ consolePage: page }) => {
  await page.getByRole('menuitem', { name: '系统目录' }).click();
  await expect(page.getByRole('heading', { name: '系统目录' })).toBeVisible();
  const intrusion = page.locator('[data-system-id="intrusion"]');
  await expect(intrusion).toContainText('报警系统');
  await expect(intrusion).toContainText('报警主机');
  await page.screenshot({ path: '/tmp/shots/catalog-zh.png', animations: 'disabled' });

  await intrusion.getByRole('button', { name: '添加类型' }).click();
  const dialog = page.getByRole('dialog', { name: '为“报警系统”添加设备类型' });
  await dialog.getByLabel('中文名称').fill('玻璃破碎探测器');
  await dialog.getByLabel('英文名称').fill('Glass-break detector');
  await page.screenshot({ path: '/tmp/shots/catalog-add-type-zh.png', animations: 'disabled' });
  await dialog.getByRole('button', { name: '添 加' }).click();
  await expect(dialog).toBeHidden();
  const types = intrusion.getByRole('group', { name: '设备类型' });
  await expect(types.getByText('玻璃破碎探测器')).toBeVisible();

  await intrusion.getByRole('button', { name: '添加类型' }).click();
  await dialog.getByLabel('中文名称').fill('玻璃破碎探测器');
  await dialog.getByLabel('英文名称').fill('Glass break sensor');
  await dialog.getByRole('button', { name: '添 加' }).click();
  await expect(dialog.getByText('目录中已有“玻璃破碎探测器”。')).toBeVisible();
  await dialog.getByRole('button', { name: '取 消' }).click();

  // Both names are kept: in English the new type shows under its English name.
  await page.getByText('English', { exact: true }).click();
  await expect(intrusion.getByRole('group', { name: 'Device types' }).getByText('Glass-break detector')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/catalog-en.png', animations: 'disabled' });
});

test('an engineer adds a system, then a brand to it', async ({ consolePage: page }) => {
  await goTo(page, '/catalog');
  await page.getByRole('button', { name: '添加系统' }).click();
  const systemDialog = page.getByRole('dialog', { name: '添加系统' });
  await systemDialog.getByRole('button', { name: '添 加' }).click();
  await expect(systemDialog.getByText('请填写中文名称')).toBeVisible();
  await systemDialog.getByLabel('中文名称').fill('电子巡更系统');
  await systemDialog.getByLabel('英文名称').fill('Guard tour');
  await systemDialog.getByRole('button', { name: '添 加' }).click();
  await expect(systemDialog).toBeHidden();

  const tour = page.locator('[data-system-id="guard-tour"]');
  await expect(tour).toContainText('电子巡更系统');
  await expect(tour).toContainText('工程师添加');
  await tour.getByRole('button', { name: '添加品牌' }).click();
  const brandDialog = page.getByRole('dialog', { name: '为“电子巡更系统”添加品牌' });
  await brandDialog.getByLabel('中文名称').fill('兰德华');
  await brandDialog.getByLabel('英文名称').fill('Landwell');
  await brandDialog.getByRole('button', { name: '添 加' }).click();
  await expect(tour.getByRole('group', { name: '品牌' }).getByText('兰德华')).toBeVisible();
});

test('a spare stock below its minimum is marked red; raising it clears the mark', async ({ consolePage: page }) => {
  await page.getByRole('menuitem', { name: '备品备件' }).click();
  await expect(page.getByRole('heading', { name: '备品备件' })).toBeVisible();
  await expect(page.getByText('还没有备件记录。点击“设置库存”登记第一种备件。')).toBeVisible();

  const setStock = async (system: string, type: string, quantity: string, minimum: string, reason: string) => {
    await page.getByRole('button', { name: '设置库存' }).click();
    const dialog = page.getByRole('dialog', { name: '设置备件库存' });
    await selectOption(page, dialog.getByLabel('系统'), system);
    await selectOption(page, dialog.getByLabel('设备类型'), type);
    await dialog.getByLabel('现有数量').fill(quantity);
    await dialog.getByLabel('最低库存（下限）').fill(minimum);
    await dialog.getByLabel('原因').fill(reason);
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect(dialog).toBeHidden();
  };

  await setStock('安防监控系统', '摄像机', '1', '3', '月度盘点');
  await setStock('楼宇智能化控制系统', 'UPS 电源', '2', '1', '采购入库');

  const camera = page.locator('tr', { hasText: '摄像机' });
  const ups = page.locator('tr', { hasText: 'UPS 电源' });
  await expect(camera).toHaveClass(/spare-row-low/);
  await expect(camera).toContainText('低于下限');
  await expect(camera).toContainText('缺 2 个');
  await expect(ups).not.toHaveClass(/spare-row-low/);
  await expect(ups).toContainText('充足');
  await expect(page.getByText('1 种备件低于下限')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/spares-zh.png', animations: 'disabled' });

  await page.getByText('只看低于下限').click();
  await expect(ups).toHaveCount(0);
  await page.getByText('只看低于下限').click();

  await camera.getByRole('button', { name: '调整' }).click();
  const dialog = page.getByRole('dialog', { name: '设置备件库存' });
  await expect(dialog.getByLabel('现有数量')).toHaveValue('1');
  // The screenshot waits for the dialog's opening animation to end.
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el.closest('.ant-modal') ?? el).opacity)).toBe('1');
  await page.screenshot({ path: '/tmp/shots/spares-modal-zh.png', animations: 'disabled' });
  await dialog.getByLabel('现有数量').fill('5');
  await dialog.getByRole('button', { name: '保 存' }).click();
  await expect(camera).not.toHaveClass(/spare-row-low/);
  await expect(page.getByText('所有备件都不低于下限')).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await camera.getByRole('button', { name: 'Adjust' }).click();
  await page.getByRole('dialog', { name: 'Set spare stock' }).getByLabel('Quantity in stock').fill('0');
  await page.getByRole('dialog', { name: 'Set spare stock' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('tr', { hasText: 'Camera' })).toHaveClass(/spare-row-low/);
  await expect(page.getByText('1 spare part is below its minimum')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/spares-en.png', animations: 'disabled' });
});
