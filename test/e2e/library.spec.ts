// The Library in a real browser against the real core: pictures made by jobs or written into
// the library folder are found, searched, filtered, favourited (in the sidecar on disk),
// remixed, reused, moved to the trash (recorded by the harness's shell), dragged and browsed
// by keyboard; pages load as the grid scrolls, and a change in the library shows without polling.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { paint } from '../../electron/core/providers/sandbox/sandbox-painter';
import type { JobView, SubmitInput } from '../../shared/contract-jobs';
import type { Sidecar } from '../../shared/domain';
import { expect, test, type Studio } from './harness/studio';
import { seedLibrary, type SeededPicture } from './library-seed';

// Date filters are the person's calendar days: the page and this process share a time zone.
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone });

async function openLibrary(studio: Studio): Promise<Page> {
  // The first-run welcome is another screen's business.
  await studio.page.addInitScript(() => window.localStorage.setItem('easel.welcome.seen', '1'));
  await studio.open();
  await section(studio.page, 'Library');
  await expect(studio.page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  return studio.page;
}

async function section(page: Page, name: 'Create' | 'Activity' | 'Library' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
}

async function submit(studio: Studio, input: SubmitInput): Promise<JobView> {
  const answer = await studio.call('jobs.submit', input);
  if (!answer.ok) throw new Error(`jobs.submit refused: ${answer.error.message}`);
  return studio.waitForJob((answer.value as JobView).id);
}

function sidecarOf(studio: Studio, imageId: string): Sidecar {
  const item = studio.core.library.get(imageId);
  if (!item) throw new Error(`${imageId} is not in the library`);
  return JSON.parse(readFileSync(item.sidecarPath, 'utf8')) as Sidecar;
}

function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Pictures' });
}

function cellOf(page: Page, imageId: string): Locator {
  return grid(page).locator(`[data-image-id="${imageId}"]`);
}

function count(page: Page): Locator {
  return page.locator('.library-count');
}

async function seed(studio: Studio, n: number, options: { spacingMs?: number; distinct?: number } = {}): Promise<SeededPicture[]> {
  return seedLibrary(studio.core.library, { count: n, workDir: studio.dataDir, distinct: options.distinct ?? 8, size: 96, ...(options.spacingMs ? { spacingMs: options.spacingMs } : {}) });
}

