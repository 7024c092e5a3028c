// Activity in a real browser against the real core and the vendor emulators: jobs move through
// their states as main reports them (the window never polls), a running job can be canceled, a
// failed one says why in plain words with details on demand and can be retried, an unsaved
// result warns how long the vendor keeps it, and a notification click finds its job.
import type { Locator, Page } from '@playwright/test';
import type { JobView, SubmitInput } from '../../shared/contract-jobs';
import { EMULATOR_KEYS, expect, test, type Studio } from './harness/studio';

async function openActivity(studio: Studio): Promise<Page> {
  // The first-run welcome is another screen's business.
  await studio.page.addInitScript(() => window.localStorage.setItem('easel.welcome.seen', '1'));
  await studio.open();
  await studio.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Activity' }).click();
  await expect(studio.page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  return studio.page;
}

async function submit(studio: Studio, input: SubmitInput): Promise<JobView> {
  const answer = await studio.call('jobs.submit', input);
  if (!answer.ok) throw new Error(`jobs.submit refused: ${answer.error.message}`);
  return answer.value as JobView;
}

function jobCard(page: Page, prompt: string): Locator {
  return page.getByRole('list', { name: 'Jobs' }).getByRole('listitem', { name: prompt, exact: true });
}

/** The job cards themselves (each card holds a list of its pictures too). */
function jobCards(page: Page): Locator {
  return page.getByRole('list', { name: 'Jobs' }).locator(':scope > li');
}

async function expectThumbnailLoaded(card: Locator): Promise<void> {
  const thumb = card.getByRole('button', { name: 'Open picture 1 in the Library' }).locator('img');
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

test.describe('jobs move through Activity', () => {
  test.use({ emulators: ['revid'], emulatorOptions: { revid: { jobDurationMs: 3500 } }, keys: { revid: EMULATOR_KEYS.revid } });

  test('a sandbox job and a revid job go from running to done, with their pictures, and nothing polls', async ({ studio }) => {
    const page = await openActivity(studio);
    await expect(page.getByText('Nothing here yet')).toBeVisible();
    const callsAtStart = studio.invocations.filter((call) => call.channel.startsWith('jobs.')).length;

    const revidPrompt = 'a red lighthouse on a cliff at dusk';
    const sandboxPrompt = 'a quiet harbour with fishing boats';
    await submit(studio, { provider: 'revid', model: 'nano-banana', prompt: revidPrompt });
    const sandbox = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: sandboxPrompt, count: 2 });

    const revidCard = jobCard(page, revidPrompt);
    await expect(revidCard.getByText('Generating')).toBeVisible();
    await expect(revidCard.getByText('Nano Banana', { exact: true })).toBeVisible();
    // No vendor progress from revid v1: an estimate against the model's typical time, said so.
    const progress = revidCard.getByRole('progressbar', { name: 'Progress' });
    await expect(progress).toHaveAttribute('aria-valuetext', /^Estimated: About \d+ (s|min) left/);
    await expect(revidCard.getByText('estimate', { exact: false })).toBeVisible();
    // The elapsed time ticks on its own clock.
    const elapsed = revidCard.getByText(/\d+ s elapsed/);
    const first = await elapsed.textContent();
    await expect.poll(() => elapsed.textContent(), { timeout: 4000 }).not.toBe(first);

    const sandboxCard = jobCard(page, sandboxPrompt);
    await expect(sandboxCard.getByText('Done')).toBeVisible();
    await expect(sandboxCard.getByText('2 pictures')).toBeVisible();
    // The sandbox costs nothing, and says so in a word.
    await expect(sandboxCard.getByText('Free', { exact: true })).toBeVisible();
    await expect(sandboxCard.getByText(/credits/)).toHaveCount(0);
    await expectThumbnailLoaded(sandboxCard);
    await expect(sandboxCard.getByRole('button', { name: /Open picture \d in the Library/ })).toHaveCount(2);

    await expect(revidCard.getByText('Done')).toBeVisible({ timeout: 15_000 });
    await expect(revidCard.getByRole('progressbar')).toHaveCount(0);
    await expect(revidCard.getByText(/took \d+ s/)).toBeVisible();
    await expectThumbnailLoaded(revidCard);

    // Newest first.
    await expect(jobCards(page).first()).toHaveAccessibleName(sandboxPrompt);
    // Everything above arrived as events: the window asked for the job list once, at start.
    const jobCalls = studio.invocations.filter((call) => call.channel.startsWith('jobs.'));
    expect(jobCalls.length).toBe(callsAtStart);

    // A picture opens in the Library's detail view.
    await sandboxCard.getByRole('button', { name: 'Open picture 1 in the Library' }).click();
    await expect(page.getByRole('dialog', { name: sandboxPrompt })).toBeVisible();
    const job = await studio.waitForJob(sandbox.id);
    expect(job.results.every((result) => result.saved)).toBe(true);
    expect(studio.pageErrors).toEqual([]);
  });

  test('a finished job can be dismissed, one by one or all at once', async ({ studio }) => {
    const page = await openActivity(studio);
    for (const prompt of ['a cabin in a pine forest', 'a windmill over tulip fields', 'a koi pond in a temple garden']) {
      await studio.waitForJob((await submit(studio, { provider: 'sandbox', model: 'sketch', prompt })).id);
    }
    const card = jobCard(page, 'a cabin in a pine forest');
    await expect(card.getByText('Done')).toBeVisible();
    // From the keyboard: the oldest card (the last) goes, and focus moves to the card above it.
    await card.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await expect(card).toHaveCount(0);
    await expect(jobCards(page)).toHaveCount(2);
    await expect(jobCard(page, 'a windmill over tulip fields')).toBeFocused();
    await page.getByRole('button', { name: 'Dismiss finished' }).click();
    await expect(page.getByText('Nothing here yet')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeFocused();
    // Hidden, not lost.
    const all = await studio.call('jobs.list', { includeDismissed: true });
    expect(all.ok && (all.value as JobView[]).length).toBe(3);
  });
});

test.describe('a long revid job', () => {
  test.use({ emulators: ['revid'], emulatorOptions: { revid: { jobDurationMs: 600_000 } }, keys: { revid: EMULATOR_KEYS.revid } });

  test('can be canceled while it runs, then retried as a new job', async ({ studio }) => {
    const page = await openActivity(studio);
    const prompt = 'a desert caravan among dunes, oil painting';
    const job = await submit(studio, { provider: 'revid', model: 'nano-banana', prompt });
    await studio.waitForJob(job.id, 'running');
    const card = jobCard(page, prompt);
    await expect(card.getByText('Generating')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByLabel('1 running')).toBeVisible();

    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(card.getByText('Canceled', { exact: true })).toBeVisible();
    // revid already had the job and offers no way to cancel it: the card says it may still charge.
    await expect(card.getByText('Nothing more will be sent or saved. revid offers no way to cancel, so it may still finish the job and charge for it.')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    const canceled = await studio.call('jobs.get', { jobId: job.id });
    expect(canceled.ok && (canceled.value as JobView).state).toBe('canceled');
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByLabel('1 running')).toHaveCount(0);

    await card.getByRole('button', { name: 'Retry' }).click();
    // The retry is a new job; the old card makes way for it, and it is marked as the one to look at.
    await expect(jobCards(page)).toHaveCount(1);
    const fresh = jobCard(page, prompt);
    await expect(fresh.getByText('Generating')).toBeVisible();
    await expect(fresh).toBeFocused();
    expect(studio.emulator('revid').createCount()).toBe(2);
  });
});

test.describe('a failing job', () => {
  test.use({ emulators: ['revid'], emulatorOptions: { revid: { jobDurationMs: 200 } }, keys: { revid: EMULATOR_KEYS.revid } });

  test('shows the vendor’s reason in plain words with details on demand, and a retry succeeds', async ({ studio }) => {
    studio.emulator('revid').failNextJobs(1, 'The prompt was flagged by the safety filter.');
    const page = await openActivity(studio);
    const prompt = 'a paper boat on a rainy street';
    const job = await submit(studio, { provider: 'revid', model: 'nano-banana', prompt });
    await studio.waitForJob(job.id, 'failed');

    const card = jobCard(page, prompt);
    await expect(card.getByText('Failed', { exact: true })).toBeVisible();
    await expect(card.getByText('revid could not make this picture: The prompt was flagged by the safety filter.')).toBeVisible();
    const details = card.getByText('Details');
    await expect(card.getByText('Code')).toBeHidden();
    await details.click();
    await expect(card.getByText('Code')).toBeVisible();
    const failed = (await studio.call('jobs.get', { jobId: job.id })) as { ok: true; value: JobView };
    await expect(card.locator('code').first()).toHaveText(failed.value.error!.code);

    await card.getByRole('button', { name: 'Retry' }).click();
    const retried = jobCard(page, prompt);
    await expect(retried.getByText('Done')).toBeVisible({ timeout: 15_000 });
    await expectThumbnailLoaded(retried);
    await expect(jobCards(page)).toHaveCount(1);
  });
});

test.describe('a refused key', () => {
  test.use({ emulators: ['revid'], keys: { revid: 'sk_live_revoked_0000' } });

  test('says so in plain words and offers Settings', async ({ studio }) => {
    const page = await openActivity(studio);
    const prompt = 'a train crossing a stone bridge';
    const job = await submit(studio, { provider: 'revid', model: 'nano-banana', prompt });
    await studio.waitForJob(job.id, 'failed');
    const card = jobCard(page, prompt);
    await expect(card.getByText('Failed', { exact: true })).toBeVisible();
    // The window's advice names its own Settings, never the command line's variables.
    const message = card.locator('.job-problem-message');
    await expect(message).toHaveText('revid rejected the API key (401). One key serves every revid API: check it in Settings → API keys.');
    await expect(card).not.toContainText('EASEL_');
    await expect(card).not.toContainText('command line');
    await card.getByText('Details').click();
    await expect(card.getByText('AUTH_FAILED')).toBeVisible();
    await card.getByRole('button', { name: 'Open Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  });
});

test.describe('a result that cannot be saved yet', () => {
  test.use({ emulators: ['kvid'], emulatorOptions: { kvid: { jobDurationMs: 50 } }, keys: { kvid: EMULATOR_KEYS.kvid } });

  test('warns with the time the vendor keeps it, and saves on "Try now"', async ({ studio }) => {
    // Every attempt of one save round fails (the harness allows two retries after the first try).
    studio.emulator('kvid').inject('download', { kind: 'status', status: 503 }, 3);
    const page = await openActivity(studio);
    const prompt = 'a glass greenhouse full of ferns';
    const job = await submit(studio, { provider: 'kvid', model: 'nano-banana', prompt });
    await studio.waitForJob(job.id, (view) => view.state === 'downloading' && view.warning !== undefined && !view.active);

    const card = jobCard(page, prompt);
    await expect(card.getByText('Not saved', { exact: true })).toBeVisible();
    await expect(page.getByText('Nothing running · 1 not saved yet')).toBeVisible();
    // Vendors keep results about 14 days: the time left is shown, live.
    await expect(card.getByText(/Not saved yet: kvid deletes this picture in 1[34] d \d+ h/)).toBeVisible();
    await expect(card.getByText(/Easel keeps trying to save it/)).toBeVisible();
    await expect(card.getByRole('img', { name: 'Not saved' })).toBeVisible();

    // Giving up a picture the vendor made (and charged for) is asked first; the safe answer is the default.
    await expect(card.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    await card.getByRole('button', { name: 'Discard…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Discard this picture?' });
    await expect(confirm).toContainText('kvid has already made it and charged for it.');
    await expect(confirm.getByRole('button', { name: 'Keep trying' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(card.getByText('Not saved', { exact: true })).toBeVisible();

    await card.getByRole('button', { name: 'Try now' }).click();
    await expect(card.getByText('Done')).toBeVisible({ timeout: 15_000 });
    await expect(card.getByText(/Not saved yet/)).toHaveCount(0);
    await expectThumbnailLoaded(card);
  });
});

test.describe('a result saved in part', () => {
  test.use({ emulators: ['revid-gpt4o'], emulatorOptions: { 'revid-gpt4o': { jobDurationMs: 50 } }, keys: { revid: EMULATOR_KEYS.revid } });

  test('says how long the unsaved picture can still be fetched, and "Save again" fetches it without a new job', async ({ studio }) => {
    const gpt4o = studio.emulator('revid-gpt4o');
    // The first picture's link answers 400 once: a final answer for that download, so the job
    // ends with one of its two pictures saved.
    gpt4o.inject('download', { kind: 'status', status: 400 }, 1);
    const page = await openActivity(studio);
    const prompt = 'two lanterns on a jetty, gouache';
    const job = await submit(studio, { provider: 'revid-gpt4o', model: 'gpt4o-image', prompt, count: 2 });
    await studio.waitForJob(job.id, 'completed');

    const card = jobCard(page, prompt);
    await expect(card.getByText(/1 of 2 pictures could not be saved/)).toBeVisible();
    await expect(card.getByText(/revid GPT-4o keeps the unsaved picture for 1[34] d \d+ h more; Save again fetches it until then, with no new charge\./)).toBeVisible();
    await card.getByRole('button', { name: 'Save again' }).click();
    await expect(card.getByText(/keeps the unsaved picture/)).toHaveCount(0, { timeout: 15_000 });
    await expect(card.getByRole('button', { name: /Open picture \d in the Library/ })).toHaveCount(2);
    expect(gpt4o.jobs()).toHaveLength(1);
  });
});

test.describe('a vendor that keeps failing', () => {
  test.use({ emulators: ['revid'], emulatorOptions: { revid: { jobDurationMs: 50 } }, keys: { revid: EMULATOR_KEYS.revid } });

  test('pauses the job, says nothing was charged and when Easel tries again, and "Try now" sends it', async ({ studio }) => {
    // Every attempt of one round answers 503 (the first try and the harness's two retries).
    studio.emulator('revid').inject('create', { kind: 'status', status: 503 }, 3);
    const page = await openActivity(studio);
    const prompt = 'a tram climbing a hill, afternoon sun';
    const job = await submit(studio, { provider: 'revid', model: 'nano-banana', prompt });
    await studio.waitForJob(job.id, (view) => view.warning !== undefined && !view.active);

    const card = jobCard(page, prompt);
    await expect(card.getByText('Paused', { exact: true })).toBeVisible();
    await expect(card.getByText('Easel tries again every minute')).toBeVisible();
    await expect(card.getByText(/\(503\)\. revid has not taken the job yet, so nothing has been charged\./)).toBeVisible();
    await expect(page.getByText('Nothing running · 1 paused')).toBeVisible();
    // No vendor job exists: three refused creates, none accepted.
    expect(studio.emulator('revid').jobs()).toHaveLength(0);

    await card.getByRole('button', { name: 'Try now' }).click();
    await expect(card.getByText('Done')).toBeVisible({ timeout: 15_000 });
    await expectThumbnailLoaded(card);
    expect(studio.emulator('revid').jobs()).toHaveLength(1);
  });
});

test('a notification click scrolls to its job and marks it', async ({ studio }) => {
  const prompts = Array.from({ length: 9 }, (_, i) => `a mountain lake at first light, study ${i + 1}`);
  const jobs: JobView[] = [];
  for (const prompt of prompts) jobs.push(await submit(studio, { provider: 'sandbox', model: 'sketch', prompt }));
  for (const job of jobs) await studio.waitForJob(job.id);
  const page = await openActivity(studio);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Create' }).click();

  // The oldest job is at the bottom of the list, out of sight.
  const target = jobs[0]!;
  await page.evaluate((jobId) => {
    const harness = (window as unknown as { __easelHarness: { emit(event: string, payload: unknown): void } }).__easelHarness;
    harness.emit('notification.clicked', { jobId, imageId: null });
  }, target.id);

  const card = jobCard(page, prompts[0]!);
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(card).toBeFocused();
  await expect(card).toHaveClass(/job-card-highlight/);
  await expect(card).toBeInViewport();
  await expect(jobCard(page, prompts[8]!)).not.toHaveClass(/job-card-highlight/);
});

test('an empty Activity offers Create', async ({ studio }) => {
  const page = await openActivity(studio);
  await expect(page.getByText('Nothing here yet')).toBeVisible();
  // One way forward, not the header's and the empty state's side by side.
  await expect(page.getByRole('button', { name: 'New picture' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Create a picture' }).click();
  await expect(page.getByRole('heading', { name: 'Create', level: 1 })).toBeVisible();
});
