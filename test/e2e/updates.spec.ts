// Updates from a USB folder: checked and verified on the administrator's page; while an alarm is unacknowledged the
// update waits, and every page says what it waits for.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

test('a verified update from a USB folder waits while an alarm is unacknowledged, and says so on every page', async ({ consolePage: page }) => {
  const stick = mkdtempSync(join(tmpdir(), 'duty-console-e2e-stick-'));
  try {
    const installer = randomBytes(50_000);
    const sha512 = createHash('sha512').update(installer).digest('base64');
    writeFileSync(join(stick, 'Duty-Console-9.0.0.AppImage'), installer);
    writeFileSync(
      join(stick, 'latest-linux.yml'),
      `version: 9.0.0\nfiles:\n  - url: Duty-Console-9.0.0.AppImage\n    sha512: ${sha512}\n    size: ${installer.length}\npath: Duty-Console-9.0.0.AppImage\nsha512: ${sha512}\n`,
    );
    await goTo(page, '/settings/updates');
    await page.getByRole('radio', { name: 'U 盘或本机文件夹（含 latest.yml 与安装包）' }).check();
    await page.getByLabel('文件夹完整路径').fill(stick);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('更新来源已保存')).toBeVisible();
    await page.getByRole('button', { name: '检查更新' }).click();
    await expect(page.getByTestId('update-state')).toHaveText('新版本 9.0.0 已下载并通过 SHA-512 校验。');

    // An alarm nobody acknowledged yet: the console's own backup alarm (the backup folder is not there).
    await callCore(page, 'backups.saveSettings', { enabled: true, folder: join(stick, 'no-such-folder'), hour: 2, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    await callCore(page, 'backups.run', {}).catch(() => undefined);
    await goTo(page, '/dashboard');
    await expect(page.getByTestId('update-waiting').first()).toContainText('更新 9.0.0 已就绪，等待安装：1 条报警被确认', { timeout: 40_000 });
    await goTo(page, '/settings/updates');
    await page.getByRole('button', { name: '安装更新并重启' }).click();
    await expect(page.getByText('更新 9.0.0 暂不安装：还有 0 个 I 级故障未处理完、1 条报警未确认。')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('updates-page.png'), fullPage: true, animations: 'disabled' });
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});
