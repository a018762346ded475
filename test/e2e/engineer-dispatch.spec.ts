// Engineers and dispatch (issue 15, 紧急救援): the administrator grades an engineer; a level-I incident dispatches a
// five-star one, and the arrival is recorded beside the SLA clocks.
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

test('a five-star engineer is graded, dispatched to a level-I incident and arrives, shown beside the SLA clocks', async ({ consolePage: page }) => {
  const shots = (name: string) => test.info().outputPath(name);
  await callCore(page, 'operators.create', { name: 'zhang', displayName: '张工', role: 'engineer', password: 'zhang-pass-1' });
  await goTo(page, '#/operators');
  const grades = page.getByTestId('engineer-grades');
  await expect(grades).toContainText('张工', { timeout: 30_000 });
  await grades.getByLabel('zhang-grade').click();
  await page.getByTitle('五星级').click();
  await expect.poll(async () => (await callCore<{ name: string; grade: string | null }[]>(page, 'engineers.list', {})).find((e) => e.name === 'zhang')?.grade).toBe('five_star');

  const { incident } = await callCore<{ incident: { id: string } }>(page, 'incidents.report', { systemId: 'cctv', description: '中心机房全部黑屏', reporter: '王保安', level: 'I' });
  await goTo(page, `#/incidents/${incident.id}`);
  const panel = page.getByTestId('dispatch-panel');
  await expect(panel).toContainText('I 级故障需派遣五星级服务专家', { timeout: 30_000 });
  await panel.getByLabel('工程师').click();
  await page.getByTitle('张工 · 五星级').click();
  await panel.getByRole('button', { name: /派\s?遣/ }).click();
  await expect(panel.getByTestId('dispatch-row')).toContainText('张工');
  await panel.getByRole('button', { name: '已到达' }).click();
  await expect(panel.getByTestId('dispatch-row')).toContainText('到达');
  await page.screenshot({ path: shots('dispatch-zh.png') });
  await page.getByText('English').click();
  await expect(panel).toContainText('Arrived');
  await page.screenshot({ path: shots('dispatch-en.png') });
});
