// Repairs (issue 15, 设备维修 / 设备更换): an engineer records a charged part and lends a named spare unit against the
// incident's faulty device; both devices' pages show it, the spares page shows who has it; it is taken back and the
// spare is on the shelf again.
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';
import { selectOption } from './select-option';

test.describe.configure({ timeout: 240_000 });

test('a spare lent and returned: incident with a faulty device → lend spare → both device pages show it → return → stock back', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  const faulty = await callCore<{ id: string }>(page, 'assets.create', { name: '大堂摄像机', systemId: 'cctv', typeId: 'camera', assetTag: 'CAM-001', building: 'A座', floor: '1', room: '大堂' });
  const spare = await callCore<{ id: string }>(page, 'assets.create', { name: '备用摄像机', systemId: 'cctv', typeId: 'camera', assetTag: 'SP-CAM-01', serialNo: 'SN-9001', model: 'DS-2CD3T47', status: 'spare' });
  const { incident } = await callCore<{ incident: { id: string; number: string } }>(page, 'incidents.report', { systemId: 'cctv', description: '大堂摄像机无图像', reporter: '王保安', level: 'III' });
  await callCore(page, 'incidents.linkDevices', { id: incident.id, deviceIds: [faulty.id] });

  // The spares page: one spare camera on the shelf.
  await goTo(page, '#/spares');
  const units = page.getByTestId('spare-units');
  await expect(units.getByTestId('spare-unit-count')).toHaveText('摄像机: 可用 1 · 借出 0', { timeout: 30_000 });

  // A charged main part on the incident, with the total.
  await goTo(page, `#/incidents/${incident.id}`);
  const repairs = page.getByTestId('incident-repairs');
  await repairs.getByRole('button', { name: '登记配件' }).click();
  const partDialog = page.getByRole('dialog', { name: '登记配件' });
  await partDialog.getByText('主要配件 · 收取配件成本费用').click();
  await partDialog.getByLabel('配件名称').fill('镜头模组');
  await partDialog.getByLabel('单价（元）').fill('450.5');
  await partDialog.getByText('外购').click();
  await partDialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(repairs.getByTestId('repair-parts-total')).toContainText('收费合计 ¥450.50');

  // Lend the spare against the faulty camera.
  await repairs.getByRole('button', { name: '借出备机' }).click();
  const lendDialog = page.getByRole('dialog', { name: '借出备机' });
  await selectOption(page, lendDialog.getByLabel('备机', { exact: true }), 'SP-CAM-01');
  await lendDialog.getByLabel('借用人（客户方）').fill('物业 李经理');
  await lendDialog.getByRole('button', { name: /借\s?出/ }).click();
  const loan = repairs.getByTestId('spare-loan');
  await expect(loan).toHaveAttribute('data-state', 'lent');
  await expect(loan).toContainText('SP-CAM-01 备用摄像机 → CAM-001 大堂摄像机');
  await expect(loan).toContainText('物业 李经理');
  await expect(page.getByTestId('incident-timeline')).toContainText('借出备机');
  await page.screenshot({ path: shots('incident-spare-lent-zh.png'), fullPage: true });

  // Both devices' pages: the faulty one under repair with the spare standing in, the spare lent out.
  await goTo(page, `#/assets/${faulty.id}`);
  await expect(page.getByText('维修中').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('history-repair').first()).toContainText('借入备机 SP-CAM-01 备用摄像机 顶替使用');
  await expect(page.getByTestId('device-repairs').getByTestId('spare-loan')).toContainText(incident.number);
  await goTo(page, `#/assets/${spare.id}`);
  await expect(page.getByTestId('history-repair').first()).toContainText('作为备机借出，顶替 CAM-001 大堂摄像机');
  await page.screenshot({ path: shots('spare-device-lent-zh.png'), fullPage: true });

  // The spares page: who has it, since when, for which incident.
  await goTo(page, '#/spares');
  await expect(units.getByTestId('spare-unit-count')).toHaveText('摄像机: 可用 0 · 借出 1');
  await expect(units.getByTestId('spare-unit-row')).toHaveAttribute('data-state', 'lent');
  await expect(units.getByTestId('spare-unit-row')).toContainText('物业 李经理');
  await expect(units.getByTestId('spare-unit-row')).toContainText(incident.number);
  await page.screenshot({ path: shots('spares-lent-zh.png'), fullPage: true });

  // Lending it again is refused.
  await expect(callCore(page, 'spares.lend', { incidentId: incident.id, spareDeviceId: spare.id, faultyDeviceId: faulty.id, borrower: '另一人' })).rejects.toThrow(/spare_already_lent/);

  // Taken back: the faulty camera repaired and back in service.
  await goTo(page, `#/incidents/${incident.id}`);
  await repairs.getByRole('button', { name: '归还备机' }).click();
  const returnDialog = page.getByRole('dialog');
  await expect(returnDialog).toContainText('已修复，恢复在用');
  await returnDialog.getByRole('button', { name: '确认归还' }).click();
  await expect(loan).toHaveAttribute('data-state', 'returned');
  await expect(page.getByTestId('incident-timeline')).toContainText('备机归还');
  await expect(callCore(page, 'spares.return', { spareDeviceId: spare.id })).rejects.toThrow(/spare_not_lent/);

  await goTo(page, `#/assets/${faulty.id}`);
  await expect(page.getByTestId('history-repair').first()).toContainText('备机 SP-CAM-01 备用摄像机 已归还');
  await expect(page.getByText('在用').first()).toBeVisible();
  await goTo(page, `#/assets/${spare.id}`);
  await expect(page.getByTestId('history-repair').first()).toContainText('备机归还入库');
  await goTo(page, '#/spares');
  await expect(units.getByTestId('spare-unit-count')).toHaveText('摄像机: 可用 1 · 借出 0');
  await expect(units.getByTestId('spare-unit-row')).toHaveAttribute('data-state', 'shelf');

  await goTo(page, `#/incidents/${incident.id}`);
  await page.getByText('English').click();
  await expect(repairs).toContainText('Spare units lent');
  await expect(loan).toContainText('Returned');
  await page.screenshot({ path: shots('incident-spare-returned-en.png'), fullPage: true });
});
