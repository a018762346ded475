// Escalation (issue 15): an engineer cannot resolve an incident on site; the supervisor's queue, on every screen,
// receives it and the supervisor acknowledges it with what will be done.
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

test('an incident that cannot be resolved on site reaches the supervisor’s queue and is acknowledged with what will be done', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  const { incident } = await callCore<{ incident: { id: string; number: string } }>(page, 'incidents.report', {
    systemId: 'cctv',
    description: '录像机无法启动',
    reporter: '王保安',
    level: 'II',
  });
  await goTo(page, `#/incidents/${incident.id}`);
  const queue = page.getByTestId('escalation-queue');
  await expect(queue).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await page.getByRole('button', { name: '现场无法解决' }).click();
  await page.getByLabel('已经尝试了什么').fill('重启两次，更换电源，仍不启动');
  await page.getByRole('dialog').getByRole('button', { name: /升\s?级/ }).click();
  await expect(page.getByTestId('incident-escalations')).toContainText('已尝试：重启两次，更换电源，仍不启动');

  // The queue is on every screen: here from the problem records page.
  await goTo(page, '#/problems');
  await expect(queue).toHaveAttribute('data-count', '1');
  await queue.click();
  const card = page.getByTestId('escalation-card');
  await expect(card).toContainText(incident.number);
  await expect(card).toContainText('现场无法解决');
  await page.screenshot({ path: shots('escalation-queue-zh.png') });
  await card.getByLabel('将采取的措施').fill('联系厂家，明早带备机到场');
  await card.getByRole('button', { name: '确认升级' }).click();
  await expect(page.getByTestId('escalation-drawer')).toContainText('没有待处理的升级。');
  await expect(queue).toHaveAttribute('data-count', '0');

  const journal = await callCore<{ type: string; operator: string }[]>(page, 'journal.list', { entityType: 'incident', entityId: incident.id, typePrefix: 'escalation.' });
  expect(journal.map((e) => [e.type, e.operator]).sort()).toEqual([['escalation.acknowledged', 'admin'], ['escalation.raised', 'admin']]);
  await page.keyboard.press('Escape');
  await goTo(page, `#/incidents/${incident.id}`);
  await expect(page.getByTestId('incident-escalations')).toContainText('已确认：联系厂家，明早带备机到场');

  await page.getByText('English').click();
  await expect(page.getByTestId('incident-escalations')).toContainText('Acknowledged: 联系厂家');
  await page.screenshot({ path: shots('incident-escalated-en.png'), fullPage: true });
});
