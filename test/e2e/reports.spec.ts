// Reports (issue 16): a supervisor opens the reports page, filters it, exports the workbook, opens the month's service
// report, writes the suggestions and prints it to PDF (in Chinese and in English); a guard never reaches either page.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { callCore, goTo } from './core-call';
import { expect, logIn, test } from './fixtures';
import { selectOption } from './select-option';

test.describe.configure({ timeout: 240_000 });

const supervisor = { name: 'boss1', displayName: '赵主管', password: 'boss-pass-1' };
const guard = { name: 'guard1', displayName: '王保安', password: 'guard-pass-1' };

test('a supervisor filters the reports, exports them, and prints the monthly service report to PDF', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  await callCore(page, 'operators.create', { ...supervisor, role: 'supervisor' });
  const cctv = await callCore<{ incident: { id: string } }>(page, 'incidents.report', { systemId: 'cctv', description: '3 号录像机黑屏', reporter: '王保安', level: 'II', location: 'A座 3F 机房' });
  await callCore(page, 'incidents.act', { id: cctv.incident.id, action: 'respond' });
  await callCore(page, 'incidents.report', { systemId: 'access-control', description: '东门读卡器无反应', reporter: '王保安', level: 'III', location: 'B座 1F 大堂' });
  await callCore(page, 'spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 5, minimum: 1 });
  await callCore(page, 'spares.set', { systemId: 'cctv', typeId: 'hard-disk', quantity: 3, minimum: 1, reason: '更换录像机硬盘' });

  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, supervisor.name, supervisor.password);
  await expect(page.getByTestId('current-operator')).toContainText(supervisor.displayName, { timeout: 30_000 });
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await expect(page.getByRole('heading', { name: '统计报表' })).toBeVisible({ timeout: 30_000 });

  // This month so far: both incidents; the response met in time, the other still running.
  const byLevel = page.getByTestId('sla-by-level');
  await expect(byLevel.getByTestId('share-all-response')).toContainText('100%', { timeout: 30_000 });
  await expect(byLevel.getByTestId('share-all-response')).toContainText('1/1');
  await expect(byLevel.getByRole('row', { name: /全部/ })).toContainText('2');
  await expect(page.getByTestId('sla-limits')).toContainText('响应 30 分钟');
  await expect(page.getByTestId('spare-use-table')).toContainText('硬盘');
  await expect(page.getByTestId('sla-by-level-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await page.screenshot({ path: shots('reports-zh.png'), fullPage: true });

  // Filtered by system, then by place: one incident each time.
  await selectOption(page, page.getByRole('combobox', { name: '系统' }), '门禁系统');
  await expect(byLevel.getByRole('row', { name: /全部/ }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(page.getByTestId('sla-by-system-table')).toContainText('门禁系统');
  await expect(page.getByTestId('sla-by-system-table')).not.toContainText('安防监控系统');
  expect(page.url()).toContain('system=access-control');
  await selectOption(page, page.getByRole('combobox', { name: '系统' }), '全部系统');
  await page.getByLabel('位置').fill('A座');
  await page.getByLabel('位置').press('Enter');
  await expect(byLevel.getByRole('row', { name: /全部/ }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(page.getByTestId('incidents-by-system-table')).toContainText('安防监控系统');
  await expect(page.getByTestId('incidents-by-system-table')).not.toContainText('门禁系统');

  // The workbook: what the page shows, read back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^SLA与服务报表-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const totalRow = workbook.getWorksheet('SLA-按级别')!.getRow(6).values as unknown[];
  expect(totalRow.slice(1, 6)).toEqual(['全部', 1, 1, 0, 0]);
  expect(workbook.getWorksheet('事件-按系统')!.getRow(2).values).toEqual([undefined, '安防监控系统', 1]);

  // The month's service report, with the supervisor's suggestions saved and printed.
  await page.getByRole('button', { name: '月度服务报告' }).click();
  await expect(page.locator('.monthly-print-page[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('主管建议').fill('建议为 3 号机房录像机更换老化硬盘，并增加温湿度监测。');
  await page.getByRole('button', { name: '保存建议' }).click();
  await expect(page.getByTestId('suggestions-editor')).toContainText(`${supervisor.name} 于`);
  await expect(page.getByTestId('monthly-suggestions')).toHaveText('建议为 3 号机房录像机更换老化硬盘，并增加温湿度监测。');
  await expect(page.getByTestId('monthly-incidents')).toContainText('3 号录像机黑屏');
  await expect(page.getByTestId('monthly-incidents')).not.toContainText('东门读卡器');
  await expect(page.getByTestId('monthly-sla-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await page.screenshot({ path: shots('monthly-screen-zh.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('suggestions-editor')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: shots('monthly-zh.pdf') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  execFileSync('pdftoppm', ['-png', '-r', '70', shots('monthly-zh.pdf'), shots('monthly-zh')]);
  await page.emulateMedia({ media: 'screen' });

  const journal = await callCore<{ type: string; operator: string }[]>(page, 'journal.list', { typePrefix: 'reports.', limit: 10 });
  expect(journal.map((e) => [e.type, e.operator])).toEqual([
    ['reports.suggestions_saved', supervisor.name],
    ['reports.exported', supervisor.name],
  ]);

  // The same report in English, printed too.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: 'Monthly service report' }).click();
  await expect(page.locator('.monthly-print-page[data-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('monthly-report')).toContainText('Monthly service report');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4', printBackground: true, path: shots('monthly-en.pdf') });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', shots('monthly-en.pdf'), shots('monthly-en')]);
});

test('a guard sees no reports in the menu and is sent home from their address', async ({ consolePage: page }) => {
  await callCore(page, 'operators.create', { ...guard, role: 'duty_guard' });
  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, guard.name, guard.password);
  await expect(page.getByTestId('current-operator')).toContainText(guard.displayName, { timeout: 30_000 });
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByRole('menuitem', { name: '统计报表' })).toHaveCount(0);
  await goTo(page, '#/reports');
  await expect(page).toHaveURL(/#\/dashboard$/);
  await goTo(page, '#/reports/monthly/2026-12');
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByTestId('monthly-report')).toHaveCount(0);
});
