// The duty room's audible alarm: silent while a deadline is far, beeping when it comes due soon and when it is
// overdue, silent when the guard mutes it. The browser's clock is moved forward; the core's runs as it is.
import { expect, setUpAdministrator, test } from './fixtures';
import { selectOption } from './select-option';

test.use({ signedIn: false });
test.describe.configure({ timeout: 180_000 });

test('a level-I incident sounds the alarm as its response deadline comes due and when overdue, not when muted', async ({ consolePage: page }) => {
  await page.clock.install();
  await page.reload();
  await setUpAdministrator(page);
  // The idle lock would cover the dashboard during the jumps in time below.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('无操作多少分钟后锁定').fill('240');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.getByRole('menuitem', { name: '值班台' }).click();

  await page.locator('body').press('F2');
  const form = page.getByTestId('report-form');
  await selectOption(page, form.getByLabel('哪个系统出了问题?'), '门禁系统');
  await form.getByLabel('档案里找不到?直接写设备名称').fill('东门门禁控制器');
  await form.getByLabel('在哪里?').fill('东门');
  await form.getByLabel('发生了什么?').fill('东门门禁无法开门，人员无法进出');
  await form.getByText('业务是否已经停止(系统瘫痪、无法使用)?').locator('..').getByText('是', { exact: true }).click();
  await form.getByLabel('报告人').fill('王保安');
  await page.getByRole('button', { name: '提交报告' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  const card = page.getByTestId('open-incident').filter({ hasText: '东门门禁无法开门' });
  await expect(card.locator('[data-level="I"]')).toBeVisible({ timeout: 30_000 });
  await expect(card.locator('[data-clock="due"]')).toContainText(/还剩 (29|30) 分/);

  const html = page.locator('html');
  // 30 minutes to respond: nothing to hear yet.
  await page.clock.runFor(6_000);
  await expect(html).not.toHaveAttribute('data-alert-beeps');

  // 22 minutes later the response is due in 8 minutes: due soon, the alarm sounds and the clock turns colour.
  await page.clock.fastForward('22:00');
  await page.clock.runFor(6_000);
  await expect(html).toHaveAttribute('data-alert-beeps', '1');
  await expect(card.locator('[data-clock="soon"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('due-soon.png') });

  // Past the deadline: overdue is a new alarm and sounds again.
  await page.clock.fastForward('09:00');
  await page.clock.runFor(6_000);
  await expect(html).toHaveAttribute('data-alert-beeps', '2');
  await expect(card.locator('[data-clock="overdue"]')).toBeVisible();

  // The guard mutes it (journaled): the repeat a minute later stays silent.
  await page.getByRole('button', { name: '静音' }).click();
  await expect(page.getByRole('button', { name: '恢复提示音' })).toBeVisible();
  await page.clock.fastForward('02:00');
  await page.clock.runFor(6_000);
  await expect(card.locator('[data-clock="overdue"]')).toBeVisible();
  await expect(html).toHaveAttribute('data-alert-beeps', '2');

  // Sound back on: the overdue incident is heard at once, then again every minute while it stays overdue.
  await page.getByRole('button', { name: '恢复提示音' }).click();
  await expect(page.getByRole('button', { name: '静音' })).toBeVisible();
  await page.clock.runFor(6_000);
  await expect(html).toHaveAttribute('data-alert-beeps', '3');
  await page.clock.fastForward('01:00');
  await page.clock.runFor(6_000);
  await expect(html).toHaveAttribute('data-alert-beeps', '4');
});
