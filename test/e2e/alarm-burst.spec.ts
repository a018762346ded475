// A receiver empties a buffer of 2,000 events at once: every one is shown, the page answers clicks meanwhile, and the
// fire alarm that came last heads the banner. The long tasks the page ran while the burst arrived are printed.
import { createReceiverSimulator } from '../../electron/core/devices/contact-id/simulator';
import type { ContactIdEventInput } from '../../electron/core/devices/contact-id/encoder';
import { openSerialBytePort } from '../../electron/core/devices/port/serial-byte-port';
import { openVirtualSerialPair } from '../support/virtual-serial-pair';
import { addDevice } from './device-form';
import { expect, test } from './fixtures';

const serial = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;
const burstSize = 2000;

test('a burst of 2,000 receiver events: all shown, the page answers clicks meanwhile, the fire alarm heads the banner', async ({ consolePage: page }) => {
  test.setTimeout(180_000);
  const pair = await openVirtualSerialPair();
  const simPort = await openSerialBytePort(pair.b, serial);
  const receiver = createReceiverSimulator({ port: simPort, ackTimeoutMs: 30_000 });
  try {
    await addDevice(page, '地下车库接警机', '接警机', pair.a);
    const banner = page.getByTestId('alarm-banner');
    await page.evaluate(() => {
      const tasks: number[] = [];
      Object.assign(window, { longTasks: tasks });
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask' });
    });

    // Zone bypass reports (no rule opens incidents for them), each a condition of its own, then a fire.
    const events: ContactIdEventInput[] = Array.from({ length: burstSize - 1 }, (_, i) => ({
      account: String(3000 + Math.floor(i / 999)),
      qualifier: 'E',
      code: 570,
      group: 1,
      zone: (i % 999) + 1,
    }));
    events.push({ account: '3999', qualifier: 'E', code: 110, group: 1, zone: 7 });
    const started = Date.now();
    const sending = receiver.burst(events, 'pipelined');

    // The guard moves around while it pours in.
    await page.getByRole('menuitem', { name: '值班日志' }).click();
    await expect(page.getByRole('heading', { name: '值班日志' })).toBeVisible();
    await page.getByRole('menuitem', { name: '报警' }).click();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();

    expect(await sending).toMatchObject({ delivered: burstSize, retransmissions: 0 });
    const answeredMs = Date.now() - started;
    await expect(banner).toHaveAttribute('data-unacknowledged', String(burstSize), { timeout: 30_000 });
    const shownMs = Date.now() - started;
    const firstRow = banner.getByTestId('alarm-banner-row').first();
    await expect(firstRow).toHaveAttribute('data-severity', 'critical');
    await expect(firstRow).toContainText('火警');
    await expect(banner).toHaveAttribute('data-alarm-tone', 'urgent');
    // Three rows in full; the rest counted, at least as many as wait to be acknowledged (the list read holds 200).
    await expect(banner.getByText('2000 条待确认')).toBeVisible();
    await expect(banner.getByText('另有至少 1997 条报警')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('burst-banner.png'), fullPage: true });

    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const longest = Math.max(0, ...longTasks);
    const blocked = longTasks.reduce((sum, ms) => sum + ms, 0);
    console.info(
      `[alarm-burst] ${burstSize} events ACKed in ${answeredMs} ms, all shown in ${shownMs} ms; page long tasks: ${longTasks.length}, longest ${Math.round(longest)} ms, ${Math.round(blocked)} ms in all`,
    );
  } finally {
    receiver.close();
    await simPort.close();
    await pair.unplug();
  }
});
