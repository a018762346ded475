// Picks an option of an antd Select the way a person does, again until the field shows it: under load a click can land
// while the list is still sliding open, on the option's neighbour (a CI trace saw 在用 saved instead of 故障).
// A searchable Select gets the option's words typed first: its list is virtual, so an option scrolled out of view
// (the list reopens where it was left) is not in the page to click until the search brings it up.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function selectOption(page: Page, field: Locator, option: string) {
  await expect(async () => {
    await field.click();
    const searchable = await field.evaluate((el) => el instanceof HTMLInputElement && !el.readOnly);
    if (searchable) await field.fill(option);
    // The option titled exactly so if there is one ("硬盘录像机", not "网络硬盘录像机"), else the one showing the words.
    const list = page.locator('.ant-select-dropdown:visible');
    const exact = list.locator('.ant-select-item-option').and(list.getByTitle(option, { exact: true }));
    const target = (await exact.count()) > 0 ? exact : list.locator('.ant-select-item-option', { hasText: option });
    await target.click({ timeout: 2_000 });
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0, { timeout: 1_000 });
    await expect(shownIn(field)).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** The whole Select around its input, where the chosen option's words are shown. */
const shownIn = (field: Locator): Locator => field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
