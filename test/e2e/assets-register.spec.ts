// The asset register end to end: add, find as you type, open, edit, parent and children, empty state, English.
import type { Page } from '@playwright/test';
import { startCore } from '../../electron/core/core';
import type { Device, DeviceFieldsInput } from '../../shared/contract';
import { expect as consoleExpect, test as consoleTest } from './fixtures';
import { selectOption } from './select-option';

/** A loaded machine (builds and other suites alongside) can take more than the default 10 s to show a screen. */
const expect = consoleExpect.configure({ timeout: 30_000 });

/** Devices written into a test's data directory before its console starts, by dataDir. */
const seededByDir = new Map<string, Device[]>();

/** Registers the given devices through the core's trusted path (no sign-in), in order; returns them as created. */
async function seedRegister(dataDir: string, devices: DeviceFieldsInput[]): Promise<Device[]> {
  const core = await startCore({ dataDir, transport: 'web', version: 'e2e', slaWatchIntervalMs: 0 });
  try {
    const created: Device[] = [];
    for (const fields of devices) {
      const result = await core.call('assets.create', fields, { operator: 'e2e' });
      if (!result.ok) throw new Error(`seeding ${fields.name} failed: ${result.error.code}`);
      created.push(result.value as Device);
    }
    return created;
  } finally {
    await core.close();
  }
}

/** An object, not a bare array: Playwright would read `[device, device]` in test.use as a value and its options. */
interface Seed {
  devices: DeviceFieldsInput[];
}

const test = consoleTest.extend<{ seed: Seed; seeded: Device[] }>({
  seed: [{ devices: [] }, { option: true }],
  dataDir: async ({ dataDir, seed }, use) => {
    if (seed.devices.length > 0) seededByDir.set(dataDir, await seedRegister(dataDir, seed.devices));
    await use(dataDir);
    seededByDir.delete(dataDir);
  },
  seeded: async ({ dataDir }, use) => use(seededByDir.get(dataDir) ?? []),
});

/** The console may open on another screen: the register is one click away in the side menu. */
async function openRegister(page: Page) {
  await page.getByRole('menuitem', { name: /设备档案|Asset register/ }).click();
  await expect(page.getByLabel(/搜索设备|Search devices/)).toBeVisible();
}

/** Picks an option of a Select by its label (again, until the field shows it). */
const chooseOption = (page: Page, label: string, option: string) => selectOption(page, page.getByLabel(label, { exact: true }), option);

/** antd puts a space between two Chinese characters on a button without an icon ("保 存"); an icon adds its own name. */
function button(page: Page, name: string) {
  const spaced = [...name].length === 2 ? [...name].join(' ') : name;
  return page.getByRole('button', { name: new RegExp(`(^|\\s)(${name}|${spaced})$`) });
}

// These walk through several screens each; a busy machine needs more than the default minute.
test.describe.configure({ timeout: 150_000 });

const deviceRows = (page: Page) => page.locator('.device-table [role="row"][tabindex]');

test.describe('with a camera in the lobby', () => {
  test.use({ seed: { devices: [{ name: '大堂半球摄像机', systemId: 'cctv', typeId: 'camera', building: 'A栋', floor: '1F', room: '大堂' }] } });

  test('adds a DVR through the form in Chinese, finds it as you type, and records a status change in its history', async ({
    consolePage: page,
  }) => {
    await openRegister(page);
    await expect(page.getByText('共 1 台设备')).toBeVisible();

    await page.getByRole('button', { name: '新增设备' }).first().click();
    await expect(page.getByRole('heading', { name: '新增设备' })).toBeVisible();
    await expect(page.getByLabel('资产编号')).toHaveAttribute('placeholder', /自动分配/);
    await page.getByLabel('设备名称').fill('中心机房硬盘录像机');
    await chooseOption(page, '所属系统', '安防监控系统');
    await chooseOption(page, '设备类型', '硬盘录像机');
    await page.getByLabel('品牌').fill('大华');
    await page.getByLabel('型号').fill('DH-NVR4832');
    await page.getByLabel('楼栋').fill('A栋');
    await page.getByLabel('房间').fill('中心机房');
    // Enter in a field keeps the form as it is rather than sending it.
    await page.getByLabel('房间').press('Enter');
    await expect(page.getByRole('heading', { name: '新增设备' })).toBeVisible();
    await button(page, '保存').click();

    await expect(page.getByText('设备已新增')).toBeVisible();
    await expect(page.getByRole('heading', { name: '中心机房硬盘录像机' })).toBeVisible();
    await expect(page.getByText('硬盘录像机', { exact: true })).toBeVisible();
    await expect(page.getByText('创建设备')).toBeVisible();

    await openRegister(page);
    const search = page.getByLabel('搜索设备');
    await expect(search).toBeFocused();
    for (const word of ['机房', '录像', '中心机房硬盘']) {
      await search.fill(word);
      await expect(page.getByText('共 1 台设备')).toBeVisible();
      await expect(deviceRows(page).filter({ hasText: '中心机房硬盘录像机' })).toBeVisible();
      await expect(deviceRows(page).filter({ hasText: '大堂半球摄像机' })).toHaveCount(0);
    }
    await search.fill('大堂');
    await expect(deviceRows(page).filter({ hasText: '大堂半球摄像机' })).toBeVisible();
    await expect(deviceRows(page).filter({ hasText: '中心机房硬盘录像机' })).toHaveCount(0);
    await search.fill('录像');

    await deviceRows(page).filter({ hasText: '中心机房硬盘录像机' }).click();
    await expect(page.getByRole('heading', { name: '中心机房硬盘录像机' })).toBeVisible();
    await expect(page.getByText('创建设备')).toBeVisible();

    await button(page, '编辑').click();
    await expect(page.getByLabel('设备名称')).toHaveValue('中心机房硬盘录像机');
    await chooseOption(page, '状态', '故障');
    await button(page, '保存').click();

    await expect(page.getByText('设备已保存')).toBeVisible();
    await expect(page.getByText('修改设备')).toBeVisible();
    await expect(page.getByText('状态：在用 → 故障')).toBeVisible();

    // Back to the list: the search typed before is still there, and the row shows the new status.
    await page.goBack();
    await expect(page.getByLabel('搜索设备')).toHaveValue('录像');
    await expect(deviceRows(page).filter({ hasText: '中心机房硬盘录像机' }).getByText('故障')).toBeVisible();
  });
});

