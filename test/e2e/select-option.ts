// Picks an option of an antd Select the way a person does, again if the click landed while the list was still opening.
// A searchable Select gets the option's words typed first: its list is virtual, so an option scrolled out of view
// (the list reopens where it was left) is not in the page to click until the search brings it up.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export async function selectOption(page: Page, field: Locator, option: string) {
  await expect(async () => {
    await field.click();
    const searchable = await field.evaluate((el) => el instanceof HTMLInputElement && !el.readOnly);
    if (searchable) await field.fill(option);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click({ timeout: 2_000 });
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}
