// Issue 14's upstream: a finished maintenance record's PDF — the A4 record the customer signs, printed from the real
// record page by the headless host's Chromium with a one-time print token — is attached to its Redmine ticket once.
// The PDF is downloaded through Redmine's REST API, read with pdftotext and its first page rendered with pdftoppm.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { SyncSettingsInput } from '../../shared/contract';
import { defaultSyncMapping } from '../../shared/domain/sync/default-mapping';
import { type RedmineServer, startRedmine } from '../support/redmine-server';
import { callCore, goTo } from './core-call';
import { expect, setUpAdministrator, startHostProcess, stopProcess, test } from './fixtures';

test.describe.configure({ timeout: 240_000 });

let redmine: RedmineServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  redmine = await startRedmine();
});
test.afterAll(async () => {
  await redmine?.dispose();
});

function settings(): SyncSettingsInput {
  return {
    enabled: true,
    url: redmine.url,
    apiKey: redmine.apiKey,
    project: redmine.template.project,
    siteName: '一号机房',
    mapping: { ...defaultSyncMapping, customFields: { consoleId: 'Console ID', slaLevel: 'SLA level', site: 'Site' } },
  };
}

interface Attachment {
  id: number;
  filename: string;
  content_url: string;
}

test("a finished record's PDF, printed from the record page, is attached to its ticket once and reads as the signed record", async ({ consolePage: page }) => {
  await callCore(page, 'sync.saveSettings', settings());
  const panels = [];
  // Enough panels for a second page, where the header must stand again.
  const extra = Array.from({ length: 12 }, (_, i) => [`${i + 5} 楼配线架`, `PX-${String(i + 5).padStart(2, '0')}01`, `${i + 5}F`] as const);
  for (const [name, assetTag, floor] of [['3 楼配线架', 'PX-0301', '3F'] as const, ['4 楼配线架', 'PX-0402', '4F'] as const, ...extra]) {
    panels.push(await callCore<{ id: string }>(page, 'assets.create', { name, systemId: 'cabling-network', typeId: 'patch-panel', assetTag, building: 'A 栋', floor }));
  }
  const task = await callCore<{ id: string; number: string }>(page, 'maintenance.createTask', {
    kind: 'adhoc',
    title: '线缆年度检测',
    site: '会展中心',
    templateId: 'cable',
    deviceIds: panels.map((p) => p.id),
    engineer: '李工',
    dueOn: '2026-12-07',
  });
  for (const [n, panel] of panels.entries()) {
    const values = [['impedance', { reading: 101.5 }], ['loop-resistance', { reading: n === 0 ? 31 : 12, note: n === 0 ? '12 号线' : '' }], ['continuity', { outcome: 'pass' }], ['run', { outcome: 'na' }]] as const;
    for (const [itemId, value] of values) await callCore(page, 'maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId, value });
  }
  await callCore(page, 'maintenance.updateTask', { id: task.id, findings: '12 号线环路电阻超标', suggestions: '更换该段线缆' });
  await callCore(page, 'maintenance.finishTask', { id: task.id });

  const consoleId = `maintenance:${task.id}`;
  const ticketIds = async () =>
    (await redmine.rest<{ issues: { id: number }[] }>('GET', `/issues.json?status_id=*&cf_${redmine.template.fields.consoleId}=${encodeURIComponent(consoleId)}`)).json.issues.map((i) => i.id);
  await expect.poll(ticketIds, { timeout: 60_000 }).toHaveLength(1);
  const [ticketId] = await ticketIds();
  const pdfs = async () => (await redmine.rest<{ issue: { attachments: Attachment[] } }>('GET', `/issues/${ticketId}.json?include=attachments`)).json.issue.attachments.filter((a) => a.filename.endsWith('.pdf'));
  await expect.poll(async () => (await pdfs()).map((a) => a.filename), { timeout: 90_000 }).toEqual([`${task.number}-record.pdf`]);
  // The queue empties and stays so: the PDF went up once.
  await expect.poll(async () => (await callCore<{ waiting: number; parked: number }>(page, 'sync.status', {})).waiting, { timeout: 30_000 }).toBe(0);
  expect((await pdfs()).length).toBe(1);

  const [pdf] = await pdfs();
  const res = await fetch(pdf!.content_url, { headers: { 'x-redmine-api-key': redmine.apiKey } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const pdfPath = test.info().outputPath('record.pdf');
  writeFileSync(pdfPath, bytes);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const words of ['维保检查记录', '会展中心', task.number, '李工', 'PX-0301', 'PX-0402', '3 楼配线架', '4 楼配线架', '合格', '不合格', '不适用', '101.5', '12 号线环路电阻超标', '更换该段线缆', '维保工程师签字', '客户代表签字', '日期']) {
    expect(text, words).toContain(words);
  }
  // A4, more than one page, the header (title, site, number) repeated on every page, the signatures on the last.
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/);
  const pages = text.split('\f').filter((p) => p.trim());
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const p of pages) for (const words of ['维保检查记录', '会展中心', task.number]) expect(p, words).toContain(words);
  expect(pages.at(-1)).toContain('客户代表签字');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdfPath, test.info().outputPath('record-page')]);

  // The sync page shows nothing waiting, and no error about the PDF.
  await goTo(page, '#/sync');
  await expect(page.getByTestId('sync-tickets')).toContainText(task.number);
  await expect(page.getByText('PDF')).toHaveCount(0);
});

test('without a Chromium the record ticket goes up with its CSV and the sync page says why the PDF waits, in zh and en', async ({ page, dataDir }) => {
  const { url, child } = await startHostProcess(dataDir, { env: { DUTY_CONSOLE_CHROMIUM: '/nonexistent/chromium' } });
  try {
    await page.goto(url);
    await setUpAdministrator(page);
    await callCore(page, 'sync.saveSettings', settings());
    const panel = await callCore<{ id: string }>(page, 'assets.create', { name: '3 楼配线架', systemId: 'cabling-network', typeId: 'patch-panel', assetTag: 'PX-0301' });
    const task = await callCore<{ id: string; number: string }>(page, 'maintenance.createTask', { kind: 'adhoc', title: '线缆年度检测', site: '会展中心', templateId: 'cable', deviceIds: [panel.id], dueOn: '2026-12-07' });
    for (const [itemId, value] of [['impedance', { reading: 101.5 }], ['loop-resistance', { reading: 20 }], ['continuity', { outcome: 'pass' }], ['run', { outcome: 'na' }]] as const) {
      await callCore(page, 'maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId, value });
    }
    await callCore(page, 'maintenance.finishTask', { id: task.id });
    await goTo(page, '#/sync');
    await expect(page.getByTestId('sync-tickets')).toContainText(task.number, { timeout: 60_000 });
    await expect(page.getByText('无法生成维保记录的 PDF:本机没有可用的渲染器(无头主机需要 Chromium)。', { exact: false })).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('sync-page-record-pdf-waiting-zh.png'), fullPage: true });
    await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
    await expect(page.getByText('no renderer on this machine (the headless host needs Chromium)', { exact: false })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('sync-page-record-pdf-waiting-en.png'), fullPage: true });
  } finally {
    await stopProcess(child);
  }
});
