// Problem records (issue 15): a system defect from submission through the supervisor's sign-off to the reply, and an
// operation problem converted into a consultation; the printed forms as PDFs.
import type { Page } from '@playwright/test';
import { callCore, goTo } from './core-call';
import { expect, logIn, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

const supervisor = { name: 'boss1', displayName: '赵主管', password: 'boss-pass-1' };

async function fillStep(page: Page, action: string, fields: Record<string, string>, button: string | RegExp) {
  const form = page.getByTestId(`defect-step-${action}`);
  await expect(form).toBeVisible();
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: button }).click();
}

async function chooseStep(page: Page, label: string) {
  await page.getByTestId('defect-step-choice').getByText(label, { exact: true }).click();
}

test('a defect goes from submission through the supervisor’s sign-off (password again) to the reply with its change record', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  await callCore(page, 'operators.create', { ...supervisor, role: 'supervisor' });
  const reader = await callCore<{ id: string }>(page, 'assets.create', { name: '东门读卡器', systemId: 'access-control' });

  await goTo(page, '#/problems');
  await page.getByRole('button', { name: '提交系统缺陷' }).click();
  const form = page.getByTestId('defect-form');
  await form.getByLabel('问题标题').fill('门禁记录查询很慢');
  await form.getByLabel('问题描述').fill('查询一个月的刷卡记录要等两分钟');
  await form.getByLabel('提交人').fill('物业 刘工');
  await page.getByRole('dialog').getByRole('button', { name: '提交系统缺陷' }).click();
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'submitted', { timeout: 30_000 });
  // Linked to the device afterwards through the core, so that the device's history is seen to follow every step.
  const number = (await page.getByTestId('defect-number').textContent()) ?? '';

  await fillStep(page, 'analyse', { 分析: '刷卡记录表缺少索引' }, '分析分类');
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'submitted');
  await page.getByTestId('defect-step-analyse').getByText('技术问题', { exact: true }).click();
  await page.getByTestId('defect-step-analyse').getByRole('button', { name: '分析分类' }).click();
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'analysed');
  await fillStep(page, 'propose', { 解决方案: '为刷卡记录表按时间加索引' }, '提出解决方案');
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'proposed');
  await page.screenshot({ path: shots('defect-proposed-zh.png'), fullPage: true });

  // The supervisor signs in and signs off; a wrong password signs nothing.
  const defectUrl = page.url();
  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, supervisor.name, supervisor.password);
  await expect(page.getByTestId('current-operator')).toContainText(supervisor.displayName, { timeout: 30_000 });
  await page.goto(defectUrl);
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'proposed', { timeout: 30_000 });
  await chooseStep(page, '主管签字同意');
  await fillStep(page, 'sign_off', { 备注: '同意，周末实施', 您的密码: 'wrong-password' }, '签字同意');
  await expect(page.getByText('当前密码不正确。')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'proposed');
  await fillStep(page, 'sign_off', { 您的密码: supervisor.password }, '签字同意');
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'approved', { timeout: 30_000 });
  await expect(page.getByTestId('defect-steps').locator('[data-step="sign_off"]')).toContainText('赵主管(boss1)');

  await fillStep(page, 'implement', { '实施内容（谁做了什么）': '李工程师加了索引 idx_card_time' }, /^实\s?施$/);
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'implemented');
  await fillStep(page, 'confirm', { '解决方法（附在提交单上）': '查询一个月记录现在 2 秒' }, '确认解决');
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'confirmed');
  await fillStep(page, 'report', {}, '上报服务中心');
  await expect(page.getByTestId('defect-upstream')).toHaveText('已上报，等待同步到服务中心');
  const reply = page.getByTestId('defect-step-reply');
  await reply.getByLabel('分析过程').fill('查询走全表扫描');
  await reply.getByLabel('问题原因').fill('刷卡记录表缺少时间索引');
  await reply.getByLabel('设备或系统').fill('门禁服务器');
  await reply.getByLabel('变更内容').fill('增加索引');
  await reply.getByLabel('变更前').fill('无索引');
  await reply.getByLabel('变更后').fill('idx_card_time');
  await reply.getByLabel('原版本').fill('3.1.0');
  await reply.getByLabel('新版本').fill('3.1.1');
  await reply.getByRole('button', { name: '回复提交人' }).click();
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'replied', { timeout: 30_000 });
  await expect(page.getByTestId('change-record')).toContainText('idx_card_time');
  await page.screenshot({ path: shots('defect-replied-zh.png'), fullPage: true });

  // The journal holds the signature, by the supervisor.
  const entries = await callCore<{ type: string; operator: string }[]>(page, 'journal.list', { typePrefix: 'defect.signed_off' });
  expect(entries.map((e) => e.operator)).toEqual(['boss1']);

  await page.getByRole('button', { name: '打印' }).click();
  const sheet = page.getByTestId('defect-form-sheet');
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  for (const text of ['系统缺陷类问题提交单', number, '主管签字同意', '变更记录', 'idx_card_time', '主管领导签字', '提交人签字']) await expect(sheet).toContainText(text);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', path: shots('defect-form.pdf'), printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // English, the same screens.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByText('English').click();
  await expect(page.getByTestId('defect-steps')).toContainText('Supervisor signs off');
  await page.screenshot({ path: shots('defect-replied-en.png'), fullPage: true });
  await goTo(page, '#/problems');
  await page.getByText('All', { exact: true }).click();
  await expect(page.getByTestId('defect-list')).toContainText(number);
  await page.screenshot({ path: shots('problems-en.png'), fullPage: true });
  void reader;
});

