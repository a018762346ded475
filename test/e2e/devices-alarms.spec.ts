// Devices end to end: a receiver simulator raises a fire alarm (banner, sound flag, level-I incident, acknowledgement);
// an OSDP reader simulator's card swipe shows in diagnostics. The simulators run here, on socat ptys.
import { createReceiverSimulator } from '../../electron/core/devices/contact-id/simulator';
import { createOsdpPdSimulator } from '../../electron/core/devices/osdp/simulator';
import { openSerialBytePort } from '../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../support/virtual-serial-pair';
import { addDevice, dialog } from './device-form';
import { expect, test } from './fixtures';
import { selectOption } from './select-option';

const serial = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;

test('a fire alarm from the receiver sounds on every screen, opens a level-I incident and is acknowledged with a comment', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  const pair = await openVirtualSerialPair();
  const simPort = await openSerialBytePort(pair.b, serial);
  const receiver = createReceiverSimulator({ port: simPort });
  try {
    const row = await addDevice(page, '1 号楼消防接警机', '接警机', pair.a);
    // The port path is whole in the cell (cut in the middle only when the column is narrow, its end always shown).
    await expect(row.getByTestId('port-path')).toHaveText(pair.a);
    await shot('devices-list.png');

    // Nothing active yet: the banner is hidden and silent.
    const banner = page.getByTestId('alarm-banner');
    await expect(banner).toHaveAttribute('data-alarm-sound', 'off');

    // The receiver reports a fire in zone 3; it resolves once the console ACKed, i.e. committed it.
    await receiver.fireAlarm('1234', 3);
    const alarmRow = banner.getByTestId('alarm-banner-row').first();
    await expect(alarmRow).toBeVisible({ timeout: 10_000 });
    await expect(alarmRow).toHaveAttribute('data-severity', 'critical');
    await expect(alarmRow).toContainText('1 号楼消防接警机');
    await expect(alarmRow).toContainText('火警');
    await expect(banner).toHaveAttribute('data-alarm-sound', 'on');
    await expect(banner).toHaveAttribute('data-alarm-tone', 'urgent');
    await expect(row.locator('.ant-badge-count')).toHaveText('1');
    await shot('banner-fire.png');

    // On another screen too.
    await page.getByRole('menuitem', { name: '值班日志' }).click();
    await expect(banner.getByTestId('alarm-banner-row')).toHaveCount(1);

    // The rule for fire codes opened a level-I incident, linked from the alarm list.
    await page.getByRole('menuitem', { name: '报警' }).click();
    const listed = page.locator('.ant-table-row', { hasText: '1 号楼消防接警机' });
    await expect(listed).toBeVisible();
    const incidentLink = listed.getByRole('link');
    await expect(incidentLink).toHaveText(/\d{8}-\d{3}/, { timeout: 10_000 });
    await shot('alarms-active.png');
    await incidentLink.click();
    await expect(page.getByTestId('incident-page').locator('[data-level="I"]').first()).toBeVisible({ timeout: 20_000 });
    await shot('incident-from-alarm.png');

    // Muting the console silences the banner; unmuting brings the sound back.
    await page.getByRole('button', { name: '静音' }).click();
    await expect(banner).toHaveAttribute('data-alarm-sound', 'off');
    await page.getByRole('button', { name: '恢复提示音' }).click();
    await expect(banner).toHaveAttribute('data-alarm-sound', 'on');

    // 确认 needs a comment; then the sound stops while the alarm stays active until the receiver restores it.
    await alarmRow.getByRole('button', { name: /确\s*认/ }).click();
    const ack = dialog(page);
    await expect(ack).toBeVisible();
    await ack.getByRole('button', { name: '确认报警' }).click();
    await expect(ack.getByText('请填写处理说明')).toBeVisible();
    await shot('acknowledge-dialog.png');
    await ack.getByLabel('处理说明').fill('已通知消防中控室，保安前往 3 防区查看');
    await ack.getByRole('button', { name: '确认报警' }).click();
    await expect(ack).toBeHidden();
    await expect(banner).toHaveAttribute('data-alarm-sound', 'off');
    await expect(alarmRow.getByText('已确认')).toBeVisible();

    // The restore clears it from the banner; the history keeps the whole story.
    await receiver.restore('1234', 3);
    await expect(banner.getByTestId('alarm-banner-row')).toHaveCount(0, { timeout: 10_000 });
    await page.getByRole('menuitem', { name: '报警' }).click();
    await page.getByRole('tab', { name: '报警历史' }).click();
    const history = page.locator('.ant-table-row', { hasText: '已通知消防中控室' });
    await expect(history).toContainText('已恢复');
    await shot('alarms-history.png');
    await page.getByRole('tab', { name: '报警规则' }).click();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await shot('alarm-rules.png');

    // The adapter is pulled: the list says so in red or orange, with since when.
    await page.getByRole('menuitem', { name: '通信链路' }).click();
    await pair.unplug();
    await expect(row.locator('[data-link-state="reconnecting"], [data-link-state="offline"]')).toBeVisible({ timeout: 20_000 });
    await expect(row).toContainText(/重连中|离线自 \d{2}:\d{2}/);
    await shot('devices-unplugged.png');
  } finally {
    receiver.close();
    await simPort.close();
    await pair.unplug();
  }
});

