// Operators and login through the real UI: first run, a wrong password, a duty guard's account and what they see.
import { administrator, expect, logIn, setUpAdministrator, test } from './fixtures';

test.use({ signedIn: false });
// Every login runs scrypt in the core: allow for a busy machine.
test.beforeEach(() => test.slow());

test('first run creates the administrator, who sees operators and settings in the navigation', async ({ consolePage: page }) => {
  await expect(page.getByText('首次使用：创建管理员')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('setup-zh.png') });
  await setUpAdministrator(page);
  await expect(page.getByTestId('current-operator')).toContainText('管理员');
  await expect(page.getByRole('menuitem', { name: '操作员' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
});

test('a wrong password shows an error; the administrator creates a duty guard, who logs in without 操作员 in the navigation', async ({
  consolePage: page,
}) => {
  await setUpAdministrator(page);
  await page.getByRole('button', { name: /退出登录/ }).click();

  await logIn(page, administrator.name, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('登录名或密码错误', { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('login-error-zh.png') });

  await page.getByLabel('密码', { exact: true }).fill(administrator.password);
  await page.getByRole('button', { name: /登\s*录$/ }).click();
  await expect(page.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });

  await page.getByRole('menuitem', { name: '操作员' }).click();
  await page.getByRole('button', { name: '新增操作员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('登录名').fill('guard1');
  await dialog.getByLabel('姓名').fill('张值班');
  await dialog.getByLabel('密码').fill('guard-pass-1');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name: 'guard1', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /guard1/ })).toContainText('值班员');

  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, 'guard1', 'guard-pass-1');
  await expect(page.getByTestId('current-operator')).toContainText('张值班', { timeout: 30_000 });
  await expect(page.getByTestId('current-operator')).toContainText('值班员');
  await expect(page.getByRole('menuitem', { name: '设备档案' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '操作员' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '设置' })).toHaveCount(0);
});

test('five wrong passwords lock the account, and the screen says for how long', async ({ consolePage: page }) => {
  await setUpAdministrator(page);
  await page.getByRole('button', { name: /退出登录/ }).click();
  for (let i = 0; i < 5; i += 1) {
    await logIn(page, administrator.name, `wrong-${i}`);
    // The same words for a wrong password as for an unknown name: how many tries are left is not told.
    await expect(page.getByRole('alert')).toContainText(i < 4 ? '登录名或密码错误。连续错 5 次将锁定 5 分钟。' : '账户已锁定', { timeout: 30_000 });
  }
  await expect(page.getByRole('alert')).toContainText('账户已锁定，请 5 分钟后再试');
});

test('the login screen and the settings page read in English too', async ({ consolePage: page }) => {
  await setUpAdministrator(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('5x8 值班热线').fill('400-800-1234');
  await page.getByLabel('7x24 移动热线').fill('138-0000-1111');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expect(page.getByText(/现在应拨打：(值班热线（5x8） 400-800-1234（工作时间）|移动热线（7x24） 138-0000-1111（非工作时间）)/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings-zh.png') });

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings-en.png') });
  await page.getByRole('button', { name: /Log out/ }).click();
  await expect(page.getByRole('heading', { name: 'Duty login' })).toBeVisible();
  await expect(page.getByText(/Emergency contact: /)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('login-en.png') });
});

test('an operator changes their own password: the wrong current one is refused, the new one logs in', async ({ consolePage: page }) => {
  await setUpAdministrator(page);
  await page.getByRole('button', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改我的密码' });
  await dialog.getByLabel('当前密码').fill('not-my-password');
  await dialog.getByLabel('新密码', { exact: true }).fill('night-shift-77');
  await dialog.getByLabel('再次输入新密码').fill('night-shift-78');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(dialog.getByText('两次输入的新密码不一致')).toBeVisible();
  await dialog.getByLabel('再次输入新密码').fill('night-shift-77');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(dialog.getByText('当前密码不正确。')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('change-password-zh.png') });

  await dialog.getByLabel('当前密码').fill(administrator.password);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码已修改，下次登录请使用新密码')).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, administrator.name, administrator.password);
  // The old password no longer opens the console (the "password changed" toast may still be showing beside it).
  await expect(page.getByRole('alert').filter({ hasText: '登录名或密码错误' })).toBeVisible({ timeout: 30_000 });
  await logIn(page, administrator.name, 'night-shift-77');
  await expect(page.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });
});

test('a second page of the same sign-in returns to the login screen at once when the first logs out', async ({ consolePage: page }) => {
  await setUpAdministrator(page);
  // Same browser, same sign-in: the second tab's connection carries the first one's session cookie.
  const second = await page.context().newPage();
  await second.goto(page.url());
  await expect(second.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });

  await page.getByRole('button', { name: /退出登录/ }).click();
  await expect(second.getByText('已在另一个窗口退出登录。')).toBeVisible();
  await expect(second.getByRole('button', { name: /登\s*录$/ })).toBeVisible();
  await expect(second.getByTestId('current-operator')).toHaveCount(0);
  await second.screenshot({ path: test.info().outputPath('ended-by-logout-zh.png') });
  await second.close();
});

test('another sign-in of an operator returns to the login screen at once when they change their password', async ({ consolePage: page, browser }) => {
  await setUpAdministrator(page);
  // Another browser: another sign-in of the same operator.
  const elsewhere = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const other = await elsewhere.newPage();
  await other.goto(page.url());
  await logIn(other, administrator.name, administrator.password);
  await expect(other.getByTestId('current-operator')).toContainText(administrator.displayName, { timeout: 30_000 });

  await page.getByRole('button', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改我的密码' });
  await dialog.getByLabel('当前密码').fill(administrator.password);
  await dialog.getByLabel('新密码', { exact: true }).fill('night-shift-77');
  await dialog.getByLabel('再次输入新密码').fill('night-shift-77');
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码已修改，下次登录请使用新密码')).toBeVisible({ timeout: 30_000 });

  await expect(other.getByText('密码已被修改，请用新密码重新登录。')).toBeVisible();
  await expect(other.getByTestId('current-operator')).toHaveCount(0);
  await other.screenshot({ path: test.info().outputPath('ended-by-password-change-zh.png') });
  // The page that changed it stays signed in.
  await expect(page.getByTestId('current-operator')).toContainText(administrator.displayName);
  await elsewhere.close();
});
