// The harness itself, end to end: the built renderer loads under the app's CSP, window.easel is
// the preload's bridge bound to a real core, errors cross as the app's do, a key never comes back,
// and a sandbox job submitted from the page reports its way to completed and its picture loads.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHANNELS, type EaselApi } from '../../shared/contract';
import type { JobView } from '../../shared/contract-jobs';
import { dropFiles, expect, pasteImage, test } from './harness/studio';

/** window.easel as the page sees it (typed here, whatever renderer/env.d.ts declares today). */
type EaselPage = { easel: EaselApi };

test('the built app loads with window.easel bound to the real service', async ({ studio }) => {
  await studio.open();
  await expect(studio.page).toHaveTitle('Easel');

  const shape = await studio.page.evaluate(() => {
    const { easel } = window as unknown as EaselPage;
    return {
      frozen: Object.isFrozen(easel) && Object.isFrozen(easel.jobs) && Object.isFrozen(easel.files),
      version: easel.version,
      namespaces: Object.keys(easel).sort(),
    };
  });
  expect(shape.frozen).toBe(true);
  expect(shape.version).toMatch(/^\d+\.\d+\.\d+/);
  const namespaces = new Set(CHANNELS.map((channel) => channel.split('.')[0]!));
  expect(shape.namespaces).toEqual([...namespaces, 'files', 'on', 'version'].sort());

  const providers = await studio.page.evaluate(() => (window as unknown as EaselPage).easel.providers.catalog());
  expect(providers.map((provider) => provider.id).sort()).toEqual(['kvid', 'revid', 'revid-gpt4o', 'revid-nano-banana', 'sandbox', 'unified']);
  expect(studio.invocations.map((call) => call.channel)).toContain('providers.catalog');

  expect(studio.pageErrors).toEqual([]);
  expect(studio.consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

test('a key set from the page never comes back to it', async ({ studio }) => {
  const key = 'sk_live_smoke_123456';
  await studio.open();
  const answers = await studio.page.evaluate(async (secret) => {
    const { easel } = window as unknown as EaselPage;
    const set = await easel.keys.set({ account: 'revid', key: secret });
    const status = await easel.keys.status();
    const catalog = await easel.providers.catalog();
    return { set, status, catalog };
  }, key);

  expect(answers.set).toMatchObject({ account: 'revid', present: true, lastFour: '3456' });
  expect(answers.status.accounts.find((account) => account.account === 'revid')).toMatchObject({ present: true, lastFour: '3456' });
  expect(JSON.stringify(answers)).not.toContain(key);
  expect(JSON.stringify(answers)).not.toContain('smoke_12');
  // Every answer the page received, not only these three.
  for (const call of studio.invocations) expect(JSON.stringify(call.output)).not.toContain(key);
  // And the key did reach the vault.
  expect(await studio.keys.get('revid')).toBe(key);
});

test('a call with bad input rejects with a plain Error carrying the code in its message', async ({ studio }) => {
  await studio.open();
  const failures = await studio.page.evaluate(async () => {
    const { easel } = window as unknown as EaselPage;
    const attempt = async (call: () => Promise<unknown>) => {
      try {
        await call();
        return null;
      } catch (error) {
        return {
          isError: error instanceof Error,
          message: error instanceof Error ? error.message : String(error),
          // contextBridge keeps only the message; the harness must not offer more than the app.
          code: (error as { code?: unknown }).code ?? null,
        };
      }
    };
    const untyped = easel as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    return {
      jobId: await attempt(() => untyped.jobs!.get!({ jobId: '../../etc/passwd' })),
      submit: await attempt(() => untyped.jobs!.submit!({ provider: 'sandbox' })),
      key: await attempt(() => untyped.keys!.set!({ account: 'revid', key: 'sk live with spaces 123' })),
      unknownEvent: await attempt(async () => (easel.on as (event: string, listener: () => void) => () => void)('no.such.event', () => {})),
    };
  });
  for (const failure of [failures.jobId, failures.submit, failures.key]) {
    expect(failure).not.toBeNull();
    expect(failure!.isError).toBe(true);
    expect(failure!.message).toMatch(/^\[INVALID_INPUT\] /);
    expect(failure!.code).toBeNull();
  }
  // The refused key is not echoed back in the message either.
  expect(failures.key!.message).not.toContain('with spaces');
  expect(failures.unknownEvent?.message).toContain('no event called "no.such.event"');
});

test('a sandbox job submitted from the page reports its way to completed, and its picture loads', async ({ studio }) => {
  await studio.open();
  const outcome = await studio.page.evaluate(async () => {
    const { easel } = window as unknown as EaselPage;
    const states: string[] = [];
    let libraryChanges = 0;
    const offLibrary = easel.on('library.changed', () => void libraryChanges++);
    let jobId = '';
    const completed = new Promise<JobView>((resolve, reject) => {
      const off = easel.on('jobs.changed', (job) => {
        if (jobId !== '' && job.id !== jobId) return;
        states.push(job.state);
        if (job.state === 'completed') {
          off();
          resolve(job);
        } else if (job.state === 'failed' || job.state === 'expired' || job.state === 'canceled') {
          off();
          reject(new Error(`job ended ${job.state}: ${job.error?.message ?? ''}`));
        }
      });
    });
    const submitted = await easel.jobs.submit({ provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse at dusk' });
    jobId = submitted.id;
    const job = await completed;
    offLibrary();
    const page = await easel.library.query({ text: 'lighthouse' });
    const item = page.items[0];
    if (!item) throw new Error('the picture is not in the library');
    const image = new Image();
    image.src = item.url;
    await image.decode();
    const thumb = new Image();
    thumb.src = item.thumbUrl;
    await thumb.decode();
    return { jobId, states, job, libraryChanges, total: page.total, item, naturalWidth: image.naturalWidth, thumbWidth: thumb.naturalWidth };
  });

  expect(outcome.states.at(-1)).toBe('completed');
  expect(outcome.states.length).toBeGreaterThan(1);
  expect(outcome.libraryChanges).toBeGreaterThan(0);
  expect(outcome.total).toBe(1);
  expect(outcome.item.jobId).toBe(outcome.jobId);
  expect(outcome.item.url.startsWith(`${studio.origin}/media/library/`)).toBe(true);
  expect(outcome.naturalWidth).toBeGreaterThan(0);
  expect(outcome.thumbWidth).toBeGreaterThan(0);
  // The same job, seen from the test process.
  const job = await studio.waitForJob(outcome.jobId);
  expect(job.results[0]?.saved?.imageId).toBe(outcome.item.imageId);
  expect(studio.events.some((event) => event.event === 'jobs.changed' && event.payload.id === outcome.jobId && event.payload.state === 'completed')).toBe(true);
});

test('files dropped or pasted in the page arrive as Files whose path easel.files.pathFor knows', async ({ studio }) => {
  const icon = fileURLToPath(new URL('../../resources/icon.png', import.meta.url));
  await studio.open();
  // A stand-in drop zone: the renderer's own zones are tested by their specs.
  await studio.page.evaluate(() => {
    const { easel } = window as unknown as EaselPage;
    const zone = document.createElement('div');
    zone.id = 'harness-zone';
    zone.tabIndex = 0;
    zone.style.cssText = 'position:fixed;inset:0 auto auto 0;width:100px;height:100px';
    document.body.append(zone);
    const seen: Array<{ via: string; name: string; type: string; size: number; path: string }> = [];
    const record = (via: string, files: FileList | undefined) => {
      for (const file of Array.from(files ?? [])) seen.push({ via, name: file.name, type: file.type, size: file.size, path: easel.files.pathFor(file) });
    };
    zone.addEventListener('dragover', (event) => event.preventDefault());
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      record('drop', event.dataTransfer?.files);
    });
    zone.addEventListener('paste', (event) => {
      event.preventDefault();
      record('paste', event.clipboardData?.files);
    });
    (window as unknown as { seen: typeof seen }).seen = seen;
  });

  const drop = await dropFiles(studio.page, '#harness-zone', [icon, { path: icon, name: 'notes.txt', type: 'text/plain' }]);
  expect(drop).toEqual({ dropped: true, handled: true });
  expect(await pasteImage(studio.page, '#harness-zone', icon, { name: 'screenshot.png' })).toEqual({ handled: true });

  const seen = await studio.page.evaluate(() => (window as unknown as { seen: unknown[] }).seen);
  const bytes = (await stat(icon)).size;
  expect(seen).toEqual([
    { via: 'drop', name: 'icon.png', type: 'image/png', size: bytes, path: icon },
    { via: 'drop', name: 'notes.txt', type: 'text/plain', size: bytes, path: icon },
    { via: 'paste', name: 'screenshot.png', type: 'image/png', size: bytes, path: '' },
  ]);

  // A target that never accepts the drag gets no drop, as in a real browser.
  expect(await dropFiles(studio.page, 'body', [icon])).toEqual({ dropped: false, handled: false });
});
