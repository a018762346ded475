import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { tamper } from '../support/tamper-database';
import { administrator, expect, logIn, setUpAdministrator, startHostProcess, stopProcess, test } from './fixtures';
import { selectOption } from './select-option';

// Each test walks several screens; a loaded CI machine needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

/** Changes a journal row behind the console's back, as someone with the sqlite3 CLI would; returns its seq. */
async function tamperWithJournal(dataDir: string, type: string): Promise<number> {
  const db = new sqlite3.Database(join(dataDir, 'duty-console.sqlite'));
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  const get = (sql: string, params: unknown[] = []) =>
    new Promise<{ seq: number }>((resolve, reject) => db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as { seq: number }))));
  try {
    await run('pragma busy_timeout = 5000');
    const { seq } = await get('select seq from journal where type = ? order by seq limit 1', [type]);
    await run('drop trigger journal_no_update');
    await run(`update journal set payload = '{"kind":"patrol","text":"已改"}' where seq = ?`, [seq]);
    return seq;
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

test('the chain check is green after changes made in the console, and names a row altered outside it', async ({ consolePage: page, dataDir }) => {
  await page.getByRole('menuitem', { name: '值班日志' }).click();
  for (const [kind, text] of [
    ['巡查', '巡查中心机房，温度 22℃'],
    ['来电', '物业来电：3 楼摄像机无画面'],
  ] as const) {
    await page.getByRole('button', { name: kind }).click();
    await page.getByLabel('内容').fill(text);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByRole('cell', { name: text })).toBeVisible();
  }

  await page.getByRole('menuitem', { name: '审计' }).click();
  await expect(page.getByRole('cell', { name: '值班记录' }).first()).toBeVisible();
  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByTestId('chain-result')).toContainText(/完整：已校验 \d+ 条/);
  await page.screenshot({ path: test.info().outputPath('audit-intact.png'), fullPage: true });

  const seq = await tamperWithJournal(dataDir, 'duty.entry_added');
  await page.getByRole('button', { name: '校验日志链' }).click();
  const result = page.getByTestId('chain-result');
  await expect(result).toContainText(`日志链断开：第 ${seq} 条`);
  await expect(result).toContainText('值班记录');
  await expect(result).toContainText('内容被改动过，或日志链在没有密钥的情况下被重算');

  await page.getByRole('button', { name: '定位到该条' }).click();
  const row = page.locator(`tr[data-row-key="${seq}"]`);
  await expect(row).toBeInViewport();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toContainText('已改');
  await page.screenshot({ path: test.info().outputPath('audit-broken.png'), fullPage: true });
});

test('filters the journal by object, operator and event type', async ({ consolePage: page }) => {
  await page.getByRole('menuitem', { name: '值班日志' }).click();
  await page.getByRole('button', { name: '备注' }).click();
  await page.getByLabel('内容').fill('UPS 告警已复位');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name: 'UPS 告警已复位' })).toBeVisible();

  await page.getByRole('menuitem', { name: '审计' }).click();
  await page.getByLabel('事件类型').fill('duty.');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByLabel('事件类型').fill('incident.');
  await expect(page.getByText('没有符合条件的日志。')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  // Cleared for real: a filter left in its field came back with the next change.
  await expect(page.getByLabel('事件类型')).toHaveValue('');
  // Every entry reads in words: the sign-in as 登录 under 操作员.
  await expect(page.locator('tbody tr.ant-table-row', { hasText: '登录' }).first()).toContainText('操作员');
  await selectOption(page, page.getByLabel('对象类型'), '值班');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.locator('tbody tr.ant-table-row')).toContainText('值班记录');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('操作人').fill('nobody-at-all');
  await expect(page.getByText('没有符合条件的日志。')).toBeVisible();
});

test('a journal cut while the console was stopped shows a red note on every page after the next start, and the console works on', async ({ page, dataDir }) => {
  let host = await startHostProcess(dataDir);
  await page.goto(host.url);
  await setUpAdministrator(page);
  await page.getByRole('menuitem', { name: '值班日志' }).click();
  await page.getByRole('button', { name: '巡查' }).click();
  await page.getByLabel('内容').fill('巡查中心机房');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name: '巡查中心机房' })).toBeVisible();
  // A clean stop writes the journal's head outside the database; then the last entries go, counter and all.
  await stopProcess(host.child);
  await tamper(dataDir, "drop trigger journal_no_delete; delete from journal where seq > 1; update sqlite_sequence set seq = 1 where name = 'journal';");

  host = await startHostProcess(dataDir);
  try {
    await page.goto(host.url);
    await logIn(page, administrator.name, administrator.password);
    const note = page.getByRole('alert').filter({ hasText: '审计日志异常' });
    await expect(note).toBeVisible({ timeout: 30_000 });
    await expect(note).toContainText('日志被截断');
    await page.screenshot({ path: test.info().outputPath('journal-cut-banner.png'), animations: 'disabled' });
    // The guard can still report: the duty log takes a new entry under the note.
    await page.getByRole('menuitem', { name: '值班日志' }).click();
    await page.getByRole('button', { name: '巡查' }).click();
    await page.getByLabel('内容').fill('第二次巡查');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByRole('cell', { name: '第二次巡查' })).toBeVisible();
    await page.getByRole('menuitem', { name: '审计' }).click();
    await expect(note).toBeVisible();
  } finally {
    await stopProcess(host.child);
  }
});
