// The escalation's own chime (issue 15): a new escalation plays the rising three-note sine chime on the supervisor's
// screen, distinct from the alarms' square beeps; what was waiting when the page opened is not news; muted, it is
// silent. The page's WebAudio oscillators are observed as they start.
import type { Page } from '@playwright/test';
import { callCore, goTo } from './core-call';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

type Tone = { type: string; frequency: number };

/** Records every oscillator the page starts (its wave and pitch), on the page's own OscillatorNode. */
async function listenForTones(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { tonesHeard: Tone[] };
    w.tonesHeard = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
      w.tonesHeard.push({ type: this.type, frequency: Math.round(this.frequency.value) });
      return start.call(this, when);
    };
  });
}

const tonesHeard = (page: Page) => page.evaluate(() => (window as unknown as { tonesHeard: Tone[] }).tonesHeard);
const chime: Tone[] = [523, 659, 784].map((frequency) => ({ type: 'sine', frequency }));

test('a new escalation chimes on the supervisor’s screen (its own sine chime, not an alarm beep), and not when muted', async ({ consolePage: page }) => {
  const report = async (description: string) =>
    (await callCore<{ incident: { id: string } }>(page, 'incidents.report', { systemId: 'cctv', description, reporter: '王保安', level: 'III' })).incident;
  const waiting = await report('录像机无法启动');
  await callCore(page, 'escalations.raise', { incidentId: waiting.id, tried: '重启两次' });
  await goTo(page, '#/problems');
  const queue = page.getByTestId('escalation-queue');
  await expect(queue).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await listenForTones(page);
  // Already waiting when the screen showed it: no chime for that one.
  await page.waitForTimeout(1_500);
  expect(await tonesHeard(page)).toEqual([]);

  const fresh = await report('门禁控制器离线');
  await callCore(page, 'escalations.raise', { incidentId: fresh.id, tried: '现场无法恢复通信' });
  await expect(queue).toHaveAttribute('data-count', '2');
  await expect.poll(() => tonesHeard(page)).toEqual(chime);

  // Muted (the console's mute), the next escalation is counted but not heard.
  await page.getByRole('button', { name: '静音' }).click();
  await expect(page.getByRole('button', { name: '恢复提示音' })).toBeVisible();
  const quiet = await report('广播主机无声');
  await callCore(page, 'escalations.raise', { incidentId: quiet.id, tried: '更换功放无效' });
  await expect(queue).toHaveAttribute('data-count', '3');
  await page.waitForTimeout(2_000);
  expect(await tonesHeard(page)).toEqual(chime);
});