test('a picture from a job is found, searched, favourited on disk and remixed with a new seed', async ({ studio }) => {
  const prompt = 'a red lighthouse on a cliff at dusk';
  const job = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt, negativePrompt: 'fog', aspectRatio: '16:9', seed: 4242, params: { style: 'poster' } });
  await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'a lone fox in the snow' });
  const imageId = job.results[0]!.saved!.imageId;
  const page = await openLibrary(studio);
  await expect(count(page)).toHaveText('2 pictures');

  const search = page.getByRole('searchbox', { name: 'Search prompts' });
  await search.fill('lighthou');
  await expect(count(page)).toHaveText('1 match');
  await expect(grid(page).getByRole('gridcell')).toHaveCount(1);
  const cell = cellOf(page, imageId);
  await expect(cell).toHaveAccessibleName(prompt);
  await expect.poll(() => cell.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await search.fill('zebra');
  await expect(page.getByText('No pictures match “zebra”')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search', exact: true }).click();
  await expect(count(page)).toHaveText('2 pictures');
  await expect(search).toHaveValue('');

  await cell.click();
  const detail = page.getByRole('dialog', { name: prompt });
  await expect(detail).toBeVisible();
  // The whole record: prompts, model, size, seed, parameters, file and hash.
  await expect(detail.getByText('fog', { exact: true })).toBeVisible();
  await expect(detail.getByText('Sandbox Sketch', { exact: true })).toBeVisible();
  await expect(detail.getByText(/^\d+ × \d+ · 16:9/)).toBeVisible();
  await expect(detail.getByText('4242', { exact: true })).toBeVisible();
  await expect(detail.getByText('poster', { exact: true })).toBeVisible();
  const item = studio.core.library.get(imageId)!;
  await expect(detail.getByText(item.path, { exact: true })).toBeVisible();
  await expect(detail.getByText(item.sha256, { exact: true })).toBeVisible();

  const favourite = detail.getByRole('button', { name: 'Favourite', exact: true });
  await expect(favourite).toHaveAttribute('aria-pressed', 'false');
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  expect(sidecarOf(studio, imageId).favorite).toBe(true);
  await expect(cell).toHaveAccessibleName(`${prompt}, favourite`);

  await detail.getByRole('button', { name: 'Remix' }).click();
  await expect(page.getByRole('heading', { name: 'Create', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(prompt);
  const submitted = studio.invocations.length;
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect.poll(() => studio.invocations.slice(submitted).find((call) => call.channel === 'jobs.submit')).toBeTruthy();
  const sent = studio.invocations.slice(submitted).find((call) => call.channel === 'jobs.submit')!.input as SubmitInput;
  // Same settings, new seed.
  expect(sent).toMatchObject({ provider: 'sandbox', model: 'sketch', prompt, negativePrompt: 'fog', aspectRatio: '16:9', params: { style: 'poster' } });
  expect(typeof sent.seed).toBe('number');
  expect(sent.seed).not.toBe(4242);
});

/** The settings group `name` in Create has `choice` chosen. */
async function expectChosen(page: Page, name: string, choice: string): Promise<void> {
  await expect(page.getByRole('radiogroup', { name, exact: true }).getByRole('radio', { name: choice, exact: true })).toHaveAttribute('aria-checked', 'true');
}

test('Remix of an older picture brings back its whole request, from the record beside it, with a new seed', async ({ studio }) => {
  const reference = path.join(studio.dataDir, 'harbour-sketch.png');
  await writeFile(reference, await paint({ prompt: 'a harbour', seed: 7, index: 0, width: 160, height: 120, style: 'landscape' }));
  const prompt = 'a lighthouse on a rocky coast, linocut';
  const request = {
    provider: 'sandbox',
    model: 'sketch',
    prompt,
    negativePrompt: 'fog, people',
    aspectRatio: '3:2',
    resolution: '2k',
    count: 3,
    seed: 4242,
    params: { style: 'poster' },
    references: [{ kind: 'file', path: reference }],
  } satisfies SubmitInput;
  const job = await submit(studio, request);
  // An older picture: its job has long left Activity's records; only the library has it.
  await rm(studio.core.store.fileFor(job.id));
  const imageId = job.results[1]!.saved!.imageId;
  const page = await openLibrary(studio);

  await cellOf(page, imageId).click();
  const detail = page.getByRole('dialog', { name: prompt });
  const record = detail.getByRole('definition');
  await expect(detail.getByText(/^\d+ × \d+ · 3:2 · 2k$/)).toBeVisible();
  await expect(detail.getByText('4242', { exact: true })).toBeVisible();
  await expect(record.filter({ hasText: /^Style\s*poster$/ })).toBeVisible();
  await expect(record.filter({ hasText: 'harbour-sketch.png' })).toBeVisible();
  await expect(detail.getByText('Picture 2 of 3', { exact: true })).toBeVisible();
  await expect(detail.getByText(/ → /)).toBeVisible();

  await detail.getByRole('button', { name: 'Remix' }).click();
  await expect(page.getByRole('heading', { name: 'Create', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Model: Sandbox Sketch by Sandbox. Change model' })).toBeVisible();
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(prompt);
  await expect(page.getByLabel('Negative prompt', { exact: true })).toHaveValue('fog, people');
  await expectChosen(page, 'Aspect ratio', '3:2');
  await expectChosen(page, 'Resolution', '2k');
  await expectChosen(page, 'Images', '3');
  await expectChosen(page, 'Style', 'poster');
  await expectChosen(page, 'Seed', 'Random');
  await expect(page.getByLabel('Reference 1 of 1: harbour-sketch.png')).toBeVisible();

  const before = studio.invocations.length;
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect.poll(() => studio.invocations.slice(before).find((call) => call.channel === 'jobs.submit')).toBeTruthy();
  const call = studio.invocations.slice(before).find((c) => c.channel === 'jobs.submit')!;
  const { seed: _seed, ...same } = request;
  expect(call.input).toMatchObject(same);
  expect(call.output.ok).toBe(true);
  // The job the core recorded carries them too, with a seed the picture was not made with.
  const submitted = (call.output as { ok: true; value: JobView }).value;
  expect(submitted.request).toMatchObject(same);
  expect(typeof submitted.request.seed).toBe('number');
  expect(submitted.request.seed).not.toBe(4242);
});

test('a picture made from the window shows the seed the window sent', async ({ studio }) => {
  const page = await openLibrary(studio);
  await section(page, 'Create');
  await page.getByLabel('Prompt', { exact: true }).fill('a windmill over tulip fields');
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect.poll(() => studio.invocations.find((call) => call.channel === 'jobs.submit')).toBeTruthy();
  const sent = studio.invocations.find((call) => call.channel === 'jobs.submit')!.input as SubmitInput;
  expect(typeof sent.seed).toBe('number');
  const job = await studio.waitForJob((studio.invocations.find((call) => call.channel === 'jobs.submit')!.output as { ok: true; value: JobView }).value.id);

  await section(page, 'Library');
  await cellOf(page, job.results[0]!.saved!.imageId).click();
  const detail = page.getByRole('dialog', { name: 'a windmill over tulip fields' });
  await expect(detail.getByText(String(sent.seed), { exact: true })).toBeVisible();
  await expect(detail.getByText(/random at the vendor/)).toHaveCount(0);
  expect(sidecarOf(studio, job.results[0]!.saved!.imageId).seed).toBe(sent.seed);
});

test('use prompt and use as reference take the picture to Create', async ({ studio }) => {
  const prompt = 'a cabin in a pine forest, gouache sketch';
  const job = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt });
  const imageId = job.results[0]!.saved!.imageId;
  const item = studio.core.library.get(imageId)!;
  const page = await openLibrary(studio);

  await cellOf(page, imageId).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Use prompt' }).click();
  await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(prompt);

  await section(page, 'Library');
  await cellOf(page, imageId).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Use as reference' }).click();
  await expect(page.getByRole('list', { name: 'Reference images, in the order they are sent' }).getByLabel(`Reference 1 of 1: ${prompt}`)).toBeVisible();
  // Sent as the library file itself.
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect.poll(() => studio.invocations.find((call) => call.channel === 'jobs.submit')?.input).toMatchObject({ references: [{ kind: 'file', path: item.path }] });
});

test('a picture dragged from the grid carries what Create needs', async ({ studio }) => {
  const job = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'a koi pond in a temple garden' });
  const imageId = job.results[0]!.saved!.imageId;
  const item = studio.core.library.get(imageId)!;
  const page = await openLibrary(studio);

  const payload = await cellOf(page, imageId).evaluate((cell) => {
    const data = new DataTransfer();
    cell.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: data }));
    (window as unknown as { dragged: DataTransfer }).dragged = data;
    return { json: data.getData('application/x-easel-image'), text: data.getData('text/plain') };
  });
  expect(JSON.parse(payload.json)).toEqual({ imageId, path: item.path, thumbUrl: expect.stringContaining('/thumb/256/'), prompt: 'a koi pond in a temple garden' });
  expect(payload.text).toBe('a koi pond in a temple garden');

  // Dropped on Create's references, it becomes one (Create owns the drop; this checks the handover).
  await section(page, 'Create');
  const zone = page.getByTestId('reference-drop-zone');
  await zone.evaluate((element) => {
    const data = (window as unknown as { dragged: DataTransfer }).dragged;
    for (const type of ['dragenter', 'dragover', 'drop']) element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await expect(page.getByLabel('Reference 1 of 1: a koi pond in a temple garden')).toBeVisible();
});

test('a picture dragged onto Create in the sidebar opens Create and lands in the references', async ({ studio }) => {
  const job = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse in a storm' });
  const imageId = job.results[0]!.saved!.imageId;
  const page = await openLibrary(studio);
  const createItem = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Create' });

  // Held over Create, the drag opens it; it goes on to the references and drops there.
  await cellOf(page, imageId).hover();
  await page.mouse.down();
  const target = (await createItem.boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
  await expect(createItem).toHaveAttribute('data-drop-armed');
  await expect(createItem).toHaveAttribute('aria-current', 'page');
  const zone = (await page.getByTestId('reference-drop-zone').boundingBox())!;
  await page.mouse.move(zone.x + zone.width / 2, zone.y + zone.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByLabel('Reference 1 of 1: a lighthouse in a storm')).toBeVisible();
  await expect(createItem).not.toHaveAttribute('data-drop-armed');

  // Dropped on the item itself, it becomes a reference at once.
  await section(page, 'Library');
  const second = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'a harbour at dawn' });
  const secondCell = cellOf(page, second.results[0]!.saved!.imageId);
  await secondCell.dragTo(createItem);
  await expect(createItem).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Reference 2 of 2: a harbour at dawn')).toBeVisible();
});

