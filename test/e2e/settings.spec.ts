// Settings, driven as a person would: keys set, replaced, tested against the revid emulator and
// removed, with the key itself never coming back to the page; a provider address changed (and a
// bad one refused inline); theme and notifications saved at once.
import type { Page } from '@playwright/test';
import type { SettingsView } from '../../shared/contract-settings';
import { EMULATOR_KEYS, expect, test, type Studio } from './harness/studio';

/** Distinct from anything the page could show by itself, so finding it anywhere is a leak. */
const SECRET = 'sk_e2e_Secret_7Qz4Kd9w';
const WRONG = 'sk_e2e_wrong_key_0000';

test.use({ emulators: ['revid'], emulatorOptions: { revid: { apiKeys: [SECRET, EMULATOR_KEYS.revid] } } });

async function openSettings(studio: Studio): Promise<Page> {
  // The first-run welcome is welcome.spec.ts's subject; here it would only be in the way.
  await studio.page.addInitScript(() => window.localStorage.setItem('easel.welcome.seen', '1'));
  await studio.open();
  await studio.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(studio.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  return studio.page;
}

function keyRow(page: Page, account: string) {
  return page.getByRole('listitem', { name: `${account} key` });
}

async function settingsView(studio: Studio): Promise<SettingsView> {
  const answer = await studio.call('settings.get');
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as SettingsView;
}

/** The key must be nowhere the page can reach: not in the DOM, not in any answer it received. */
async function expectNoLeak(studio: Studio, ...secrets: string[]): Promise<void> {
  const html = await studio.page.content();
  const fieldValues = await studio.page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  for (const secret of secrets) {
    expect(html).not.toContain(secret);
    expect(fieldValues.join('\n')).not.toContain(secret);
    for (const call of studio.invocations) expect(JSON.stringify(call.output), `${call.channel} answered with the key`).not.toContain(secret);
  }
}

test('a key is set, tested, replaced and removed, and never comes back to the page', async ({ studio }) => {
  const page = await openSettings(studio);
  const revid = keyRow(page, 'revid');
  await expect(revid.getByText('No key')).toBeVisible();
  // The shared account says so.
  await expect(revid).toContainText('One key for all three revid APIs');
  await expect(revid.getByRole('button', { name: /test/i })).toHaveCount(0);

  const field = revid.getByLabel('revid API key');
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill(`  ${SECRET}\n`.trim());
  await revid.getByRole('button', { name: 'Save key' }).click();

  await expect(revid.getByText(`Saved, ends in …${SECRET.slice(-4)}`)).toBeVisible();
  await expect(revid.getByRole('status').getByText('Saved')).toBeVisible();
  await expect(revid.getByLabel('New revid API key')).toHaveValue('');
  expect(await studio.keys.get('revid')).toBe(SECRET);
  await expectNoLeak(studio, SECRET);

  // Elsewhere and back: the page still knows only the last four characters.
  await page.getByRole('button', { name: 'Create' }).first().click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(keyRow(page, 'revid').getByText(`ends in …${SECRET.slice(-4)}`)).toBeVisible();
  await expectNoLeak(studio, SECRET);

  // Test against the emulator: accepted.
  await revid.getByRole('button', { name: 'Test the revid key' }).click();
  await expect(revid.getByText('The key works')).toBeVisible();
  await expect(revid).toContainText('accepted the key');
  expect(studio.emulator('revid').requests().length).toBeGreaterThan(0);

  // Replace it with a key the emulator refuses; the test says so in plain words.
  await revid.getByLabel('New revid API key').fill(WRONG);
  await revid.getByRole('button', { name: 'Replace key' }).click();
  await expect(revid.getByText('Saved, ends in …0000')).toBeVisible();
  expect(await studio.keys.get('revid')).toBe(WRONG);
  await revid.getByRole('button', { name: 'Test the revid key' }).click();
  await expect(revid.getByText('The key was refused')).toBeVisible();
  await expect(revid).toContainText('Check that it was copied whole');
  // The badge agrees: not a green "Saved" beside a refusal.
  await expect(revid.getByText('Refused, ends in …0000')).toBeVisible();
  await expect(revid.getByText('Saved, ends in …0000')).toHaveCount(0);

  // A paste accident is refused inline, before anything is sent.
  const callsBefore = studio.invocations.length;
  await revid.getByLabel('New revid API key').fill('has a space in it');
  await revid.getByRole('button', { name: 'Replace key' }).click();
  await expect(revid.getByText('A key has no spaces')).toBeVisible();
  expect(studio.invocations.slice(callsBefore).map((call) => call.channel)).not.toContain('keys.set');
  expect(await studio.keys.get('revid')).toBe(WRONG);
  await revid.getByLabel('New revid API key').fill('');

  // Remove, after an inline confirmation.
  await revid.getByRole('button', { name: 'Remove the revid key' }).click();
  await revid.getByRole('button', { name: 'Remove key' }).click();
  await expect(revid.getByText('No key')).toBeVisible();
  expect(await studio.keys.get('revid')).toBeNull();
  // The buttons left with the key: the keyboard is in the field for a new one.
  await expect(revid.getByLabel('revid API key')).toBeFocused();

  await expectNoLeak(studio, SECRET, WRONG);
  expect(studio.pageErrors).toEqual([]);
});

test('the key storage is named, and the other accounts are independent', async ({ studio }) => {
  const page = await openSettings(studio);
  await expect(page.getByText('Keys are encrypted by the GNOME Keyring')).toBeVisible();
  await keyRow(page, 'kvid').getByLabel('kvid API key').fill(EMULATOR_KEYS.kvid);
  await keyRow(page, 'kvid').getByLabel('kvid API key').press('Enter');
  await expect(keyRow(page, 'kvid').getByText(`ends in …${EMULATOR_KEYS.kvid.slice(-4)}`)).toBeVisible();
  await expect(keyRow(page, 'revid').getByText('No key')).toBeVisible();
  await expect(keyRow(page, 'Unified').getByText('No key')).toBeVisible();
  await expectNoLeak(studio, EMULATOR_KEYS.kvid);
});

test('a provider address is saved, reset, and a bad one is refused inline', async ({ studio }) => {
  const page = await openSettings(studio);
  const field = page.getByLabel('revid GPT-4o', { exact: true });
  await expect(field).toHaveValue('');
  // The harness points every vendor somewhere through the environment; the page says where from.
  await expect(page.getByText('from EASEL_REVID_GPT4O_BASE_URL in the environment')).toBeVisible();

  await field.fill('ftp://files.example.com');
  await field.press('Enter');
  await expect(page.getByText('A base URL starts with https://')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect((await settingsView(studio)).settings.baseUrls['revid-gpt4o']).toBeUndefined();

  await field.fill('https://user:pw@proxy.example.com');
  await field.blur();
  await expect(page.getByText('cannot carry a user name or password')).toBeVisible();
  expect((await settingsView(studio)).settings.baseUrls['revid-gpt4o']).toBeUndefined();

  await field.fill('https://proxy.example.com/revid');
  await field.blur();
  await expect(page.getByText('In use: https://proxy.example.com/revid (your address, set here)')).toBeVisible();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  expect((await settingsView(studio)).settings.baseUrls['revid-gpt4o']).toBe('https://proxy.example.com/revid');

  await page.getByRole('button', { name: 'Reset the revid GPT-4o address' }).click();
  await expect(field).toHaveValue('');
  await expect(page.getByText('from EASEL_REVID_GPT4O_BASE_URL in the environment')).toBeVisible();
  expect((await settingsView(studio)).settings.baseUrls['revid-gpt4o']).toBeUndefined();
});

test('pointing a keyed provider elsewhere needs the person’s yes in main; a no changes nothing', async ({ studio }) => {
  await studio.keys.set('revid', EMULATOR_KEYS.revid);
  studio.shell.answer = false;
  const page = await openSettings(studio);
  const field = page.getByLabel('revid Nano Banana', { exact: true });
  await field.fill('https://elsewhere.example.com');
  await field.press('Enter');
  await expect(page.getByText('Not changed: you chose not to in the confirmation.')).toBeVisible();
  await expect(field).toHaveValue('');
  expect(studio.shell.prompts.at(-1)?.title).toBe('Send your API key to a new address?');
  expect((await settingsView(studio)).settings.baseUrls['revid-nano-banana']).toBeUndefined();

  studio.shell.answer = true;
  await field.fill('https://elsewhere.example.com');
  await field.press('Enter');
  await expect(page.getByText('In use: https://elsewhere.example.com (your address, set here)')).toBeVisible();
  expect((await settingsView(studio)).settings.baseUrls['revid-nano-banana']).toBe('https://elsewhere.example.com');
});

const LIGHT_BG = 'rgb(246, 245, 242)';
const DARK_BG = 'rgb(21, 20, 18)';

test('the theme applies at once and is saved', async ({ studio }) => {
  const page = await openSettings(studio);
  const html = page.locator('html');
  const body = page.locator('body');
  await expect(page.getByRole('radio', { name: /System/ })).toBeChecked();
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(body).toHaveCSS('background-color', LIGHT_BG);
  // System follows the OS both ways.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(body).toHaveCSS('background-color', DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(body).toHaveCSS('background-color', LIGHT_BG);

  await page.getByRole('radio', { name: /Dark/ }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(body).toHaveCSS('background-color', DARK_BG);
  await expect.poll(async () => (await settingsView(studio)).settings.theme).toBe('dark');

  await page.getByRole('radio', { name: /Light/ }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => (await settingsView(studio)).settings.theme).toBe('light');
  // A picked theme wins over the OS.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(body).toHaveCSS('background-color', LIGHT_BG);

  // After a reload the saved theme is applied again.
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: /System/ }).check();
  await expect(html).not.toHaveAttribute('data-theme');
  await expect.poll(async () => (await settingsView(studio)).settings.theme).toBe('system');
});

test('notification switches save at once and persist', async ({ studio }) => {
  const page = await openSettings(studio);
  const enabled = page.getByRole('switch', { name: 'Notify me when pictures are ready' });
  const unfocused = page.getByRole('switch', { name: 'Only when Easel is in the background' });
  await expect(enabled).toBeChecked();
  await expect(unfocused).toBeChecked();

  await unfocused.uncheck();
  await expect.poll(async () => (await settingsView(studio)).settings.notifications).toEqual({ enabled: true, onlyWhenUnfocused: false });

  await enabled.uncheck();
  await expect(unfocused).toBeDisabled();
  await expect.poll(async () => (await settingsView(studio)).settings.notifications).toEqual({ enabled: false, onlyWhenUnfocused: false });

  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(enabled).not.toBeChecked();
  await expect(unfocused).not.toBeChecked();

  await enabled.check();
  await expect(unfocused).toBeEnabled();
  await expect.poll(async () => (await settingsView(studio)).settings.notifications.enabled).toBe(true);
});

test('the library folder: chosen in the OS picker, applied at the next start, back to default', async ({ studio }) => {
  const page = await openSettings(studio);
  const inUse = (await settingsView(studio)).libraryDirInUse;
  await expect(page.getByText(inUse, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Use default' })).toHaveCount(0);

  studio.shell.folder = `${studio.dataDir}/elsewhere`;
  await page.getByRole('button', { name: 'Choose…' }).click();
  await expect(page.getByText('Takes effect when Easel restarts')).toBeVisible();
  await expect(page.getByText(`${studio.dataDir}/elsewhere`, { exact: true })).toBeVisible();
  expect((await settingsView(studio)).settings.libraryDir).toBe(`${studio.dataDir}/elsewhere`);

  await page.getByRole('button', { name: 'Use default' }).click();
  await expect(page.getByText('Takes effect when Easel restarts')).toHaveCount(0);
  expect((await settingsView(studio)).settings.libraryDir).toBeNull();
});