test.describe('with a DVR in the server room', () => {
  test.use({ seed: { devices: [{ name: '中心机房硬盘录像机', systemId: 'cctv', typeId: 'dvr', room: '中心机房' }] } });

  test('a hard disk added under the DVR appears on the DVR’s page', async ({ consolePage: page, seeded: [dvr] }) => {
    await openRegister(page);
    await deviceRows(page).filter({ hasText: '中心机房硬盘录像机' }).click();
    await expect(page.getByText('没有下级设备', { exact: false })).toBeVisible();

    await page.getByRole('button', { name: '添加下级设备' }).click();
    await expect(page.getByRole('heading', { name: '新增设备' })).toBeVisible();
    await expect(page.getByText(`${dvr!.assetTag} · 中心机房硬盘录像机`)).toBeVisible();
    await expect(page.getByText('安防监控系统')).toBeVisible();
    await page.getByLabel('设备名称').fill('1号硬盘');
    await chooseOption(page, '设备类型', '硬盘');
    await page.getByLabel('品牌').fill('希捷');
    await button(page, '保存').click();

    await expect(page.getByRole('heading', { name: '1号硬盘' })).toBeVisible();
    await page.getByRole('link', { name: `${dvr!.assetTag} · 中心机房硬盘录像机` }).click();
    await expect(page.getByRole('heading', { name: '中心机房硬盘录像机' })).toBeVisible();
    await expect(page.getByText('下级设备（1）')).toBeVisible();
    await expect(page.getByRole('link', { name: '1号硬盘' })).toBeVisible();
  });
});

test('an empty register says how to add devices', async ({ consolePage: page }) => {
  await openRegister(page);
  await expect(page.getByText('还没有任何设备')).toBeVisible();
  await expect(page.getByText(/点击“新增设备”逐台录入/)).toBeVisible();
  await expect(page.getByRole('button', { name: '导入' })).toHaveCount(2);
});

