// The first-run welcome: shown when no account has a key and the library is empty, closed for
// good by any of its ways out, and its "Try the sandbox" leaves the person on Create, ready.
import type { Page } from '@playwright/test';
import { EMULATOR_KEYS, expect, test, type Studio } from './harness/studio';

function welcome(page: Page) {
  return page.getByRole('dialog', { name: 'Welcome to Easel' });
}

/** The page has asked for keys and the library: whatever the welcome decides, it has decided. */
async function settled(studio: Studio): Promise<void> {
  await expect.poll(() => studio.invocations.some((call) => call.channel === 'keys.status')).toBe(true);
  await studio.page.waitForTimeout(400);
}

test('a first run shows the welcome; it keeps focus, says what Easel does, and Escape closes it for good', async ({ studio }) => {
  await studio.open();
  const dialog = welcome(studio.page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('keys stay in your system’s keychain');
  await expect(dialog).toContainText('saved on this computer before the vendor deletes it');
  await expect(dialog.getByRole('button', { name: /Try the sandbox/ })).toBeFocused();

  // Focus stays inside.
  for (let i = 0; i < 5; i++) {
    await studio.page.keyboard.press('Tab');
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }
  await studio.page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);

  await studio.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // The keyboard lands in the prompt behind it, not on the page's body.
  await expect(studio.page.getByRole('textbox', { name: 'Prompt', exact: true })).toBeFocused();
  expect(await studio.page.evaluate(() => window.localStorage.getItem('easel.welcome.seen'))).toBe('1');

  await studio.page.reload();
  await settled(studio);
  await expect(welcome(studio.page)).toHaveCount(0);
});

test('"Try the sandbox" leads to Create with the sandbox chosen and an example prompt', async ({ studio }) => {
  await studio.open();
  await welcome(studio.page).getByRole('button', { name: /Try the sandbox/ }).click();
  await expect(welcome(studio.page)).toHaveCount(0);

  const main = studio.page.getByRole('main');
  await expect(main).toHaveAttribute('aria-label', 'create');
  await expect(studio.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Create' })).toHaveAttribute('aria-current', 'page');
  await expect(main.getByRole('textbox', { name: /^Prompt/ })).toHaveValue(/lighthouse/);
  await expect(main.getByRole('textbox', { name: /^Prompt/ })).toBeFocused();
  await expect(main.getByText('Sandbox Sketch').first()).toBeVisible();
});

test('"Add a key" goes to Settings, and the closed welcome does not come back', async ({ studio }) => {
  await studio.open();
  await welcome(studio.page).getByRole('button', { name: /Add a key/ }).click();
  await expect(studio.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(studio.page.getByLabel('revid API key')).toBeVisible();
  await expect(studio.page.getByLabel('revid API key')).toBeFocused();

  await studio.page.reload();
  await settled(studio);
  await expect(welcome(studio.page)).toHaveCount(0);
});

test('closing with its button remembers it too', async ({ studio }) => {
  await studio.open();
  await welcome(studio.page).getByRole('button', { name: 'Close' }).click();
  await expect(welcome(studio.page)).toHaveCount(0);
  await studio.page.reload();
  await settled(studio);
  await expect(welcome(studio.page)).toHaveCount(0);
});

test.describe('with a key', () => {
  test.use({ keys: { kvid: EMULATOR_KEYS.kvid } });

  test('no welcome when an account has a key', async ({ studio }) => {
    await studio.open();
    await settled(studio);
    await expect(welcome(studio.page)).toHaveCount(0);
  });
});

test('no welcome when the library already has pictures', async ({ studio }) => {
  const submitted = await studio.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'a meadow in spring' });
  if (!submitted.ok) throw new Error(submitted.error.message);
  await studio.waitForJob((submitted.value as { id: string }).id);
  await studio.open();
  await settled(studio);
  await expect.poll(() => studio.invocations.some((call) => call.channel === 'library.query')).toBe(true);
  await expect(welcome(studio.page)).toHaveCount(0);
});
