// The device-link form in the e2e tests: add a device link the way an engineer does, and find the open dialog.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { selectOption } from './select-option';

/** The dialog now open (antd keeps closed ones in the page, hidden). */
export function dialog(page: Page) {
  return page.locator('.ant-modal-wrap:visible .ant-modal');
}

/** Adds a device link through the form; `beforeSave` may fill the driver's own fields or take a screenshot. */
export async function addDevice(page: Page, name: string, driver: string, path: string, beforeSave?: () => Promise<void>) {
  await page.getByRole('menuitem', { name: '通信链路' }).click();
  await page.getByRole('button', { name: '新增链路' }).click();
  await page.getByLabel('名称').fill(name);
  await selectOption(page, page.getByLabel('设备类型'), driver);
  await page.getByLabel('串口路径').fill(path);
  if (beforeSave) await beforeSave();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('链路已添加，正在连接')).toBeVisible();
  const row = page.locator('.ant-table-row', { hasText: name });
  await expect(row.locator('[data-link-state="connected"]')).toBeVisible({ timeout: 20_000 });
  return row;
}
