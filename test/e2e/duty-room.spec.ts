// The duty room end to end: F2, a level-I report in Chinese, the dashboard's countdown, the whole lifecycle, the fault report on A4.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { selectOption } from './select-option';

/** The dialog now open (antd keeps closed ones in the page, hidden). */
function dialog(page: Page) {
  return page.locator('.ant-modal-wrap:visible .ant-modal');
}

/** Takes one lifecycle step from the incident page: the big button, its form, the dialog's confirm button. */
async function takeStep(page: Page, action: string, fields: Record<string, string> = {}) {
  await page.locator(`button[data-action="${action}"]`).click();
  const form = dialog(page);
  await expect(form).toBeVisible();
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(form).toBeHidden();
}

test('a guard reports a level-I emergency with F2; it is handled to the fault report, which prints on A4', async ({ consolePage: page }) => {
  test.setTimeout(360_000);
  const shots = (name: string) => test.info().outputPath(name);
  // The console may come up slowly on a busy machine.
  await expect(page.getByRole('button', { name: /紧急报告 F2/ })).toBeVisible({ timeout: 45_000 });
  const reportButton = await page.getByRole('button', { name: /紧急报告 F2/ }).boundingBox();
  expect(reportButton!.height).toBeGreaterThanOrEqual(56);

  // F2 from anywhere opens the report.
  await page.locator('body').press('F2');
  const form = page.getByTestId('report-form');
  await expect(form).toBeVisible();
  await selectOption(page, form.getByLabel('哪个系统出了问题?'), '安防监控系统');
  await form.getByLabel('档案里找不到?直接写设备名称').fill('硬盘录像机 DVR-01');
  await form.getByLabel('在哪里?').fill('中心机房 2 号机柜');
  await form.getByLabel('发生了什么?').fill('中心机房硬盘录像机无法录像');
  // No level before an answer gives one; then the suggestion follows the answers, in plain words.
  await expect(page.getByTestId('level-suggestion')).toContainText('尚未判断级别');
  await form.getByText('业务是否已经停止(系统瘫痪、无法使用)?').locator('..').getByText('是', { exact: true }).click();
  await expect(page.getByTestId('level-suggestion')).toContainText('业务已经停止,属于紧急问题。');
  await expect(page.getByTestId('level-suggestion').locator('[data-level="I"]')).toBeVisible();
  await form.getByLabel('报告人').fill('张保安');
  await form.getByLabel('回拨电话').fill('13800138000');
  await page.screenshot({ path: shots('report-form.png') });
  await page.getByRole('button', { name: '提交报告' }).click();
  await expect(page.getByText(/已提交:GZ-\d{8}-001/)).toBeVisible();
  await expect(form).toBeHidden();
  // The confirmation stays until the guard closes it.
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // The dashboard lists it with the response clock running.
  const card = page.getByTestId('open-incident').filter({ hasText: '中心机房硬盘录像机无法录像' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.locator('[data-level="I"]')).toBeVisible();
  await expect(card.locator('[data-clock="due"]')).toContainText(/还剩 (29|30) 分/);
  await page.screenshot({ path: shots('dashboard.png') });

  // The incident page: clocks, then every step an engineer takes.
  await card.click();
  const incident = page.getByTestId('incident-page');
  // A busy machine may take a while to load the page: wait longer than one expect.
  await expect(page.getByTestId('incident-number')).toHaveText(/GZ-\d{8}-001/, { timeout: 45_000 });
  await expect(page.getByTestId('milestone-response')).toContainText('还剩');
  await expect(page.getByTestId('milestone-resolution')).toContainText(/还剩 11 小时 5\d 分|还剩 12 小时 0 分/);
  await takeStep(page, 'respond', { 备注: '已电话联系值班员,马上到场' });
  await expect(page.getByTestId('milestone-response')).toHaveAttribute('data-state', 'met');
  await takeStep(page, 'submit_plan', { 处理方案: '检查硬盘状态,必要时用备品硬盘更换' });
  await takeStep(page, 'start_work');
  await expect(incident).toHaveAttribute('data-state', 'in_progress');
  await takeStep(page, 'resolve', { 故障原因: '2 号硬盘损坏', 解决方法: '更换备品硬盘并重建阵列', 故障损失: '约 40 分钟录像缺失' });
  await expect(incident).toHaveAttribute('data-state', 'resolved');
  await expect(page.getByTestId('milestone-fault_report')).toContainText('还剩 23 小时');
  await takeStep(page, 'submit_fault_report', { 故障种类: '硬件故障(硬盘)', 预防建议: '每季度检查硬盘 SMART 状态' });
  await expect(incident).toHaveAttribute('data-state', 'fault_report_submitted');
  const timeline = page.getByTestId('incident-timeline');
  for (const step of ['报告故障', '响应', '提交处理方案', '开始处理', '故障已解决', '提交故障处理报告']) {
    await expect(timeline.locator('strong').filter({ hasText: new RegExp(`^${step}`) })).toBeVisible();
  }
  await expect(timeline).toContainText('2 号硬盘损坏');
  await page.screenshot({ path: shots('incident-zh.png'), fullPage: true });

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('milestone-response')).toContainText('Done');
  await expect(page.getByRole('button', { name: /Emergency F2/ })).toBeVisible();
  await page.screenshot({ path: shots('incident-en.png'), fullPage: true });
  await page.getByText('中文', { exact: true }).click();

  // The fault report, in the seed's terms, to an A4 PDF.
  await page.getByRole('button', { name: /故障处理报告/ }).click();
  const sheet = page.getByTestId('fault-report');
  await expect(sheet).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  for (const text of ['故障处理报告', '故障种类', '硬件故障(硬盘)', '故障原因', '2 号硬盘损坏', '解决方法', '故障损失', '约 40 分钟录像缺失', '维保工程师签字', '用户确认签字']) {
    await expect(sheet).toContainText(text);
  }
  await expect(sheet.locator('[data-milestone="response"]')).toContainText('按时');
  await expect(page.getByRole('button', { name: /打\s?印/ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: /打\s?印/ })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', path: shots('fault-report.pdf'), printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
});

test('the incidents list filters by level and system, and the alarm can be muted', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  await page.evaluate(() => (window.location.hash = '#/incidents'));
  await expect(page.getByText('没有符合条件的故障。')).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: /紧急报告 F2/ }).click();
  const form = page.getByTestId('report-form');
  await selectOption(page, form.getByLabel('哪个系统出了问题?'), '门禁系统');
  await form.getByLabel('发生了什么?').fill('一号门读卡器不识别卡片');
  await form.getByText('是否只是出现报错或警告,使用和速度都正常?').locator('..').getByText('是', { exact: true }).click();
  await form.getByLabel('报告人').fill('李保安');
  await page.getByRole('button', { name: '提交报告' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  const row = page.locator('.ant-table-row', { hasText: '一号门读卡器不识别卡片' });
  await expect(row).toBeVisible();
  await expect(row.locator('[data-level="III"]')).toBeVisible();

  await page.getByRole('combobox').nth(0).click();
  await page.locator('.ant-select-item-option', { hasText: 'I 级 紧急' }).click();
  await expect(page.getByText('没有符合条件的故障。')).toBeVisible();

  const mute = page.locator('button[data-muted]');
  await mute.click();
  await expect(mute).toHaveAttribute('data-muted', 'true');
  await expect(mute).toContainText('恢复提示音');
  await mute.click();
  await expect(mute).toHaveAttribute('data-muted', 'false');
});