test.describe('with an alarm panel and a door controller', () => {
  test.use({
    seed: {
      devices: [
        { name: '消防控制室报警主机', systemId: 'intrusion', typeId: 'alarm-panel' },
        { name: '门禁控制器', systemId: 'access-control', assetTag: 'MJ-001' },
      ],
    },
  });

  test('picks a parent by searching the register as you type; the next edit shows it by tag and name', async ({ consolePage: page }) => {
    await openRegister(page);
    await deviceRows(page).filter({ hasText: '门禁控制器' }).click();
    await expect(page.getByRole('heading', { name: '门禁控制器' })).toBeVisible();
    await button(page, '编辑').click();
    const parent = page.getByLabel('上级设备', { exact: true });
    await parent.click();
    await parent.pressSequentially('报警主机');
    // The device being edited is never offered as its own parent.
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await expect(dropdown.getByText(/消防控制室报警主机/)).toBeVisible();
    await expect(dropdown.getByText(/门禁控制器/)).toHaveCount(0);
    await dropdown.getByText(/消防控制室报警主机/).click();
    await button(page, '保存').click();
    await expect(page.getByText('设备已保存')).toBeVisible();
    await expect(page.getByText(/上级设备：（空） → .*消防控制室报警主机/)).toBeVisible();

    await button(page, '编辑').click();
    await expect(page.locator('.ant-form-item', { hasText: '上级设备' }).getByText(/· 消防控制室报警主机/)).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('parent-picked.png'), fullPage: true });
  });

  test('a search that finds nothing says so, and clearing it brings the devices back', async ({ consolePage: page }) => {
    await openRegister(page);
    await expect(page.getByText('共 2 台设备')).toBeVisible();
    await page.getByLabel('搜索设备').fill('不存在的设备');
    await expect(page.getByText('没有找到符合条件的设备')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).first().click();
    await expect(page.getByLabel('搜索设备')).toHaveValue('');
    await expect(deviceRows(page)).toHaveCount(2);
  });

  test('the form shows what is missing and a taken asset tag on the fields they concern', async ({ consolePage: page }) => {
    await openRegister(page);
    await page.getByRole('button', { name: '新增设备' }).first().click();
    await button(page, '保存').click();
    await expect(page.getByText('请填写设备名称')).toBeVisible();
    await expect(page.getByText('请选择所属系统')).toBeVisible();

    await page.getByLabel('设备名称').fill('二号门禁控制器');
    await chooseOption(page, '所属系统', '门禁系统');
    await page.getByLabel('资产编号').fill('MJ-001');
    await button(page, '保存').click();
    await expect(page.getByText('资产编号 MJ-001 已被其他设备使用。')).toBeVisible();

    // Leaving with unsaved input asks first.
    await button(page, '取消').click();
    await expect(page.getByRole('dialog', { name: '放弃未保存的修改？' })).toBeVisible();
    await page.getByRole('button', { name: '继续编辑' }).click();
    await expect(page.getByLabel('设备名称')).toHaveValue('二号门禁控制器');
  });
});

test.describe('with three pages of devices', () => {
  const devices: DeviceFieldsInput[] = [];
  for (let n = 1; n <= 205; n += 1) {
    devices.push({
      name: `${n % 2 ? '摄像机' : '交换机'} ${String(n).padStart(3, '0')}`,
      systemId: n % 2 ? 'cctv' : 'cabling-network',
      status: n % 10 === 0 ? 'faulty' : 'in_service',
      building: 'B栋',
      floor: `${(n % 5) + 1}F`,
      room: `弱电间${(n % 3) + 1}`,
    });
  }
  test.use({ seed: { devices } });

  test('scrolls through pages of devices, filters by system and status, and picks rows for labels', async ({ consolePage: page }) => {
    await openRegister(page);
    await expect(page.getByText('共 205 台设备')).toBeVisible();

    // The table holds only what is on screen; the first device made is at the bottom, three pages down.
    expect(await deviceRows(page).count()).toBeLessThan(80);
    await page.locator('.device-table').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(deviceRows(page).filter({ hasText: '摄像机 001' })).toBeVisible();
    await page.locator('.device-table').evaluate((el) => el.scrollTo({ top: 0 }));

    await chooseOption(page, '所属系统', '综合布线及网络系统');
    await expect(page.getByText('共 102 台设备')).toBeVisible();
    await chooseOption(page, '状态', '故障');
    await expect(page.getByText('共 20 台设备')).toBeVisible();

    await deviceRows(page).nth(0).getByRole('checkbox').check();
    await deviceRows(page).nth(1).getByRole('checkbox').check();
    await expect(page).toHaveURL(/#\/assets\?/);
    await expect(page.getByText('已选 2 台')).toBeVisible();
    await page.getByRole('button', { name: '打印标签（2）' }).click();
    await expect(page).toHaveURL(/#\/labels\?ids=[\w-]+,[\w-]+$/);
  });
});

test.describe('with a DVR under repair, out of warranty', () => {
  test.use({
    seed: {
      devices: [
        { name: 'Server room DVR', systemId: 'cctv', typeId: 'dvr', status: 'under_repair', warrantyEnd: '2020-01-31', building: 'Block A', room: 'Server room' },
      ],
    },
  });

  test('the register, the form and a device read in English', async ({ consolePage: page }) => {
    await openRegister(page);
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByText('1 device', { exact: true })).toBeVisible();
    await expect(deviceRows(page).filter({ hasText: 'CCTV surveillance' }).getByText('Under repair')).toBeVisible();
    await page.getByLabel('Search devices').fill('DVR');
    await deviceRows(page).filter({ hasText: 'Server room DVR' }).click();
    await expect(page.getByText('Out of warranty (ended 31 Jan 2020)')).toBeVisible();
    await expect(page.getByText('Device created')).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByText('Basic information')).toBeVisible();
    // The form's group; the menu has a Maintenance item of its own.
    await expect(page.getByRole('main').getByText('Maintenance', { exact: true })).toBeVisible();
  });
});
