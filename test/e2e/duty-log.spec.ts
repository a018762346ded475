import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { administrator, expect, test } from './fixtures';

// Each test walks several screens; a loaded CI machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

test('a patrol entry appears in today’s log at once', async ({ consolePage: page }) => {
  await page.getByRole('menuitem', { name: '值班日志' }).click();
  await expect(page.getByText('这一天还没有记录。')).toBeVisible();
  await page.getByRole('button', { name: '巡查' }).click();
  await page.getByLabel('内容').fill('巡查 B1 配电间，一切正常');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.getByRole('row', { name: /巡查 B1 配电间/ });
  await expect(row).toContainText('巡查');
  await expect(page.getByText('共 1 条')).toBeVisible();

  // The day before holds nothing; "today" comes back to it.
  await page.getByRole('button', { name: '前一天' }).click();
  await expect(page.getByText('这一天还没有记录。')).toBeVisible();
  await page.getByRole('button', { name: /今\s*天/ }).click();
  await expect(row).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('duty-log-zh.png'), fullPage: true });
});

test('the outgoing guard hands over, the sheet prints on one A4 page, the incoming guard confirms', async ({ consolePage: page }) => {
  // The incoming guard needs an account of their own.
  await page.getByRole('menuitem', { name: '操作员' }).click();
  await page.getByRole('button', { name: '新增操作员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('登录名').fill('lisi');
  await dialog.getByLabel('姓名').fill('李四');
  await dialog.getByLabel('密码').fill('day-shift-22');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name: 'lisi', exact: true })).toBeVisible();

  await page.getByRole('menuitem', { name: '值班日志' }).click();
  await page.getByRole('button', { name: '来访' }).click();
  await page.getByLabel('内容').fill('维保工程师张工进入机房更换硬盘');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name: '维保工程师张工进入机房更换硬盘' })).toBeVisible();

  await page.getByRole('menuitem', { name: '交接班' }).click();
  await expect(page.getByText('本班值班记录（1）')).toBeVisible();
  await expect(page.getByText('维保工程师张工进入机房更换硬盘')).toBeVisible();
  await page.getByLabel('交班小结').fill('夜班平稳，张工更换硬盘后录像恢复。');
  await page.getByLabel('交接事项').fill('机房钥匙两把在抽屉');
  await page.getByRole('button', { name: '提交交班' }).click();
  await expect(page.getByText('待接班确认')).toBeVisible();

  await page.getByRole('button', { name: '打印交接单' }).first().click();
  await expect(page.locator('.handover-print-page[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.handover-sheet')).toContainText('夜班平稳，张工更换硬盘后录像恢复。');
  await expect(page.locator('.handover-sheet')).toContainText('维保工程师张工进入机房更换硬盘');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.handover-toolbar')).toBeHidden();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'duty-handover-')), 'handover.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  if (process.env.DUTY_KEEP_PDF) writeFileSync(process.env.DUTY_KEEP_PDF, readFileSync(pdfPath));
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(statSync(pdfPath).size).toBeGreaterThan(10_000);
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回' }).click();

  // The outgoing guard cannot take over their own shift; the incoming guard's wrong password is refused.
  await page.getByLabel('接班人姓名').fill(administrator.name);
  await page.getByLabel('密码').fill(administrator.password);
  await page.getByRole('button', { name: '确认接班' }).click();
  await expect(page.getByText('交班人不能自己确认接班')).toBeVisible();
  await page.getByLabel('接班人姓名').fill('lisi');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '确认接班' }).click();
  await expect(page.getByText('登录名或密码错误')).toBeVisible();
  await expect(page.getByText('待接班确认')).toBeVisible();
  await page.getByLabel('密码').fill('day-shift-22');
  await page.getByRole('button', { name: '确认接班' }).click();
  await expect(page.getByText('本班交班')).toBeVisible();
  await expect(page.getByText('本班值班记录（0）')).toBeVisible();
  await expect(page.getByRole('row', { name: /待确认/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /lisi/ })).toContainText('admin');
});
