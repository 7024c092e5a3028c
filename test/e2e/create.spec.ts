// The Create screen in real Chromium against the real core: what a person does there (write,
// pick a model, drop or paste references, generate, keep working) and what reaches the vendor
// emulators because of it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { EaselApi } from '../../shared/contract';
import type { JobView } from '../../shared/contract-jobs';
import type { LibraryItemView } from '../../shared/contract-library';
import { dropFiles, EMULATOR_KEYS, expect, pasteImage, test, type Studio } from './harness/studio';

type EaselPage = { easel: EaselApi };

const ICON = fileURLToPath(new URL('../../resources/icon.png', import.meta.url));
const SHOTS = '/tmp/shots';

const prompt = (page: Page): Locator => page.getByRole('textbox', { name: 'Prompt', exact: true });
const generate = (page: Page): Locator => page.getByRole('button', { name: /^Generate/ });
const dropZone = (page: Page): Locator => page.getByRole('region', { name: 'Reference images' });
const tiles = (page: Page): Locator => page.getByRole('list', { name: /Reference images, in the order/ }).getByRole('listitem');

/** Opens the app on Create; the first-run welcome is welcome.spec.ts's subject, here only in the way. */
async function openCreate(studio: Studio): Promise<Page> {
  await studio.page.addInitScript(() => window.localStorage.setItem('easel.welcome.seen', '1'));
  await studio.open();
  await expect(prompt(studio.page)).toBeVisible();
  return studio.page;
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** Opens the model picker and chooses `model` in the vendor group `vendor`. */
async function chooseModel(page: Page, vendor: string, model: string): Promise<void> {
  await page.getByRole('button', { name: /^Model: .* Change model$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a model' });
  await dialog.getByRole('group', { name: vendor, exact: true }).getByRole('option', { name: model, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: `Model: ${model} by ${vendor}. Change model` })).toBeVisible();
}

async function jobsInPage(page: Page): Promise<JobView[]> {
  return page.evaluate(() => (window as unknown as EaselPage).easel.jobs.list());
}

function submits(studio: Studio) {
  return studio.invocations.filter((call) => call.channel === 'jobs.submit');
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  // The screen scrolls inside .app-main, so a full-page shot needs a window as tall as the content.
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.querySelector('.app-main')?.scrollHeight ?? 0);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 2400)) });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let hover and focus styles settle; the screenshot is of the page as a person sees it.
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(SHOTS, `create-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);
}

/** A finished sandbox picture in the library, as the Library screen would describe it. */
async function libraryPicture(studio: Studio, text: string): Promise<LibraryItemView> {
  const submitted = await studio.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: text });
  if (!submitted.ok) throw new Error(submitted.error.message);
  const done = await studio.waitForJob((submitted.value as JobView).id);
  const item = await studio.call('library.get', { imageId: done.results[0]!.saved!.imageId });
  if (!item.ok) throw new Error(item.error.message);
  return item.value as LibraryItemView;
}

/** Drops a library picture on `target` the way the Library's dragstart describes it. */
async function dropLibraryPicture(target: Locator, picture: LibraryItemView): Promise<void> {
  await target.evaluate(
    (zone, data) => {
      const transfer = new DataTransfer();
      transfer.setData('application/x-easel-image', JSON.stringify(data));
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      zone.dispatchEvent(new DragEvent('dragenter', init));
      zone.dispatchEvent(new DragEvent('dragover', init));
      zone.dispatchEvent(new DragEvent('drop', init));
    },
    { imageId: picture.imageId, path: picture.path, thumbUrl: picture.thumbUrl, prompt: picture.prompt },
  );
}

test.describe('Create with the sandbox', () => {
  test('submits a sandbox job and sees it reach completed', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await expect(page.getByRole('button', { name: 'Model: Sandbox Sketch by Sandbox. Change model' })).toBeVisible();
    await expect(page.getByText('Free', { exact: true }).first()).toBeVisible();

    await prompt(page).fill('a lighthouse at dusk, oil painting');
    await generate(page).click();

    await expect(page.getByText('Submitted — follow it in Activity')).toBeVisible();
    expect(submits(studio)).toHaveLength(1);
    expect(submits(studio)[0]!.input).toMatchObject({ provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse at dusk, oil painting', count: 1 });

    const sent = page.getByRole('region', { name: 'Sent from here' }).getByRole('listitem');
    await expect(sent).toHaveCount(1);
    await expect(sent.first()).toHaveAttribute('data-state', 'completed', { timeout: 20_000 });
    await expect(sent.first().locator('img')).toHaveCount(1);
    await expect.poll(async () => (await jobsInPage(page)).map((job) => job.state)).toEqual(['completed']);
    // Nothing running any more: the Activity badge is gone.
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByText(/running/)).toHaveCount(0);
    // The prompt is remembered: ↑ at the start of an empty field brings it back, ↓ returns.
    await prompt(page).fill('');
    await prompt(page).press('ArrowUp');
    await expect(prompt(page)).toHaveValue('a lighthouse at dusk, oil painting');
    await prompt(page).press('End');
    await prompt(page).press('ArrowDown');
    await expect(prompt(page)).toHaveValue('');
    // …and so does the History menu.
    await page.getByRole('button', { name: 'Prompt history', exact: true }).click();
    await page.getByRole('menu', { name: 'Earlier prompts' }).getByRole('menuitem', { name: 'a lighthouse at dusk, oil painting' }).click();
    await expect(prompt(page)).toHaveValue('a lighthouse at dusk, oil painting');
    await expect(prompt(page)).toBeFocused();

    await page.getByRole('button', { name: 'Open Activity' }).click();
    await expect(page.getByRole('main', { name: 'activity' })).toBeVisible();
  });

  test('Ctrl+Enter submits from the prompt', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await prompt(page).fill('a red kite over the dunes');
    await prompt(page).press('Control+Enter');
    await expect(page.getByText('Submitted — follow it in Activity')).toBeVisible();
    expect(submits(studio).map((call) => (call.input as { prompt: string }).prompt)).toEqual(['a red kite over the dunes']);
    // The shortcut did not type a line break into the prompt.
    await expect(prompt(page)).toHaveValue('a red kite over the dunes');
  });

  test.describe('while jobs run', () => {
    test.use({ coreOptions: { sandboxDelayMs: 700 } });

    test('three jobs submitted back to back while the person keeps typing', async ({ studio }) => {
      const { page } = studio;
      await openCreate(studio);
      const field = prompt(page);
      await field.fill('a harbour');
      await generate(page).click();
      await field.pressSequentially(' at dawn', { delay: 15 });
      await field.press('Control+Enter');
      await expect(field).toBeEnabled();
      await field.pressSequentially(', fog rolling in', { delay: 15 });
      await generate(page).click();
      // Still typing while three jobs are under way: the field never locks, nothing is lost.
      await expect(page.getByRole('navigation', { name: 'Sections' }).getByLabel(/running/)).toBeVisible();
      await field.pressSequentially(' and gulls', { delay: 15 });
      await expect(field).toBeEnabled();
      await expect(field).toBeEditable();
      await expect(field).toHaveValue('a harbour at dawn, fog rolling in and gulls');

      await expect.poll(() => submits(studio).length).toBe(3);
      expect(submits(studio).map((call) => (call.input as { prompt: string }).prompt)).toEqual([
        'a harbour',
        'a harbour at dawn',
        'a harbour at dawn, fog rolling in',
      ]);
      expect(submits(studio).every((call) => call.output.ok)).toBe(true);
      await expect(page.getByText('Submitted (3 in a row) — follow them in Activity')).toBeVisible();
      const ids = submits(studio).map((call) => (call.output.ok ? (call.output.value as JobView).id : ''));
      await Promise.all(ids.map((id) => studio.waitForJob(id)));
      await expect(page.getByRole('region', { name: 'Sent from here' }).locator('[data-state="completed"]')).toHaveCount(3);
    });
  });

  test('the settings show only what the chosen model accepts', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    const settings = page.getByRole('region', { name: 'Parameters' });
    const choices = (group: string) => settings.getByRole('radiogroup', { name: group }).getByRole('radio');

    // Sandbox Sketch: ratios, resolutions, 1–4 images, a seed, a style, and a negative prompt.
    await expect(choices('Aspect ratio')).toHaveText(['Default', '1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3']);
    await expect(choices('Resolution')).toHaveText(['Default', '1k', '2k']);
    await expect(choices('Images')).toHaveText(['1', '2', '3', '4']);
    await expect(choices('Seed')).toHaveText(['Random', 'Fixed']);
    await expect(choices('Style')).toHaveText(['landscape', 'poster']);
    await expect(page.getByRole('textbox', { name: 'Negative prompt' })).toBeVisible();
    await settings.getByRole('radio', { name: '16:9' }).click();
    await settings.getByRole('radio', { name: '3', exact: true }).click();

    // GPT-4o Image: three ratios, 1/2/4 variants, no resolution, seed or negative prompt; its switches.
    await chooseModel(page, 'revid GPT-4o', 'GPT-4o Image');
    await expect(choices('Aspect ratio')).toHaveText(['Default', '1:1', '3:2', '2:3']);
    await expect(choices('Images')).toHaveText(['1', '2', '4']);
    await expect(settings.getByRole('radiogroup', { name: 'Resolution' })).toHaveCount(0);
    await expect(settings.getByRole('radiogroup', { name: 'Seed' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Negative prompt' })).toHaveCount(0);
    await expect(settings.getByRole('switch', { name: 'Enhance prompt' })).toHaveAttribute('aria-checked', 'false');
    await expect(settings.getByRole('switch', { name: 'Fallback model' })).toBeVisible();
    await expect(settings.getByRole('radiogroup', { name: 'Backup model' }).getByRole('radio')).toHaveText(['Default', 'GPT_IMAGE_1', 'FLUX_MAX']);
    // 16:9 is not a GPT-4o choice: back to Default. Three images is not either: back to one.
    await expect(settings.getByRole('radio', { name: 'Default' }).first()).toHaveAttribute('aria-checked', 'true');
    await expect(settings.getByRole('radio', { name: '1', exact: true })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByText('10 credits', { exact: true })).toBeVisible();

    // revid v1: separate jobs per image, said plainly; kvid: bounded numbers; unified: free options.
    await chooseModel(page, 'revid', 'Imagen 4 Ultra');
    await settings.getByRole('radio', { name: '2', exact: true }).click();
    await expect(settings.getByText('2 separate jobs at the vendor, each charged.')).toBeVisible();
    await expect(settings.getByRole('radiogroup', { name: 'Resolution' }).getByRole('radio')).toHaveText(['Default', '1k', '2k', '4k']);
    await chooseModel(page, 'kvid', 'Nano Banana (K-content)');
    const width = settings.getByRole('spinbutton', { name: 'Width' });
    await width.fill('300');
    await expect(settings.getByText('Width goes in steps of 64 from 256 (got 300).')).toBeVisible();
    await expect(settings.getByRole('combobox', { name: 'Steps' }).locator('option')).toHaveText(['Default', '20', '30', '40', '50']);
    await chooseModel(page, 'Unified', 'Flux 2 Pro');
    await expect(settings.getByRole('group', { name: 'Model options' })).toBeVisible();
    await settings.getByRole('button', { name: 'Add option' }).click();
    await settings.getByRole('textbox', { name: 'Option 1 name' }).fill('aspect_ratio');
    await settings.getByRole('textbox', { name: 'Option 1 value' }).fill('16:9');
    await expect(settings.getByRole('radiogroup')).toHaveCount(1);
  });

  test('a pasted picture becomes a reference, kept as a file the job sends', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await prompt(page).fill('the same lighthouse, at night');
    expect(await pasteImage(page, prompt(page), ICON, { name: 'screenshot.png', onDisk: false })).toEqual({ handled: true });

    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).toHaveAccessibleName('Reference 1 of 1: screenshot.png');
    await expect(tiles(page).first().getByText(/^PNG · /)).toBeVisible();
    // The preview is the pasted picture itself, shown from memory.
    await expect(tiles(page).first().locator('img')).toHaveAttribute('src', /^blob:/);
    const staged = path.join(studio.dataDir, 'staged-references', `${await sha256Of(ICON)}.png`);
    expect(existsSync(staged)).toBe(true);
    // A paste of an image does not also paste text into the prompt.
    await expect(prompt(page)).toHaveValue('the same lighthouse, at night');

    await generate(page).click();
    await expect(page.getByText('Submitted — follow it in Activity')).toBeVisible();
    expect(submits(studio)[0]!.input).toMatchObject({ references: [{ kind: 'file', path: staged }] });
    const job = submits(studio)[0]!.output.ok ? (submits(studio)[0]!.output as { value: JobView }).value : null;
    await studio.waitForJob(job!.id);
  });

  test('references reorder by drag and by keyboard, and are removed', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await chooseModel(page, 'revid', 'Nano Banana');
    const other = test.info().outputPath('second.png');
    await writeFile(other, await readFile(ICON));
    await dropFiles(page, dropZone(page), [ICON]);
    await dropFiles(page, dropZone(page), [other]);
    await expect(tiles(page)).toHaveCount(2);
    // revid v1 takes one reference: the second is refused, with the reason beside it.
    await expect(tiles(page).nth(1)).toContainText('Nano Banana takes at most 1 reference image; this one is over the limit.');

    // Dragged within the tray: the second picture dropped on the first takes its place.
    await tiles(page).nth(1).evaluate((from, to) => {
      const transfer = new DataTransfer();
      const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
      from.dispatchEvent(new DragEvent('dragstart', init));
      to!.dispatchEvent(new DragEvent('dragenter', init));
      to!.dispatchEvent(new DragEvent('dragover', init));
      to!.dispatchEvent(new DragEvent('drop', init));
      from.dispatchEvent(new DragEvent('dragend', init));
    }, await tiles(page).first().elementHandle());
    await expect(tiles(page).first()).toHaveAccessibleName('Reference 1 of 2: second.png');
    await expect(tiles(page).nth(1)).toContainText('over the limit');
    // And back, by keyboard.
    await page.getByRole('button', { name: 'Move second.png later' }).focus();
    await page.keyboard.press('Enter');
    await expect(tiles(page).first()).toHaveAccessibleName('Reference 1 of 2: icon.png');
    await expect(page.getByRole('button', { name: 'Move second.png earlier' })).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(tiles(page).first()).toHaveAccessibleName('Reference 1 of 2: second.png');
    await expect(tiles(page).nth(1)).toContainText('over the limit');
    await expect(page.getByRole('button', { name: 'Move second.png earlier' })).toBeDisabled();
    // Focus stays with the moved picture, on the arrow that can still move it.
    await expect(page.getByRole('button', { name: 'Move second.png later' })).toBeFocused();

    await page.getByRole('button', { name: 'Remove icon.png' }).focus();
    await page.keyboard.press('Enter');
    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).not.toContainText('over the limit');
    await expect(page.getByRole('button', { name: 'Remove second.png' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tiles(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Choose files…' })).toBeFocused();
  });

  test('a picture dragged from the library is a reference even for URL-only models', async ({ studio }) => {
    const { page } = studio;
    const picture = await libraryPicture(studio, 'a quiet bay');
    await openCreate(studio);
    await chooseModel(page, 'revid GPT-4o', 'GPT-4o Image');
    await dropLibraryPicture(dropZone(page), picture);

    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).toHaveAccessibleName('Reference 1 of 1: a quiet bay');
    await expect(tiles(page).first()).toContainText('From your library');
    await expect(tiles(page).first().locator('img')).toHaveAttribute('src', picture.thumbUrl);
    await expect(tiles(page).first().locator('.create-ref-problem')).toHaveCount(0);

    // A file from disk is not: GPT-4o fetches references by address only.
    await dropFiles(page, dropZone(page), [ICON]);
    await expect(tiles(page).nth(1)).toContainText('only fetches reference images from a public address');
  });
});

test.describe('Create against revid', () => {
  test.use({ emulators: ['revid'], keys: { revid: EMULATOR_KEYS.revid } });

  test('a dropped local PNG is sent to revid as image-to-image', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await chooseModel(page, 'revid', 'Nano Banana');
    const drop = await dropFiles(page, dropZone(page), [ICON]);
    expect(drop).toEqual({ dropped: true, handled: true });
    await expect(tiles(page)).toHaveCount(1);
    await expect(tiles(page).first()).toHaveAccessibleName('Reference 1 of 1: icon.png');
    await expect(tiles(page).first().locator('img')).toHaveAttribute('src', /^blob:/);

    await prompt(page).fill('turn the easel into a watercolour');
    await generate(page).click();
    await expect(page.getByText('Submitted — follow it in Activity')).toBeVisible();
    expect(submits(studio)[0]!.input).toMatchObject({ provider: 'revid', model: 'nano-banana', references: [{ kind: 'file', path: ICON }] });
    const jobId = (submits(studio)[0]!.output as { value: JobView }).value.id;
    await studio.waitForJob(jobId);

    const revid = studio.emulator('revid');
    const creates = revid.requests('create');
    expect(creates).toHaveLength(1);
    const upload = creates[0]!.form?.files.input_image?.[0];
    expect(upload).toMatchObject({ filename: 'icon.png', contentType: 'image/png', sha256: await sha256Of(ICON) });
    expect(revid.jobs()[0]!.inputImage?.sha256).toBe(await sha256Of(ICON));
  });

  test('a dropped text file is refused with a clear reason and nothing is sent', async ({ studio }) => {
    const { page } = studio;
    const notes = test.info().outputPath('notes.txt');
    await writeFile(notes, 'Remember: the lighthouse needs a red stripe.\n');
    await openCreate(studio);
    await chooseModel(page, 'revid', 'Nano Banana');
    await prompt(page).fill('a lighthouse with a red stripe');

    await dropFiles(page, dropZone(page), [notes]);
    await expect(tiles(page)).toHaveCount(1);
    const tile = tiles(page).first();
    await expect(tile).toContainText('notes.txt is not a picture (it is a text file). Remove it and drop a picture file instead.');
    await expect(tile.getByRole('alert')).toBeVisible();

    await generate(page).click();
    await prompt(page).press('Control+Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was sent' });
    await expect(refusal).toContainText('1 reference image cannot be sent with Nano Banana');
    await shoot(page, 'error-refused-file');

    expect(submits(studio)).toHaveLength(0);
    expect(studio.emulator('revid').requests()).toEqual([]);
    expect(await jobsInPage(page)).toEqual([]);

    // Removing it clears the refusal; the form sends what is left.
    await page.getByRole('button', { name: 'Remove notes.txt' }).click();
    await expect(refusal).toBeHidden();
  });
});

test.describe('Create without a key', () => {
  test('a model whose vendor has no key says so, and the refusal from the core is shown in plain words', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await page.getByRole('button', { name: /^Model: .* Change model$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a model' });
    await expect(dialog.getByRole('group', { name: 'revid', exact: true })).toBeVisible();
    await expect(dialog.getByText('needs a key').first()).toBeVisible();
    await expect(dialog.getByText('Free · no key')).toBeVisible();
    // The list narrows as the person types, and the keyboard chooses.
    await dialog.getByRole('combobox', { name: 'Search models' }).fill('nano banana edit');
    await expect(dialog.getByRole('option')).toHaveCount(1);
    await dialog.getByRole('combobox', { name: 'Search models' }).press('Enter');
    await expect(page.getByRole('button', { name: 'Model: Nano Banana Edit by revid Nano Banana. Change model' })).toBeFocused();
    await expect(page.getByText('revid Nano Banana needs a key')).toBeVisible();

    // Nano Banana Edit needs a reference: said before anything is sent.
    await prompt(page).fill('make it winter');
    await generate(page).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toContainText('Nano Banana Edit edits pictures: add at least one reference image.');
    expect(submits(studio)).toHaveLength(0);

    await chooseModel(page, 'revid', 'Nano Banana');
    await generate(page).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Easel could not submit this' });
    await expect(refused).toContainText(/revid/i);
    expect(submits(studio)).toHaveLength(1);
    expect(submits(studio)[0]!.output).toMatchObject({ ok: false, error: { code: 'MISSING_KEY' } });
    // The form stays as it was, ready once the key is set.
    await expect(prompt(page)).toHaveValue('make it winter');
    await shoot(page, 'error-missing-key');
    await refused.getByRole('button', { name: 'Open Settings' }).click();
    await expect(page.getByRole('main', { name: 'settings' })).toBeVisible();
  });
});

test.describe('Create without a key, left at once', () => {
  test('a refusal that comes back after the person moved on is waiting on Create, and holding the keys sends once', async ({ studio }) => {
    const { page } = studio;
    await openCreate(studio);
    await chooseModel(page, 'revid', 'Nano Banana');
    await prompt(page).fill('a harbour in the fog');
    // Ctrl+Enter held down repeats its keydown: one request, not one per repeat.
    await page.keyboard.down('Control');
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await page.keyboard.up('Control');
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+1');
    const refused = page.getByRole('alert').filter({ hasText: 'Easel could not submit this' });
    await expect(refused).toContainText(/revid/i);
    expect(submits(studio).map((call) => call.output)).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'MISSING_KEY' }) })]);
  });
});

test.describe('screenshots', () => {
  test('Create, empty', async ({ studio }) => {
    const page = await openCreate(studio);
    await shoot(page, 'empty');
  });

  test.describe('with a key', () => {
    test.use({ keys: { revid: EMULATOR_KEYS.revid } });

    test('Create, filled with references, and its model picker', async ({ studio }) => {
      const { page } = studio;
      const bay = await libraryPicture(studio, 'a quiet bay at dusk');
      const cliff = await libraryPicture(studio, 'a basalt cliff, storm light');
      await openCreate(studio);
      await chooseModel(page, 'revid Nano Banana', 'Nano Banana Pro');
      await prompt(page).fill('A lighthouse on a basalt cliff at dusk, warm window light, long exposure sea, cinematic, 35 mm');
      await dropLibraryPicture(dropZone(page), bay);
      await dropLibraryPicture(dropZone(page), cliff);
      await page.getByRole('textbox', { name: 'Image address' }).fill('https://images.example.com/refs/cliff-study.jpg');
      await page.getByRole('button', { name: 'Add URL' }).click();
      await expect(tiles(page)).toHaveCount(3);
      const settings = page.getByRole('region', { name: 'Parameters' });
      await settings.getByRole('radio', { name: '4K' }).click();
      await settings.getByRole('radio', { name: '2', exact: true }).click();
      await expect(page.getByText('70 credits', { exact: true })).toBeVisible();
      await shoot(page, 'filled');

      await page.getByRole('button', { name: /^Model: .* Change model$/ }).click();
      await shoot(page, 'model-picker');
    });
  });
});