test('delete asks first, then moves the picture and its record to the trash', async ({ studio }) => {
  const pictures = await seed(studio, 3);
  const page = await openLibrary(studio);
  await expect(count(page)).toHaveText('3 pictures');
  const victim = pictures[1]!;
  await cellOf(page, victim.imageId).click();
  const detail = page.getByRole('dialog', { name: victim.prompt });

  await detail.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Move this picture to the trash?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect(studio.shell.calls.filter((call) => call.method === 'trash')).toEqual([]);

  await detail.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Move to trash' }).click();
  await expect(count(page)).toHaveText('2 pictures');
  expect(studio.shell.calls.filter((call) => call.method === 'trash')).toEqual([{ method: 'trash', args: [[victim.path, victim.sidecarPath]] }]);
  expect(studio.core.library.get(victim.imageId)).toBeNull();
  // The detail view moves on to the next picture.
  await expect(page.getByRole('dialog', { name: pictures[2]!.prompt })).toBeVisible();
  await expect(cellOf(page, victim.imageId)).toHaveCount(0);
});

test('filters narrow by provider, model, favourite and date', async ({ studio }) => {
  const day = 24 * 3600_000;
  const pictures = await seed(studio, 48, { spacingMs: day });
  const page = await openLibrary(studio);
  await expect(count(page)).toHaveText('48 pictures');
  const matches = (n: number) => `${n} ${n === 1 ? 'match' : 'matches'}`;

  await page.getByLabel('Provider').selectOption('sandbox');
  await expect(count(page)).toHaveText(matches(pictures.filter((p) => p.provider === 'sandbox').length));
  await page.getByLabel('Provider').selectOption('');

  await page.getByLabel('Model').selectOption('unified|midjourney');
  await expect(page.getByLabel('Provider')).toHaveValue('unified');
  await expect(count(page)).toHaveText(matches(pictures.filter((p) => p.model === 'midjourney').length));
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(count(page)).toHaveText('48 pictures');

  await page.getByRole('button', { name: 'Favourites' }).click();
  await expect(page.getByRole('button', { name: 'Favourites' })).toHaveAttribute('aria-pressed', 'true');
  await expect(count(page)).toHaveText(matches(pictures.filter((p) => p.favorite).length));
  await page.getByRole('button', { name: 'Favourites' }).click();

  // Ten calendar days, inclusive, in the person's time zone.
  const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA');
  const from = localDay(pictures[20]!.createdAt);
  const to = localDay(pictures[11]!.createdAt);
  await page.getByLabel('From').fill(from);
  await page.getByLabel('to', { exact: true }).fill(to);
  const inRange = pictures.filter((p) => localDay(p.createdAt) >= from && localDay(p.createdAt) <= to);
  await expect(count(page)).toHaveText(matches(inRange.length));
  await expect(cellOf(page, pictures[11]!.imageId)).toBeVisible();
  await expect(cellOf(page, pictures[21]!.imageId)).toHaveCount(0);

  // Nothing from next year yet: the empty grid says the filters did it, and clears them.
  const nextYear = `${new Date().getFullYear() + 1}-01-01`;
  await page.getByLabel('to', { exact: true }).fill('');
  await page.getByLabel('From').fill(nextYear);
  await expect(page.getByText('No pictures match these filters')).toBeVisible();
  await expect(page.getByText(/Try widening the filters/)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
  await expect(count(page)).toHaveText('48 pictures');
});

test('the search, the filters and the picture looked at are still there after a trip to Create', async ({ studio }) => {
  const pictures = await seed(studio, 400);
  const page = await openLibrary(studio);
  const search = page.getByRole('searchbox', { name: 'Search prompts' });
  await search.fill('watercolor');
  const matching = pictures.filter((p) => p.prompt.includes('watercolor'));
  await expect(count(page)).toHaveText(`${matching.length} matches`);
  await page.getByRole('button', { name: 'Favourites' }).click();
  const favourites = matching.filter((p) => p.favorite);
  await expect(count(page)).toHaveText(`${favourites.length} ${favourites.length === 1 ? 'match' : 'matches'}`);
  await page.getByRole('button', { name: 'Favourites' }).click();

  // Far down the results, a picture is opened and its prompt taken to Create.
  await grid(page).focus();
  await page.keyboard.press('Control+End');
  const last = matching.length - 1;
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Use prompt' }).click();
  await expect(page.getByRole('heading', { name: 'Create', level: 1 })).toBeVisible();

  await section(page, 'Library');
  await expect(search).toHaveValue('watercolor');
  await expect(count(page)).toHaveText(`${matching.length} matches`);
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', `library-cell-${last}`);
  await expect(page.locator(`#library-cell-${last}`)).toBeInViewport();
});

test('a favourite that cannot be saved from the keyboard says why', async ({ studio }) => {
  const pictures = await seed(studio, 6);
  const page = await openLibrary(studio);
  // Another program took the record away after the library was indexed.
  const item = studio.core.library.get(pictures[0]!.imageId)!;
  rmSync(item.sidecarPath);
  await grid(page).focus();
  await page.keyboard.press('f');
  await expect(page.getByRole('alert')).toContainText('The favourite could not be saved: the record beside this picture');
  expect(existsSync(item.sidecarPath)).toBe(false);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the keyboard moves through the grid, opens pictures and favourites them', async ({ studio }) => {
  const pictures = await seed(studio, 30);
  const page = await openLibrary(studio);
  const pictures_ = grid(page);
  await expect(count(page)).toHaveText('30 pictures');
  await pictures_.focus();
  await expect(pictures_).toHaveAttribute('aria-activedescendant', 'library-cell-0');
  const columns = Number(await pictures_.getAttribute('aria-colcount'));
  expect(columns).toBeGreaterThan(1);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const at = columns + 1;
  await expect(pictures_).toHaveAttribute('aria-activedescendant', `library-cell-${at}`);
  await expect(page.locator(`#library-cell-${at}`)).toHaveAttribute('aria-selected', 'true');

  const chosen = pictures[at]!;
  const wasFavourite = sidecarOf(studio, chosen.imageId).favorite;
  await page.keyboard.press('f');
  await expect.poll(() => sidecarOf(studio, chosen.imageId).favorite).toBe(!wasFavourite);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: chosen.prompt })).toBeVisible();
  await expect(page.getByRole('dialog').getByText(`${at + 1} of 30`)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: pictures[at + 1]!.prompt })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Back in the grid, on the picture last shown.
  await expect(pictures_).toBeFocused();
  await expect(pictures_).toHaveAttribute('aria-activedescendant', `library-cell-${at + 1}`);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await expect(pictures_).toHaveAttribute('aria-activedescendant', 'library-cell-29');
});

