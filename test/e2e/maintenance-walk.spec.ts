// Maintenance end to end: the dashboard's due card, a due task walked device by device (keys, a scanned tag, a failed
// reading that opens a linked incident), resumed after a reload, finished, and printed on A4 (record and blank).
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';
import { selectOption } from './select-option';

interface Created { id: string; assetTag: string }

function dialog(page: Page) {
  return page.locator('.ant-modal-wrap:visible .ant-modal');
}

function today(): string {
  // The page runs in Asia/Shanghai (playwright.config.ts); the host's day is the machine's. Both agree away from midnight.
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The text of each page of a PDF, through poppler's pdftotext. */
function pdfPages(path: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', path, '-']).toString());
}

test('an engineer walks a due maintenance task, opens an incident from a failed reading, finishes it and prints the record', async ({ consolePage: page }) => {
  test.setTimeout(240_000);
  const shots = (name: string) => test.info().outputPath(name);
  const dvr = await callCore<Created>(page, 'assets.create', { name: '1号硬盘录像机', systemId: 'cctv', typeId: 'dvr', building: 'A座', floor: '1', room: '监控室', brand: '大华', model: 'DH-NVR4416' });
  const pc = await callCore<Created>(page, 'assets.create', { name: '监控主机', systemId: 'cctv', typeId: 'control-pc', building: 'A座', floor: '1', room: '监控室' });
  await callCore(page, 'maintenance.savePlan', { name: '监控系统季度保养', site: '哈尔滨国际会展中心', templateId: 'cctv-equipment', scope: { kind: 'system', systemId: 'cctv' }, frequency: 'quarterly', windowDays: 7, engineer: '李工', startsOn: today() });

  // The dashboard counts it; the card opens the list of what is due this week.
  await goTo(page, '/dashboard');
  const card = page.getByTestId('maintenance-due');
  await expect(card).toContainText('本周到期');
  await expect(card.locator('.ant-statistic-content-value').first()).toHaveText('1');
  await card.getByText('本周到期').click();
  const row = page.locator('.ant-table-row', { hasText: '监控系统季度保养' });
  await expect(row.locator('[data-due-state="due"]')).toBeVisible();
  await row.click();

  // Device by device: the DVR first (walking order), its items with big targets.
  const current = page.getByTestId('walk-device');
  await expect(current).toContainText(`${dvr.assetTag} · 1号硬盘录像机`, { timeout: 30_000 });
  await current.getByTestId('item-dvr-board').getByRole('button', { name: /合格/ }).first().click();
  await expect(current.getByTestId('item-dvr-board')).toHaveAttribute('data-outcome', 'pass');
  // Keys: a focused item takes 2 for fail, 3 for n/a.
  await current.getByTestId('item-dvr-psu').focus();
  await page.keyboard.press('3');
  await expect(current.getByTestId('item-dvr-psu')).toHaveAttribute('data-outcome', 'na');
  // A reading below its limit fails by itself and offers an incident, prefilled.
  const retention = current.getByTestId('item-dvr-retention');
  await expect(retention).toContainText('限值 ≥ 30 天');
  await retention.getByLabel('读数').fill('12');
  await retention.getByLabel('备注').fill('2 号硬盘已满,循环覆盖');
  await retention.getByLabel('备注').blur();
  await expect(retention).toHaveAttribute('data-outcome', 'fail');
  await expect(retention).toContainText('超出限值');
  await retention.getByRole('button', { name: '开故障单' }).click();
  const form = dialog(page);
  await expect(form.getByLabel('故障描述')).toHaveValue(`1号硬盘录像机(${dvr.assetTag}):录像保存天数 不合格\n读数 12 天(限值 ≥ 30 天)\n2 号硬盘已满,循环覆盖`);
  await form.getByRole('button', { name: '开故障单' }).click();
  await expect(form).toBeHidden();
  await expect(retention.getByRole('link', { name: /已开故障单 GZ-\d{8}-\d{3}/ })).toBeVisible();
  await page.screenshot({ path: shots('maintenance-walk.png'), fullPage: true });

  // A scanner types the control PC's tag and Enter wherever the focus is: the walk jumps to it.
  await page.getByRole('heading', { name: '监控系统季度保养' }).click();
  await page.keyboard.type(pc.assetTag, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(current).toContainText(`${pc.assetTag} · 监控主机`);
  await current.getByTestId('item-software-backup').getByLabel('备份内容').fill('控制软件及数据库');
  await current.getByTestId('item-software-backup').getByLabel('存放位置').fill('NAS \\\\backup\\cctv');
  await current.getByTestId('item-software-backup').getByLabel('存放位置').blur();
  await expect(current.getByTestId('item-software-backup')).toHaveAttribute('data-outcome', 'pass');
  await expect(current.getByTestId('item-software-backup')).toContainText('已保存');

  // Half done: a reload comes back to the same device with everything entered.
  await page.reload();
  await expect(current).toContainText(`${pc.assetTag} · 监控主机`, { timeout: 30_000 });
  await expect(current.getByTestId('item-software-backup').getByLabel('存放位置')).toHaveValue('NAS \\\\backup\\cctv');
  await page.getByTestId('walk-devices').getByRole('button', { name: new RegExp(dvr.assetTag) }).click();
  await expect(current.getByTestId('item-dvr-retention').getByLabel('读数')).toHaveValue('12');

  // The rest does not apply today: n/a on every open item of both devices.
  for (const tag of [dvr.assetTag, pc.assetTag]) {
    await page.getByTestId('walk-devices').getByRole('button', { name: new RegExp(tag) }).click();
    await expect(current).toContainText(tag);
    const open = current.locator('[data-outcome="open"]');
    for (let left = await open.count(); left > 0; left -= 1) {
      await open.first().getByRole('button', { name: /不适用/ }).click();
      await expect(open).toHaveCount(left - 1);
    }
  }
  const summary = page.getByTestId('task-summary');
  await summary.getByLabel('发现的问题').fill('1 号硬盘录像机录像仅保存 12 天,低于 30 天要求。');
  await summary.getByLabel('处理意见和建议').fill('建议扩容硬盘或降低码流;已开故障单跟进。');
  await summary.getByLabel('处理意见和建议').blur();
  await summary.getByRole('button', { name: '完成任务' }).click();
  await expect(page.getByText('任务已完成,记录不可再修改。').first()).toBeVisible();

  // The record, A4 in Chinese: header, every device and item, the reading with its limits, signature lines.
  await summary.getByRole('button', { name: '打印维保记录' }).click();
  const sheet = page.getByTestId('maintenance-record');
  await expect(page.locator('[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  for (const text of ['维保检查记录', '哈尔滨国际会展中心', '安防监控系统', '李工', '录像保存天数', '≥ 30 天', '12 天', '不合格', '控制软件及数据库 → NAS', '发现的问题', '建议扩容硬盘', '维保工程师签字', '客户代表签字']) {
    await expect(sheet).toContainText(text);
  }
  await expect(sheet.getByTestId('record-device')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: /打\s?印/ })).toBeHidden();
  await page.pdf({ format: 'A4', path: shots('maintenance-record.pdf'), printBackground: true });
  const pages = pdfPages(shots('maintenance-record.pdf'));
  expect(pages.length).toBeGreaterThan(0);
  // Every page carries the record's header, the last the signature lines.
  for (const text of pages) expect(text).toMatch(/记录编号[:：]\s*WB-\d{8}-001/);
  expect(pages.at(-1)).toContain('客户代表签字');
  execFileSync('pdftoppm', ['-png', '-r', '60', shots('maintenance-record.pdf'), shots('maintenance-record')]);
  await page.emulateMedia({ media: 'screen' });

  // The DVR's own page lists the task, and its history holds each result.
  await goTo(page, `/assets/${dvr.id}`);
  await expect(page.getByTestId('device-maintenance').locator('[data-due-state="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/维保 WB-\d{8}-001:录像保存天数 — 不合格/).first()).toBeVisible();
  await expect(page.getByText(/完成维保 WB-\d{8}-001\(不合格 1 项\)/)).toBeVisible();
});

test('a long blank checklist paginates on A4 with the record\'s header on every page', async ({ consolePage: page }) => {
  test.setTimeout(240_000);
  const shots = (name: string) => test.info().outputPath(name);
  const ids: string[] = [];
  for (let i = 1; i <= 24; i += 1) {
    ids.push((await callCore<Created>(page, 'assets.create', { name: `${i} 号硬盘录像机`, systemId: 'cctv', typeId: 'dvr', building: 'B座', room: `弱电间 ${i}` })).id);
  }
  const task = await callCore<{ id: string; number: string }>(page, 'maintenance.createTask', { kind: 'adhoc', title: '年会前全面检查', site: '会展中心', systemId: 'cctv', templateId: 'cctv-equipment', deviceIds: ids, dueOn: today(), engineer: '王工' });
  await goTo(page, `/maintenance/tasks/${task.id}/print?blank=1`);
  const sheet = page.getByTestId('maintenance-record');
  await expect(page.locator('[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(sheet).toContainText('维保检查表(空白)');
  await expect(sheet.getByTestId('record-device')).toHaveCount(24);
  await expect(sheet).toContainText('□合格 □不合格 □不适用');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4', path: shots('maintenance-blank.pdf'), printBackground: true });
  const pages = pdfPages(shots('maintenance-blank.pdf'));
  expect(pages.length).toBeGreaterThan(2);
  for (const text of pages) {
    expect(text).toContain('维保检查表(空白)');
    expect(text).toContain(task.number);
    expect(text).toContain('检查项');
  }
  expect(pages.at(-1)).toContain('客户代表签字');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', shots('maintenance-blank.pdf'), shots('maintenance-blank')]);
});

test('a supervisor plans cable tests from the shipped checklist (yearly by default) and edits a checklist into a new version', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  await callCore(page, 'assets.create', { name: '3 楼配线架', systemId: 'cabling-network', typeId: 'patch-panel', building: 'A座', floor: '3' });
  await goTo(page, '/maintenance/plans');
  await page.getByRole('button', { name: '新建计划' }).click();
  const form = dialog(page);
  await form.getByLabel('计划名称').fill('综合布线年度线缆检测');
  await selectOption(page, form.getByLabel('检查表'), '线缆检测(阻抗、阻值)');
  // The checklist's shipped frequency fills in: cables yearly.
  await expect(form.getByText('每年', { exact: true })).toBeVisible();
  await selectOption(page, form.getByLabel('系统'), '综合布线及网络系统');
  await form.getByLabel('负责工程师').fill('赵工');
  await form.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(form).toBeHidden();
  const plan = page.locator('.ant-table-row', { hasText: '综合布线年度线缆检测' });
  await expect(plan).toContainText('每年');
  await expect(plan).toContainText('赵工');

  // Its first task is due now and shows in the list.
  await goTo(page, '/maintenance?filter=due');
  await expect(page.locator('.ant-table-row', { hasText: '综合布线年度线缆检测' })).toBeVisible();

  // A checklist edit is saved as version 2.
  await goTo(page, '/maintenance/templates');
  await page.locator('.ant-table-row', { hasText: '线缆检测(阻抗、阻值)' }).click();
  const editor = dialog(page);
  await editor.getByRole('button', { name: '添加检查项' }).click();
  await editor.getByLabel('检查项(中文)').last().fill('配线架理线整齐');
  await editor.getByLabel('检查项(英文)').last().fill('Patch panel tidy');
  await page.screenshot({ path: test.info().outputPath('maintenance-template-editor.png'), fullPage: true });
  await editor.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.getByText('检查表已保存为第 2 版;已有记录不受影响')).toBeVisible();
  await expect(page.locator('.ant-table-row', { hasText: '线缆检测(阻抗、阻值)' })).toContainText('v2');
});

test('the maintenance screens read in English on the switch, overdue work marked', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  const ups = await callCore<Created>(page, 'assets.create', { name: 'UPS 1', systemId: 'machine-room-power', typeId: 'ups', building: 'A' });
  const task = await callCore<{ id: string }>(page, 'maintenance.createTask', { kind: 'pre_event', title: 'Annual meeting check', templateId: 'pre-event', deviceIds: [ups.id], dueOn: '2026-01-05', windowDays: 1, details: { eventName: 'Annual meeting' } });
  await page.getByText('English', { exact: true }).click();
  await goTo(page, '/maintenance?filter=overdue');
  const row = page.locator('.ant-table-row', { hasText: 'Annual meeting check' });
  await expect(row.locator('[data-due-state="overdue"]')).toHaveText('Overdue');
  await expect(row).toContainText('Pre-event check');
  await page.screenshot({ path: test.info().outputPath('maintenance-list-en.png'), fullPage: true });
  await goTo(page, `/maintenance/tasks/${task.id}`);
  await expect(page.getByTestId('walk-device')).toContainText(`${ups.assetTag} · UPS 1`, { timeout: 30_000 });
  await expect(page.getByTestId('item-function')).toContainText('Device functions right');
  await expect(page.getByRole('button', { name: 'Finish task' })).toBeDisabled();
  await expect(page.getByText('3 items still open')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('maintenance-walk-en.png'), fullPage: true });
});

test('what was typed while the core did not answer is kept by the page and saved when the task opens again', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  const sw = await callCore<Created>(page, 'assets.create', { name: '核心交换机', systemId: 'cabling-network', typeId: 'core-switch' });
  const task = await callCore<{ id: string }>(page, 'maintenance.createTask', { kind: 'adhoc', title: '年度升级', templateId: 'upgrade', deviceIds: [sw.id], dueOn: today() });
  // The core stops answering saves (as if it stopped): they are sent and never acknowledged.
  let answerSaves = false;
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (!answerSaves && typeof message === 'string' && message.includes('"maintenance.saveResult"')) return;
      server.send(message);
    });
  });
  await page.reload();
  await goTo(page, `/maintenance/tasks/${task.id}`);
  const firmware = page.getByTestId('item-firmware-version');
  await expect(firmware).toBeVisible({ timeout: 30_000 });
  await firmware.getByLabel('原版本').fill('V5.20');
  await firmware.getByLabel('现版本').fill('V5.30');
  await firmware.getByLabel('现版本').blur();
  await expect(firmware).toContainText('正在保存');

  // The console comes back: opening the task sends what was typed, and the register's firmware version follows.
  answerSaves = true;
  await page.reload();
  await goTo(page, `/maintenance/tasks/${task.id}`);
  await expect(firmware.getByLabel('现版本')).toHaveValue('V5.30', { timeout: 30_000 });
  await expect(firmware).toContainText('已保存');
  await expect.poll(async () => (await callCore<{ device: { firmwareVersion: string } }>(page, 'assets.get', { id: sw.id })).device.firmwareVersion).toBe('V5.30');
});