test('a card swiped at an OSDP reader shows in the diagnostics traffic monitor; opening the door asks first', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  const pair = await openVirtualSerialPair();
  const simPort = await openSerialBytePort(pair.b, serial);
  const bus = createOsdpPdSimulator({ port: simPort, pds: [{ address: 0, vendor: 0x0a0b0c, model: 1, serial: 4242 }] });
  try {
    const row = await addDevice(page, '东门读卡器', '门禁读卡器', pair.a, async () => {
      await expect(page.getByTestId('osdp-pd-row')).toHaveCount(1);
      await shot('device-form-osdp.png');
    });
    await row.getByRole('button', { name: /诊\s*断/ }).click();
    await expect(page.getByRole('heading', { name: '诊断：东门读卡器' })).toBeVisible();
    await expect(page.getByTestId('traffic-line').first()).toBeVisible({ timeout: 10_000 });

    await shot('diagnostics-live.png');

    // Among the polls (many a second, so an unfiltered line soon scrolls out of the virtualised view), the filter
    // keeps the card read in sight. Wiegand 26-bit: facility 12, card 3456, as the reader sends it.
    await page.getByLabel('筛选').fill('RAW');
    bus.swipeCard(0, 0, 26, Uint8Array.from([0x06, 0x06, 0xc0, 0x40]));
    const swipe = page.locator('[data-testid="traffic-line"][data-direction="rx"]', { hasText: 'facility 12, card 3456' });
    await expect(swipe).toHaveCount(1, { timeout: 10_000 });
    await expect(page.getByTestId('traffic-line')).toHaveCount(1);
    await expect(page.getByTestId('traffic-count')).toHaveText(/^1 \/ \d+ 帧$/);
    await page.getByRole('button', { name: /暂\s*停/ }).click();
    await shot('diagnostics-card-swipe.png');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出记录' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toMatch(/\tRX\t[0-9A-F ]+\tPD 0 seq \d RAW reader 0 .*facility 12, card 3456/);
    await page.getByRole('button', { name: /继\s*续/ }).click();
    await page.getByLabel('筛选').fill('');
    await expect(page.getByTestId('traffic-count')).toHaveText(/^\d+ 帧$/);

    // A harmless command runs at once; the door strike asks in red first.
    const ledCommand = page.locator('[data-command-id="ledBlink"]');
    await ledCommand.getByRole('button', { name: /发\s*送/ }).click();
    await expect(ledCommand.getByTestId('test-command-result')).toBeVisible({ timeout: 10_000 });
    const door = page.locator('[data-command-id="outputPulse"]');
    await door.getByRole('button', { name: /发\s*送/ }).click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await expect(confirm).toContainText('确认执行危险操作');
    await shot('diagnostics-danger-confirm.png');
    await confirm.getByRole('button', { name: '确认执行' }).click();
    await expect(door.getByTestId('test-command-result')).toBeVisible({ timeout: 10_000 });
    expect(bus.received(0).some((c) => c.kind === 'out')).toBe(true);
    await shot('diagnostics-commands.png');

    // The edit form reads the device back: its kind, port and reader list.
    await page.getByRole('button', { name: '返回链路列表' }).click();
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    await expect(page.getByLabel('名称')).toHaveValue('东门读卡器');
    await expect(page.getByLabel('串口路径')).toHaveValue(pair.a);
    await expect(page.getByTestId('osdp-pd-row')).toHaveCount(1);
    await shot('device-form-edit.png');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await row.getByRole('button', { name: /诊\s*断/ }).click();

    // The same screen in English, on the switch.
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Diagnostics: 东门读卡器' })).toBeVisible();
    await expect(page.getByText('Traffic monitor')).toBeVisible();
    await shot('diagnostics-english.png');
  } finally {
    bus.stop();
    await simPort.close();
    await pair.unplug();
  }
});

test('a supervisor adds an alarm rule, switches it off and removes it', async ({ consolePage: page }) => {
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  await page.getByRole('menuitem', { name: '报警' }).click();
  await page.getByRole('tab', { name: '报警规则' }).click();
  await expect(page.locator('.ant-table-row', { hasText: 'cid.11*' })).toBeVisible();

  await page.getByRole('button', { name: '新增规则' }).click();
  const form = dialog(page);
  await form.getByLabel('事件代码').fill('Modbus low!');
  await form.getByLabel('中文名称').fill('传感器低于下限');
  await form.getByLabel('英文名称').fill('Sensor below its low limit');
  await selectOption(page, form.getByLabel('故障级别'), 'III 级');
  await selectOption(page, form.getByLabel('归属系统'), '楼宇智能化控制系统');
  await expect(form.getByTitle('楼宇智能化控制系统')).toBeVisible();
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form.getByText('格式：小写字母、数字和点')).toBeVisible();
  await form.getByLabel('事件代码').fill('modbus.low');
  await shot('alarm-rule-form.png');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toBeHidden();

  const rule = page.locator('.ant-table-row', { hasText: 'modbus.low' });
  await expect(rule).toContainText('传感器低于下限');
  await expect(rule.locator('[data-level="III"]')).toBeVisible();
  await rule.getByRole('switch').click();
  await expect(rule.getByRole('switch')).not.toBeChecked();

  await rule.getByRole('button', { name: /删\s*除/ }).click();
  await page.locator('.ant-modal-confirm:visible').getByRole('button', { name: /删\s*除/ }).click();
  await expect(rule).toHaveCount(0);
});
