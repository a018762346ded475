// Backups from Settings, and the restore from the damaged-database screen: the data is back after the restart.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callCore, goTo } from './core-call';
import { administrator, expect, logIn, setUpAdministrator, startHostProcess, stopProcess, test } from './fixtures';

/** Scribbles over pages in the middle of the stopped console's file, as a failing disk would. */
function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(4096 * 2, 0x5a);
  writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

test('a backup made from Settings restores from the damaged-database screen, and the data is back', async ({ page, dataDir }) => {
  test.setTimeout(180_000);
  const backups = mkdtempSync(join(tmpdir(), 'duty-console-e2e-backups-'));
  let host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    await setUpAdministrator(page);
    for (let i = 1; i <= 40; i += 1) await callCore(page, 'assets.create', { name: `备份测试摄像机 ${i}`, systemId: 'cctv', notes: '东区走廊'.repeat(30) });

    await goTo(page, '/settings');
    await expect(page.getByRole('button', { name: '管理备份' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('settings-page.png'), animations: 'disabled' });
    await page.getByRole('button', { name: '管理备份' }).click();
    await page.getByLabel('备份文件夹（U 盘或网络共享的完整路径）').fill(backups);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('备份设置已保存')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(/备份完成：duty-console-/)).toBeVisible({ timeout: 30_000 });
    // In the backups table and in the runs below it.
    await expect(page.getByRole('cell', { name: /^duty-console-\d{8}-\d{6}$/ })).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('backups-page.png'), fullPage: true, animations: 'disabled' });
  } finally {
    await stopProcess(host.child);
  }

  damage(join(dataDir, 'duty-console.sqlite'));
  host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('startup-error')).toBeVisible({ timeout: 30_000 });
    const backup = page.getByRole('radio', { name: /duty-console-\d{8}-\d{6}/ });
    await expect(backup).toBeVisible();
    await backup.check();
    // A wrong password is refused, nothing restored.
    await page.getByLabel('管理员登录名').fill(administrator.name);
    await page.getByLabel('管理员密码').fill('not-the-password');
    await page.getByRole('button', { name: '恢复所选备份' }).click();
    await expect(page.getByText('该备份中没有此管理员，或密码不正确。')).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('restore-from-error-screen.png'), fullPage: true, animations: 'disabled' });
    await page.getByLabel('管理员密码').fill(administrator.password);
    await page.getByRole('button', { name: '恢复所选备份' }).click();
    await expect(page.getByTestId('restore-restarting')).toBeVisible({ timeout: 30_000 });
    // The console restarts on the restored file and the page reloads by itself onto the login screen.
    await expect(page.getByRole('button', { name: /登\s*录$/ })).toBeVisible({ timeout: 60_000 });
    await logIn(page, administrator.name, administrator.password);
    await expect(page.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });
    const found = await callCore<{ items: { name: string }[] }>(page, 'assets.search', { q: '备份测试摄像机 40' });
    expect(found.items.map((d) => d.name)).toContain('备份测试摄像机 40');
    const restored = await callCore<{ type: string }[]>(page, 'journal.list', { typePrefix: 'backup.restored' });
    expect(restored).toHaveLength(1);
  } finally {
    await stopProcess(host.child);
    rmSync(backups, { recursive: true, force: true });
  }
});