test('a large library loads page by page as the grid scrolls', async ({ studio }) => {
  const pictures = await seed(studio, 1200, { distinct: 6 });
  const page = await openLibrary(studio);
  await expect(count(page)).toHaveText('1,200 pictures');
  // Only the rows on screen exist in the page.
  expect(await grid(page).getByRole('gridcell').count()).toBeLessThan(120);
  const queried = () => studio.invocations.filter((call) => call.channel === 'library.query').map((call) => (call.input as { offset?: number }).offset ?? 0);
  expect(queried()).not.toContain(1000);

  await grid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const oldest = pictures.at(-1)!;
  await expect(cellOf(page, oldest.imageId)).toBeVisible();
  await expect(cellOf(page, oldest.imageId)).toHaveAccessibleName(oldest.favorite ? `${oldest.prompt}, favourite` : oldest.prompt);
  expect(queried()).toContain(1000);
  // Pages in between, skipped over by the jump, were never asked for.
  expect(queried()).not.toContain(600);
});

test('a fling asks for no thumbnails on the way, and the pictures where it stops load', async ({ studio }) => {
  await seed(studio, 1200, { distinct: 6 });
  const page = await openLibrary(studio);
  await expect(count(page)).toHaveText('1,200 pictures');
  await expect(grid(page).locator('img').first()).toBeVisible();
  const before = studio.served.length;

  // 400 px a frame: far faster than anyone looks at pictures.
  const flungBy = await grid(page).evaluate(async (element) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const start = element.scrollTop;
    for (let step = 0; step < 40; step++) {
      element.scrollTop += 400;
      await frame();
    }
    return element.scrollTop - start;
  });
  expect(flungBy).toBeGreaterThan(10_000);

  // Where it stops, every cell on screen shows its picture.
  await expect
    .poll(() =>
      grid(page).evaluate((element) => {
        const box = element.getBoundingClientRect();
        const shown = [...element.querySelectorAll<HTMLElement>('.lib-cell')].filter((cell) => {
          const r = cell.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        });
        return shown.length > 0 && shown.every((cell) => cell.querySelector('img')?.complete === true && cell.querySelector('img')!.naturalWidth > 0);
      }),
    )
    .toBe(true);

  // Of the ~600 pictures flung past, hardly any were asked for (a busy machine may let a few
  // frames look slow enough to load).
  const landed = new Set(await grid(page).locator('img').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).currentSrc).filter(Boolean).map((src) => new URL(src).pathname)));
  const passedOver = studio.served.slice(before).filter((request) => request.path.includes('/thumb/') && !landed.has(request.path.split('?')[0]!));
  expect(passedOver.length).toBeLessThan(60);
});

