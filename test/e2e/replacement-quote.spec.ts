// Repairs (issue 15, 设备更换): a device beyond repair gets a replacement quote with two options (same model, same
// function); the customer's choice is recorded; both show on the incident and the device page, and the printed fault
// report carries the parts and the choice.
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

test('a replacement quote is recorded for a device beyond repair and the customer’s choice is shown on incident, device and report', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  const device = await callCore<{ id: string }>(page, 'assets.create', { name: '东门门禁控制器', systemId: 'access-control', assetTag: 'ACS-007', building: 'A座', room: '东门' });
  const { incident } = await callCore<{ incident: { id: string; number: string } }>(page, 'incidents.report', { systemId: 'access-control', description: '东门门禁控制器主板烧毁', reporter: '王保安', level: 'III' });
  await callCore(page, 'incidents.linkDevices', { id: incident.id, deviceIds: [device.id] });
  await callCore(page, 'repairs.recordPart', { incidentId: incident.id, deviceId: device.id, kind: 'wearing', name: '保险丝', quantity: 2, source: 'bought' });
  await callCore(page, 'repairs.recordPart', { incidentId: incident.id, deviceId: device.id, kind: 'main', name: '读卡器模块', quantity: 1, unitCostFen: 88_000, source: 'bought' });

  await goTo(page, `#/incidents/${incident.id}`);
  const repairs = page.getByTestId('incident-repairs');
  // A part recorded by mistake is withdrawn with the reason: struck through, no longer charged, left off the report.
  await expect(repairs.getByTestId('repair-parts-total')).toContainText('收费合计 ¥880.00');
  const mistaken = repairs.getByTestId('repair-parts').getByRole('row').filter({ hasText: '读卡器模块' });
  await mistaken.getByRole('button', { name: /撤\s?销/ }).click();
  const withdraw = page.getByRole('dialog', { name: '撤销配件：读卡器模块 ×1' });
  await withdraw.getByRole('button', { name: '确认撤销' }).click();
  await expect(withdraw.getByText('请填写')).toBeVisible();
  await withdraw.getByLabel('撤销原因').fill('登记错了，读卡器模块未更换');
  await withdraw.getByRole('button', { name: '确认撤销' }).click();
  await expect(withdraw).toBeHidden();
  await expect(repairs.getByTestId('repair-parts-total')).toContainText('收费合计 ¥0.00');
  await expect(mistaken).toContainText('已撤销');
  await expect(mistaken).toContainText('撤销：登记错了，读卡器模块未更换');
  await expect(mistaken.getByRole('button', { name: /撤\s?销/ })).toHaveCount(0);
  await expect(page.getByTestId('incident-timeline')).toContainText('撤销维修配件');
  await repairs.getByRole('button', { name: '登记更换报价' }).click();
  const dialog = page.getByRole('dialog', { name: '登记更换报价' });
  const first = dialog.getByTestId('quote-option-form').nth(0);
  await first.getByLabel('品牌').fill('海康威视');
  await first.getByRole('textbox', { name: '型号' }).fill('DS-K2604');
  await first.getByLabel('价格（元）').fill('3200');
  await first.getByLabel('厂家 / 供应商').fill('哈尔滨安防器材公司');
  await dialog.getByRole('button', { name: '再加一个方案' }).click();
  const second = dialog.getByTestId('quote-option-form').nth(1);
  await expect(second.getByText('同等功能')).toBeVisible();
  await second.getByLabel('品牌').fill('中控');
  await second.getByRole('textbox', { name: '型号' }).fill('inBio460');
  await second.getByLabel('价格（元）').fill('2680.5');
  await second.getByLabel('厂家 / 供应商').fill('中控哈尔滨办事处');
  await dialog.getByLabel('说明').last().fill('主板烧毁，无修复价值');
  await dialog.getByRole('button', { name: '保存报价' }).click();
  const quote = repairs.getByTestId('replacement-quote');
  await expect(quote).toContainText('¥3,200.00');
  await expect(quote).toContainText('¥2,680.50');
  await expect(quote).toContainText('等待客户选择');

  await quote.getByRole('button', { name: '记录客户选择' }).click();
  const choose = page.getByRole('dialog', { name: '记录客户选择' });
  await choose.getByText('inBio460').click();
  await choose.getByLabel('客户方选择人').fill('物业 李经理');
  await choose.getByRole('button', { name: '确认选择' }).click();
  await expect(quote).toHaveAttribute('data-chosen', 'true');
  await expect(quote.getByTestId('quote-option').nth(1)).toHaveAttribute('data-chosen', 'true');
  await expect(quote.getByTestId('quote-choice')).toContainText('物业 李经理 选择');
  await expect(page.getByTestId('incident-timeline')).toContainText('客户选择更换方案');
  await page.screenshot({ path: shots('incident-quote-chosen-zh.png'), fullPage: true });

  await goTo(page, `#/assets/${device.id}`);
  await expect(page.getByTestId('device-repairs').getByTestId('quote-option').nth(1)).toHaveAttribute('data-chosen', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('history-repair').first()).toContainText('客户选择更换方案：中控 inBio460（物业 李经理）');

  // The printed fault report carries the parts (free) and the chosen replacement.
  await goTo(page, `#/incidents/${incident.id}/report`);
  const sheet = page.getByTestId('fault-report-repairs');
  await expect(sheet).toContainText('保险丝');
  await expect(sheet).not.toContainText('读卡器模块');
  await expect(sheet).toContainText('免费');
  await expect(sheet).toContainText('inBio460');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: shots('fault-report-repairs.pdf'), format: 'A4' });
  await page.screenshot({ path: shots('fault-report-repairs.png'), fullPage: true });
});
