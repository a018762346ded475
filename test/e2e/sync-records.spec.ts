// Issue 15's defect goes upstream (问题记录规范 (4)): once the sync has filed it with the service center's Redmine, the
// defect page shows the ticket's number, and the sync page lists it among the tickets made, in zh and en.
import type { Page } from '@playwright/test';
import type { SyncSettingsInput } from '../../shared/contract';
import { defaultSyncMapping } from '../../shared/domain/sync/default-mapping';
import { type RedmineServer, startRedmine } from '../support/redmine-server';
import { callCore, goTo } from './core-call';
import { administrator, expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

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

/** A defect taken by the administrator from submission to "reported to the service center" (signed off with the password). */
async function reportDefect(page: Page): Promise<{ id: string; number: string }> {
  const defect = await callCore<{ id: string; number: string }>(page, 'defects.submit', { title: '门禁记录查询很慢', description: '查询一个月的刷卡记录要等两分钟', submitter: '物业 刘工', systemId: 'access-control' });
  const id = defect.id;
  await callCore(page, 'defects.act', { id, action: 'analyse', classification: 'technical', analysis: '数据库缺索引' });
  await callCore(page, 'defects.act', { id, action: 'propose', proposal: '为刷卡记录加索引' });
  await callCore(page, 'defects.signOff', { id, password: administrator.password, note: '同意' });
  await callCore(page, 'defects.act', { id, action: 'implement', implementation: '已加索引' });
  await callCore(page, 'defects.act', { id, action: 'confirm', method: '查询一个月记录 2 秒' });
  await callCore(page, 'defects.act', { id, action: 'report', note: '' });
  return defect;
}

test('a defect reported to the service center shows its upstream ticket number once the sync has filed it', async ({ consolePage: page }) => {
  await callCore(page, 'sync.saveSettings', settings());
  const { id, number } = await reportDefect(page);
  await goTo(page, `#/problems/defects/${id}`);
  await expect(page.getByTestId('defect-number')).toHaveText(number);

  const ticket = page.getByTestId('upstream-ticket');
  await expect(ticket).toHaveAttribute('data-state', 'created', { timeout: 60_000 });
  const issues = await redmine.rest<{ issues: { id: number }[] }>('GET', `/issues.json?status_id=*&cf_${redmine.template.fields.consoleId}=${encodeURIComponent(`defect:${id}`)}`);
  expect(issues.json.issues).toHaveLength(1);
  const ticketId = issues.json.issues[0]?.id;
  await expect(ticket).toContainText(`上游工单: #${ticketId}`);
  await expect(page.getByTestId('defect-upstream')).toHaveText('已同步到服务中心');
  await page.screenshot({ path: test.info().outputPath('defect-upstream-ticket-zh.png'), fullPage: true });

  // The service center's engineer answers on the ticket in Redmine: the note comes back onto the defect's page with
  // its author in words.
  const put = await redmine.rest('PUT', `/issues/${ticketId}.json`, { issue: { notes: '服务中心已收到,下周派人加索引' } }, redmine.template.engineerLogin);
  expect(put.status).toBe(204);
  const changes = page.getByTestId('upstream-changes');
  await expect(changes).toContainText('服务中心已收到,下周派人加索引', { timeout: 90_000 });
  await expect(changes).toContainText('服务中心备注');
  await expect(changes).toContainText(`服务中心 ${redmine.template.engineerName}`);
  await expect(changes).not.toContainText('upstream:');
  await page.screenshot({ path: test.info().outputPath('defect-upstream-note-zh.png'), fullPage: true });

  await goTo(page, '#/sync');
  const tickets = page.getByTestId('sync-tickets');
  await expect(tickets).toContainText(`系统缺陷 ${number}`);
  await expect(tickets).toContainText(`#${ticketId}`);
  await page.screenshot({ path: test.info().outputPath('sync-page-tickets-zh.png'), fullPage: true });

  await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
  await expect(tickets).toContainText(`System defect ${number}`);
  await tickets.getByRole('link', { name: number }).click();
  await expect(page.getByTestId('upstream-ticket')).toContainText(`Upstream ticket: #${ticketId}`);
  await expect(page.getByTestId('defect-upstream')).toHaveText('Sent to the service center');
  await expect(page.getByTestId('upstream-changes')).toContainText(`Service center note`);
  await expect(page.getByTestId('upstream-changes')).toContainText(`service center, ${redmine.template.engineerName}`);
  await page.screenshot({ path: test.info().outputPath('defect-upstream-ticket-en.png'), fullPage: true });
});

test('a finished maintenance record shows its upstream ticket number on the task page', async ({ consolePage: page }) => {
  await callCore(page, 'sync.saveSettings', settings());
  const panel = await callCore<{ id: string }>(page, 'assets.create', { name: '3 楼配线架', systemId: 'cabling-network', typeId: 'patch-panel' });
  const task = await callCore<{ id: string; number: string }>(page, 'maintenance.createTask', { kind: 'adhoc', title: '线缆年度检测', templateId: 'cable', deviceIds: [panel.id], dueOn: '2026-12-07' });
  for (const [itemId, value] of [['impedance', { reading: 101.5 }], ['loop-resistance', { reading: 20 }], ['continuity', { outcome: 'pass' }], ['run', { outcome: 'na' }]] as const) {
    await callCore(page, 'maintenance.saveResult', { taskId: task.id, deviceId: panel.id, itemId, value });
  }
  await goTo(page, `#/maintenance/tasks/${task.id}`);
  await expect(page.getByText(task.number)).toBeVisible();
  // An open task has no ticket: only the finished record goes up.
  await expect(page.getByTestId('upstream-ticket')).toHaveCount(0);
  await callCore(page, 'maintenance.finishTask', { id: task.id });
  const ticket = page.getByTestId('upstream-ticket');
  await expect(ticket).toHaveAttribute('data-state', 'created', { timeout: 60_000 });
  await expect(ticket).toContainText(/上游工单: #\d+/);
  await page.screenshot({ path: test.info().outputPath('maintenance-upstream-ticket-zh.png') });
});