test('a new picture appears while the library is open, without polling', async ({ studio }) => {
  await seed(studio, 3);
  const page = await openLibrary(studio);
  await expect(count(page)).toHaveText('3 pictures');
  const queries = studio.invocations.filter((call) => call.channel === 'library.query').length;
  await page.waitForTimeout(1500);
  expect(studio.invocations.filter((call) => call.channel === 'library.query').length).toBe(queries);

  const job = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'a windmill over tulip fields' });
  await expect(count(page)).toHaveText('4 pictures');
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('data-image-id', job.results[0]!.saved!.imageId);
});

test('a notification click opens its picture, even one the grid has not reached', async ({ studio }) => {
  const pictures = await seed(studio, 900, { distinct: 4 });
  const page = await openLibrary(studio);
  await section(page, 'Create');
  const far = pictures[850]!;
  await page.evaluate(
    ([jobId, imageId]) => {
      const harness = (window as unknown as { __easelHarness: { emit(event: string, payload: unknown): void } }).__easelHarness;
      harness.emit('notification.clicked', { jobId, imageId });
    },
    [far.jobId, far.imageId] as const,
  );
  const detail = page.getByRole('dialog', { name: far.prompt });
  await expect(detail).toBeVisible();
  await expect(detail.getByText(far.path, { exact: true })).toBeVisible();
});

