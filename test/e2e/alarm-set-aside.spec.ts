// An alarm the receiver was answered for but the database will not take as an alarm row (here: a trigger refuses it,
// as a future constraint or a bug might) is kept aside; every screen says so and leads to the audit entry.
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { createReceiverSimulator } from '../../electron/core/devices/contact-id/simulator';
import { openSerialBytePort } from '../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../support/virtual-serial-pair';
import { addDevice } from './device-form';
import { expect, test } from './fixtures';

const serial = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;

function refuseZone(dataDir: string, conditionKey: string): Promise<void> {
  const db = new sqlite3.Database(join(dataDir, 'duty-console.sqlite'));
  const trigger = `create trigger refuse_one before insert on alarm when new.condition_key = '${conditionKey}' begin select raise(abort, 'refused for the test'); end`;
  return new Promise((resolve, reject) => db.run(trigger, (err) => db.close(() => (err ? reject(err) : resolve()))));
}

test('an alarm that cannot be recorded is kept aside, and the banner says so on every screen', async ({ consolePage: page, dataDir }) => {
  test.setTimeout(120_000);
  const pair = await openVirtualSerialPair();
  const simPort = await openSerialBytePort(pair.b, serial);
  const receiver = createReceiverSimulator({ port: simPort });
  try {
    await addDevice(page, '地下车库接警机', '接警机', pair.a);
    await refuseZone(dataDir, 'cid:1234:130:01:007');
    // Both are ACKed: each was committed to the inbox. Zone 6 becomes an alarm; zone 7 cannot.
    expect(await receiver.sendEvent({ account: '1234', qualifier: 'E', code: 130, group: 1, zone: 6 })).toBe(1);
    expect(await receiver.sendEvent({ account: '1234', qualifier: 'E', code: 130, group: 1, zone: 7 })).toBe(1);

    const banner = page.getByTestId('alarm-banner');
    const note = banner.getByTestId('alarm-set-aside');
    await expect(note).toContainText('1 条报警已收到但未能入库', { timeout: 10_000 });
    await expect(banner.getByTestId('alarm-banner-row')).toHaveCount(1);
    await expect(banner.getByTestId('alarm-banner-row')).toContainText('防区 006');
    await page.getByRole('menuitem', { name: '值班日志' }).click();
    await expect(page).toHaveURL(/\/duty\/log/);
    await expect(note).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('banner-set-aside.png') });

    await note.getByRole('link').click();
    await expect(page).toHaveURL(/\/audit\?typePrefix=alarm\.setAside/);
    const entries = page.locator('.ant-table-row');
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText('报警未能入库（已另存）');
    await expect(entries.first()).toContainText('refused for the test');
    await page.screenshot({ path: test.info().outputPath('audit-set-aside.png') });
  } finally {
    receiver.close();
    await simPort.close();
    await pair.unplug();
  }
});
