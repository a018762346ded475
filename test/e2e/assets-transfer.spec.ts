// Moving devices in and out of the register through the UI: import with a row-by-row report,
// export to Excel and CSV, printed QR labels (to PDF).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { deviceColumns } from '../../electron/core/assets/device-columns';
import { deviceFileColumns } from '../../renderer/src/assets/import-columns';
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

// These walk several screens each; a busy machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'duty-transfer-')), name);
  writeFileSync(path, content);
  return path;
}

const csv = (lines: string[][]) => `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;

/** Three devices as a CSV, imported straight through the core for the tests that need a register. */
async function seedThreeDevices(page: Page): Promise<void> {
  const content = csv([
    ['名称', '系统', '类型', '资产编号', '楼宇', '楼层', '房间', '机柜'],
    ['一号楼大堂半球摄像机', '安防监控系统', '摄像机', 'ZC-100001', '一号楼', '1F', '大堂', ''],
    ['核心交换机', '综合布线及网络系统', '核心交换机', 'ZC-100002', '一号楼', 'B1', '弱电机房', 'R03'],
    ['报警主机', '报警系统', '报警主机', 'ZC-100003', '二号楼', '3F', '消控室', ''],
  ]);
  const file = { fileName: 'seed.csv', contentBase64: Buffer.from(content).toString('base64') };
  await callCore(page, 'assets.importCommit', { file, skipInvalid: false });
}

test('the import template has the columns import reads, in the same order', () => {
  expect(deviceFileColumns.map((c) => [c.key, c.zh, c.en])).toEqual(deviceColumns.map((c) => [c.key, c.zh, c.en]));
});

test('a file with a bad row imports nothing and says why, row by row; a good file then fills the register', async ({ consolePage: page }) => {
  await goTo(page, '/assets/import');
  await expect(page.getByRole('heading', { name: '从文件导入设备' })).toBeVisible();

  // The template comes from the page itself, so the good file below is built on its header row.
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入模板' }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toBe('设备导入模板.csv');
  const header = readFileSync(await template.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(',');
  expect(header.slice(0, 3)).toEqual(['名称', '系统', '类型']);

  const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '');
  const bad = csv([
    header,
    row({ 名称: '一号楼大堂半球摄像机', 系统: '安防监控系统', 类型: '摄像机', 资产编号: 'ZC-200001' }),
    row({ 名称: '火星基地摄像机', 系统: '火星系统', 资产编号: 'ZC-200002' }),
    row({ 名称: '弱电间交换机', 系统: '综合布线及网络系统', 安装日期: '2024-02-31', 资产编号: 'ZC-200003' }),
  ]);
  await page.locator('input[type=file]').setInputFiles(tempFile('有误的设备.csv', bad));

  await expect(page.getByText('文件中有 2 行有误，未导入任何数据')).toBeVisible();
  const report = page.locator('.ant-table-tbody');
  const marsRow = report.locator('tr', { hasText: '火星基地摄像机' });
  await expect(marsRow.locator('td').nth(1)).toHaveText('3');
  await expect(marsRow).toContainText('“系统”：目录中没有“火星系统”这个系统。');
  const dateRow = report.locator('tr', { hasText: '弱电间交换机' });
  await expect(dateRow.locator('td').nth(1)).toHaveText('4');
  await expect(dateRow).toContainText('“安装日期”：“2024-02-31”不是有效日期');
  await expect(page.getByRole('button', { name: '导入 1 台设备' })).toBeDisabled();
  // "Only rows with errors" is on for a file with errors: the valid row shows when it is turned off.
  await expect(report.locator('tr', { hasText: '一号楼大堂半球摄像机' })).toHaveCount(0);
  await page.getByText('只看有误的行').click();
  await expect(report.locator('tr', { hasText: '一号楼大堂半球摄像机' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/import-report-zh.png', fullPage: true, animations: 'disabled' });

  const search = await callCore<{ total: number }>(page, 'assets.search', {});
  expect(search.total).toBe(0);

  await page.getByRole('button', { name: '换一个文件' }).click();
  const good = csv([
    header,
    row({ 名称: '一号楼大堂半球摄像机', 系统: '安防监控系统', 类型: '摄像机', 楼宇: '一号楼', 楼层: '1F', 房间: '大堂' }),
    row({ 名称: '核心交换机', 系统: 'Structured cabling and network', 类型: 'Core switch', 安装日期: '2023-06-01', 状态: '在用' }),
  ]);
  await page.locator('input[type=file]').setInputFiles(tempFile('devices.csv', good));
  await expect(page.getByText('所有行都正确，可以导入。')).toBeVisible();
  await page.getByRole('button', { name: '导入 2 台设备' }).click();
  await expect(page.getByText('已导入 2 台设备，跳过 0 行')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/import-done-zh.png', fullPage: true, animations: 'disabled' });

  await page.getByRole('button', { name: '返回设备档案' }).click();
  await expect(page.getByText('一号楼大堂半球摄像机')).toBeVisible();
  await expect(page.getByText('核心交换机', { exact: true }).first()).toBeVisible();
});

test('skipping the bad rows, once accepted, imports the rest', async ({ consolePage: page }) => {
  await goTo(page, '/assets/import');
  const content = csv([
    ['名称', '系统', '资产编号', '上级设备资产编号'],
    ['配电间温湿度传感器', '楼宇智能化控制系统', 'ZC-300001', ''],
    ['', '楼宇智能化控制系统', 'ZC-300002', ''],
    ['机房精密空调', '楼宇智能化控制系统', 'ZC-300001', ''],
    ['机房 UPS', 'building automation', '', ''],
    ['UPS 电池组', 'building automation', '', 'ZC-999999'],
  ]);
  await page.locator('input[type=file]').setInputFiles(tempFile('sensors.csv', content));
  await expect(page.getByText('文件中有 3 行有误，未导入任何数据')).toBeVisible();
  await expect(page.getByText('“名称”不能为空。')).toBeVisible();
  await expect(page.getByText('“资产编号”：资产编号 ZC-300001 与文件第 2 行重复。')).toBeVisible();
  await expect(page.getByText('“上级设备资产编号”：设备档案和文件中都没有资产编号为 ZC-999999 的设备。')).toBeVisible();

  const importButton = page.getByRole('button', { name: '导入 2 台设备' });
  await expect(importButton).toBeDisabled();
  await page.getByText('跳过有误的行，导入其余 2 行').click();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page.getByText('已导入 2 台设备，跳过 3 行')).toBeVisible();

  const search = await callCore<{ total: number; items: { name: string }[] }>(page, 'assets.search', {});
  expect(search.items.map((d) => d.name).sort()).toEqual(['机房 UPS', '配电间温湿度传感器'].sort());
});

test('a file without a required column is refused as a whole, with the column named', async ({ consolePage: page }) => {
  await goTo(page, '/assets/import');
  await page.locator('input[type=file]').setInputFiles(tempFile('no-system.csv', csv([['名称', '楼宇'], ['门厅读卡器', '一号楼']])));
  await expect(page.getByText('文件缺少必需的列“系统”。请使用导入模板中的列名。')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/import-missing-column-zh.png', animations: 'disabled' });
  await page.locator('input[type=file]').setInputFiles(tempFile('notes.txt', 'hello'));
  await expect(page.getByText('只支持 .csv 和 .xlsx 文件。')).toBeVisible();
});

test('the import report speaks English too', async ({ consolePage: page }) => {
  await page.getByText('English', { exact: true }).click();
  await goTo(page, '/assets/import');
  await expect(page.getByRole('heading', { name: 'Import devices from a file' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/import-choose-en.png', fullPage: true, animations: 'disabled' });
  const content = csv([
    ['Name', 'System', 'Status', 'Warranty end', 'Colour'],
    ['Lobby camera', 'CCTV surveillance', 'broken', '2026-01-01', 'white'],
    ['Gate barrier', 'Parking management', 'Spare', '', 'yellow'],
  ]);
  await page.locator('input[type=file]').setInputFiles(tempFile('en.csv', content));
  await expect(page.getByText('1 row in the file has errors; nothing has been imported')).toBeVisible();
  await expect(page.getByText('"Status": "broken" is not a status')).toBeVisible();
  await expect(page.getByText('These columns were not recognised and are ignored: Colour')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/import-report-en.png', fullPage: true, animations: 'disabled' });
});

test('exports the register to Excel and to CSV', async ({ consolePage: page }) => {
  await seedThreeDevices(page);
  // The console opens on the duty dashboard; the devices are in the register.
  await goTo(page, '/assets');
  // A reload starts the whole app again: on a loaded machine that takes longer than one expect.
  await expect(page.getByRole('checkbox', { name: '选择 ZC-100002' })).toBeVisible({ timeout: 30_000 });

  const exportTo = async (label: string) => {
    await page.getByRole('button', { name: /导出/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: label }).click();
    return download;
  };

  const xlsx = await exportTo('Excel (.xlsx)');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxBytes = readFileSync(await xlsx.path());
  expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByText(/已导出 3 台设备/)).toBeVisible();

  const csvDownload = await exportTo('CSV');
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await csvDownload.path(), 'utf8');
  expect(text).toContain('名称');
  expect(text).toContain('核心交换机');
  expect(text).toContain('ZC-100002');
  await page.screenshot({ path: '/tmp/shots/export-zh.png', animations: 'disabled' });

  // The exported workbook reads back: every row is recognised, and refused only because its tag is taken.
  await goTo(page, '/assets/import');
  await page.locator('input[type=file]').setInputFiles({ name: xlsx.suggestedFilename(), mimeType: 'application/octet-stream', buffer: xlsxBytes });
  await expect(page.getByText('文件中有 3 行有误，未导入任何数据')).toBeVisible();
  await expect(page.getByText('“资产编号”：资产编号 ZC-100002 已被设备档案中的其他设备使用。')).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr')).toHaveCount(3);
  await expect(page.locator('.ant-table-tbody')).not.toContainText('目录中没有');
});

test('prints QR labels for the chosen devices to an A4 PDF', async ({ consolePage: page }) => {
  await seedThreeDevices(page);
  // The console opens on the duty dashboard; the devices are in the register.
  await goTo(page, '/assets');
  await expect(page.getByRole('checkbox', { name: '选择 ZC-100001' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('checkbox', { name: '选择 ZC-100001' }).check();
  await page.getByRole('checkbox', { name: '选择 ZC-100002' }).check();
  await page.getByRole('checkbox', { name: '选择 ZC-100003' }).check();
  await page.getByRole('button', { name: '打印标签（3）' }).click();

  await expect(page).toHaveURL(/#\/labels\?ids=/);
  await expect(page.locator('.labels-page[data-ready="true"]')).toBeVisible();
  const labels = page.locator('.device-label');
  await expect(labels).toHaveCount(3);
  await expect(labels.nth(1)).toContainText('ZC-100002');
  await expect(labels.nth(1)).toContainText('核心交换机');
  await expect(labels.nth(1)).toContainText('一号楼 B1 弱电机房 · 机柜 R03');
  await expect(labels.nth(1)).toContainText('综合布线及网络系统 · 核心交换机');
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
  await page.screenshot({ path: '/tmp/shots/labels-screen-zh.png', fullPage: true, animations: 'disabled' });

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.labels-toolbar')).toBeHidden();
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'duty-labels-')), 'labels.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  if (process.env.DUTY_KEEP_PDF) writeFileSync(process.env.DUTY_KEEP_PDF, readFileSync(pdfPath));
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(statSync(pdfPath).size).toBeGreaterThan(10_000);
  // Three labels fit on one sheet: exactly one page.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/#\/assets$/);
});

test('labels page in English, with a device that no longer exists', async ({ consolePage: page }) => {
  await seedThreeDevices(page);
  const found = await callCore<{ items: { id: string }[] }>(page, 'assets.search', { q: 'ZC-100003' });
  await page.getByText('English', { exact: true }).click();
  await goTo(page, `/labels?ids=${found.items[0]!.id},no-such-device`);
  await expect(page.locator('.labels-page[data-ready="true"]')).toBeVisible();
  await expect(page.getByText('1 device is no longer in the register and gets no label.')).toBeVisible();
  await expect(page.locator('.device-label')).toContainText('Intrusion alarm · Alarm panel');
  await page.screenshot({ path: '/tmp/shots/labels-screen-en.png', fullPage: true, animations: 'disabled' });
});

test('twenty-six labels fill one A4 sheet of 24 and start a second', async ({ consolePage: page }) => {
  const lines = [['名称', '系统', '类型', '资产编号', '楼宇', '楼层', '房间', '机柜']];
  for (let i = 1; i <= 26; i++) {
    const n = String(i).padStart(2, '0');
    lines.push([`${n} 号会议室吸顶音箱（西侧靠窗第二排，带功放分区控制）`, '背景音乐及广播系统', '音箱', `ZC-4000${n}`, '二号楼行政中心', '12F', `12${n} 大会议室`, `R${n}`]);
  }
  const file = { fileName: 'speakers.csv', contentBase64: Buffer.from(csv(lines)).toString('base64') };
  await callCore(page, 'assets.importCommit', { file, skipInvalid: false });
  const found = await callCore<{ items: { id: string; assetTag: string }[] }>(page, 'assets.search', { limit: 100 });
  const ids = found.items.sort((a, b) => a.assetTag.localeCompare(b.assetTag)).map((d) => d.id);
  expect(ids).toHaveLength(26);

  await goTo(page, `/labels?ids=${ids.join(',')}`);
  await expect(page.locator('.labels-page[data-ready="true"]')).toBeVisible();
  await expect(page.locator('.label-sheet')).toHaveCount(2);
  await expect(page.locator('.label-sheet').nth(1).locator('.device-label')).toHaveCount(2);
  await expect(page.locator('.device-label').first()).toContainText('ZC-400001');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(mkdtempSync(join(tmpdir(), 'duty-labels-')), 'labels.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  if (process.env.DUTY_KEEP_PDF) writeFileSync(`${process.env.DUTY_KEEP_PDF}.full.pdf`, readFileSync(pdfPath));
  expect(readFileSync(pdfPath).toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(2);
});