test('reveal, copy and drag out go through main with the picture id', async ({ studio }) => {
  const [picture] = await seed(studio, 1);
  const page = await openLibrary(studio);
  await cellOf(page, picture!.imageId).click();
  const detail = page.getByRole('dialog', { name: picture!.prompt });

  await detail.getByRole('button', { name: 'Show in folder' }).click();
  await expect(detail.getByText('Shown in its folder.')).toBeVisible();
  await detail.getByRole('button', { name: 'Copy picture' }).click();
  await expect(detail.getByText('Copied to the clipboard.')).toBeVisible();

  // The page's own drag is canceled and main starts the OS drag with the real file.
  const prevented = await detail.getByRole('button', { name: 'Drag out to another app' }).evaluate((handle) => {
    const event = new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
    handle.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(true);
  await expect.poll(() => studio.shell.calls.map((call) => call.method)).toEqual(['reveal', 'copyImage', 'startDrag']);
  expect(studio.shell.calls.map((call) => call.args[0])).toEqual([picture!.path, picture!.path, picture!.path]);
  expect(studio.invocations.filter((call) => call.channel.startsWith('library.') && call.channel !== 'library.query' && call.channel !== 'library.get').map((call) => call.input)).toEqual([
    { imageId: picture!.imageId },
    { imageId: picture!.imageId },
    { imageId: picture!.imageId },
  ]);
});

test('an empty library explains itself and offers the sandbox', async ({ studio }) => {
  const page = await openLibrary(studio);
  await expect(page.getByText('Your library is empty')).toBeVisible();
  await page.getByRole('button', { name: 'Try the free sandbox' }).click();
  await expect(page.getByRole('heading', { name: 'Create', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Model: Sandbox Sketch/ })).toBeVisible();
});