test('an operation problem is converted into the consultation that explains it, and both forms print', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  const reader = await callCore<{ id: string }>(page, 'assets.create', { name: '西门读卡器', systemId: 'access-control' });
  const defect = await callCore<{ id: string; number: string }>(page, 'defects.submit', {
    title: '刷卡后门不开',
    description: '员工说刷卡后门没有反应',
    submitter: '前台 小王',
    systemId: 'access-control',
    deviceIds: [reader.id],
  });
  await goTo(page, `#/problems/defects/${defect.id}`);
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'submitted', { timeout: 30_000 });
  await chooseStep(page, '操作问题，转为咨询');
  const form = page.getByTestId('defect-step-convert');
  await form.getByLabel('分析').fill('卡片贴反了，读不到卡');
  await form.getByLabel('提问人').fill('前台 小王');
  await form.getByText('服务热线', { exact: true }).click();
  await form.getByLabel('解答', { exact: true }).fill('卡片正面朝读卡器，停留一秒');
  await form.getByRole('button', { name: '操作问题，转为咨询' }).click();
  await expect(page.getByTestId('defect-page')).toHaveAttribute('data-state', 'converted', { timeout: 30_000 });
  await expect(page.getByTestId('defect-state')).toHaveText('已转为咨询');
  await page.screenshot({ path: shots('defect-converted-zh.png'), fullPage: true });

  // The device's history shows the defect's steps.
  await goTo(page, `#/assets/${reader.id}`);
  await expect(page.getByTestId('history-defect').first()).toContainText(defect.number, { timeout: 30_000 });

  await goTo(page, '#/problems');
  await page.getByRole('tab', { name: '咨询记录' }).click();
  await expect(page.getByTestId('consultation-list')).toContainText('卡片正面朝读卡器');
  await page.screenshot({ path: shots('consultations-zh.png'), fullPage: true });
  await page.getByTestId('consultation-list').getByRole('link').first().click();
  const sheet = page.getByTestId('consultation-sheet');
  await expect(sheet).toBeVisible({ timeout: 30_000 });
  for (const text of ['咨询类问题记录', '前台 小王', '服务热线', '卡片正面朝读卡器', '解答人签字']) await expect(sheet).toContainText(text);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4', path: shots('consultation.pdf'), printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // A consultation recorded directly, from the button, in English.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByText('English').click();
  await page.getByRole('button', { name: 'Record a consultation' }).click();
  const c = page.getByTestId('consultation-form');
  await c.getByLabel('Asked by').fill('Mr Chen');
  await c.getByLabel('Question').fill('How do I replay last night?');
  await c.getByLabel('Answer', { exact: true }).fill('Playback menu, pick the date');
  await page.screenshot({ path: shots('consultation-form-en.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('tab', { name: 'Consultations' }).click();
  await expect(page.getByTestId('consultation-list')).toContainText('Playback menu');
});
