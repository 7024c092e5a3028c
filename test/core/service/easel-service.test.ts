// The service end to end against a real core with the sandbox provider: what the window (or the
// browser harness) can do, with only the OS pieces recorded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../../shared/contract-jobs';
import type { LibraryItemView, LibraryPage } from '../../../shared/contract-library';
import type { KeysStatus, KeyStatus, KeyTestResult } from '../../../shared/contract-keys';
import type { SettingsView } from '../../../shared/contract-settings';
import type { ProviderView } from '../../../shared/contract';
import { startServiceFixture, valueOf, type ServiceFixture } from './service-fixture';

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function completedSandboxJob(f: ServiceFixture, prompt = 'a lighthouse at dusk'): Promise<JobView> {
  const submitted = valueOf<JobView>(await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt, seed: 3 }));
  expect(submitted.state).toBe('draft');
  await expect.poll(async () => valueOf<JobView | null>(await f.call('jobs.get', { jobId: submitted.id }))?.state, { timeout: 15_000 }).toBe('completed');
  return valueOf<JobView>(await f.call('jobs.get', { jobId: submitted.id }));
}

describe('easel service over a real core', () => {
  it('submits a sandbox job, follows it to the end, and finds the picture in the library', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await completedSandboxJob(f);

    const saved = job.results[0]?.saved;
    expect(saved?.imageId).toBe(`${job.id}_0`);
    expect(saved?.url).toMatch(/^easel-media:\/\/library\/\d{4}\/\d{2}\/.+\.png$/);
    expect(saved?.thumbUrl).toMatch(/^easel-media:\/\/thumb\/256\//);
    expect(job.tasks[0]).not.toHaveProperty('idempotencyKey');
    expect(job.results[0]).not.toHaveProperty('url');

    const page = valueOf<LibraryPage>(await f.call('library.query', { text: 'lighthouse' }));
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ imageId: saved?.imageId, provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse at dusk', favorite: false });
    expect(page.items[0]).not.toHaveProperty('sidecarPath');
    expect(valueOf<LibraryPage>(await f.call('library.query', { text: 'submarine' })).total).toBe(0);

    // The window heard about it as it happened.
    const kinds = f.events.map((e) => e.event);
    expect(kinds).toContain('jobs.changed');
    expect(f.events).toContainEqual({ event: 'library.changed', payload: { reason: 'added', imageIds: [saved?.imageId] } });
    const states = f.events.flatMap((e) => (e.event === 'jobs.changed' ? [e.payload.state] : []));
    expect(states.at(-1)).toBe('completed');
  });

  it('favourites, reveals, copies, drags and trashes a picture through the shell, by id only', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await completedSandboxJob(f);
    const imageId = job.results[0]!.saved!.imageId;
    const item = valueOf<LibraryItemView>(await f.call('library.get', { imageId }));

    expect(valueOf<LibraryItemView>(await f.call('library.favorite', { imageId, favorite: true })).favorite).toBe(true);
    expect(valueOf<LibraryPage>(await f.call('library.query', { favorite: true })).total).toBe(1);

    valueOf(await f.call('library.reveal', { imageId }));
    valueOf(await f.call('library.copyImage', { imageId }));
    valueOf(await f.call('library.startDrag', { imageId }));
    const drag = f.shell.calls.find((c) => c.method === 'startDrag');
    expect(drag?.args[0]).toBe(item.path);
    expect(f.shell.calls.map((c) => c.method)).toEqual(['reveal', 'copyImage', 'startDrag']);
    // The icon is a 64 px PNG thumbnail once made (the very first drag may not wait for it).
    await expect
      .poll(async () => {
        valueOf(await f.call('library.startDrag', { imageId }));
        return String(f.shell.calls.at(-1)?.args[1]);
      })
      .toMatch(/thumbnails.+-64\.png$/);
    expect(existsSync(String(f.shell.calls.at(-1)?.args[1]))).toBe(true);
    f.shell.calls.length = 0;

    const trashed = valueOf<{ trashed: string[]; failed: unknown[] }>(await f.call('library.trash', { imageIds: [imageId, 'not-a-picture_0'] }));
    expect(trashed.trashed).toEqual([imageId]);
    expect(trashed.failed).toEqual([{ imageId: 'not-a-picture_0', message: expect.stringMatching(/not in the library/) }]);
    const trashCall = f.shell.calls.find((c) => c.method === 'trash');
    expect(trashCall).toBeDefined();
    expect(trashCall?.args[0]).toEqual([item.path, item.path.replace(/\.png$/, '.json')]);
    // The service never deletes: the recording shell moved nothing, so the file is still there.
    expect(existsSync(item.path)).toBe(true);
    expect(valueOf(await f.call('library.get', { imageId }))).toBeNull();

    const missing = await f.call('library.reveal', { imageId });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('keeps a picture in the gallery when the OS will not move it to the trash', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await completedSandboxJob(f);
    const imageId = job.results[0]!.saved!.imageId;
    f.shell.failTrash = true;
    const result = valueOf<{ trashed: string[]; failed: Array<{ message: string }> }>(await f.call('library.trash', { imageIds: [imageId] }));
    expect(result.trashed).toEqual([]);
    expect(result.failed[0]?.message).toMatch(/could not be moved to the trash/);
    expect(valueOf(await f.call('library.get', { imageId }))).not.toBeNull();
  });

  it('dismisses only finished jobs, hides them from Activity and remembers that across restarts', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await completedSandboxJob(f);
    const dismissed = valueOf<JobView>(await f.call('jobs.dismiss', { jobId: job.id }));
    expect(dismissed.dismissed).toBe(true);
    expect(valueOf<JobView[]>(await f.call('jobs.list'))).toEqual([]);
    expect(valueOf<JobView[]>(await f.call('jobs.list', { includeDismissed: true })).map((j) => j.id)).toEqual([job.id]);
    expect(existsSync(path.join(f.dataDir, 'dismissed-jobs.json'))).toBe(true);

    const unknown = await f.call('jobs.dismiss', { jobId: 'aaaaaaaa-0000-0000-0000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to dismiss a job that is still running', async () => {
    fixture = await startServiceFixture({ core: { sandboxDelayMs: 5_000 } });
    const f = fixture;
    const job = valueOf<JobView>(await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'slow' }));
    const refused = await f.call('jobs.dismiss', { jobId: job.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/finished/) } });
    const canceled = valueOf<JobView>(await f.call('jobs.cancel', { jobId: job.id }));
    expect(canceled.state).toBe('canceled');
  });

  it('retries a finished job by following the new job at once', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const job = await completedSandboxJob(f);
    const retried = valueOf<JobView>(await f.call('jobs.retry', { jobId: job.id }));
    expect(retried.id).not.toBe(job.id);
    expect(retried.request.prompt).toBe(job.request.prompt);
    expect(['draft', 'submitting', 'running', 'downloading', 'completed']).toContain(retried.state);
    await expect.poll(async () => valueOf<JobView | null>(await f.call('jobs.get', { jobId: retried.id }))?.state, { timeout: 15_000 }).toBe('completed');
  });

  it('refuses a request the model cannot take before anything is written', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const refused = await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'x', count: 9 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/cannot make 9 images/) } });
    const noKey = await f.call('jobs.submit', { provider: 'revid', model: 'nano-banana', prompt: 'x' });
    expect(noKey).toMatchObject({ ok: false, error: { code: 'MISSING_KEY', message: expect.stringMatching(/Settings → API keys/) } });
    expect(valueOf<JobView[]>(await f.call('jobs.list'))).toEqual([]);
  });

  it('lists providers with their key account, key presence and the source of their address', async () => {
    fixture = await startServiceFixture({ env: { EASEL_REVID_BASE_URL: 'http://127.0.0.1:1' } });
    const f = fixture;
    valueOf(await f.call('keys.set', { account: 'revid', key: 'sk_live_abcdefgh1234' }));
    valueOf(await f.call('settings.set', { baseUrls: { unified: 'https://unified.example/api' } }));
    const catalog = valueOf<ProviderView[]>(await f.call('providers.catalog'));
    const byId = new Map(catalog.map((p) => [p.id, p]));
    expect(byId.get('revid')).toMatchObject({ keyAccount: 'revid', keyPresent: true, baseUrl: 'http://127.0.0.1:1', baseUrlSource: 'env' });
    expect(byId.get('unified')).toMatchObject({ keyAccount: 'unified', keyPresent: false, baseUrl: 'https://unified.example/api', baseUrlSource: 'settings' });
    expect(byId.get('sandbox')).toMatchObject({ keyAccount: null, keyPresent: false, baseUrlSource: 'builtin' });
    expect(byId.get('sandbox')?.models.length).toBeGreaterThan(0);
  });

  it('reads and changes settings, and takes a new library folder from the OS picker only', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    const before = valueOf<SettingsView>(await f.call('settings.get'));
    expect(before).toMatchObject({ restartRequired: false, libraryDirInUse: path.join(f.dataDir, 'library') });
    expect(valueOf<SettingsView>(await f.call('settings.set', { theme: 'light' })).settings.theme).toBe('light');
    expect(f.events.at(-1)).toMatchObject({ event: 'settings.changed' });

    // The page cannot name a folder (easel-media: serves whatever the library folder holds)…
    const named = await f.call('settings.set', { libraryDir: '/' });
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // …the person picks one in the OS dialog.
    f.shell.folder = null;
    expect(valueOf<SettingsView>(await f.call('settings.chooseLibraryDir')).restartRequired).toBe(false);
    f.shell.folder = path.join(f.dataDir, 'elsewhere');
    const after = valueOf<SettingsView>(await f.call('settings.chooseLibraryDir'));
    expect(after.settings.libraryDir).toBe(path.join(f.dataDir, 'elsewhere'));
    expect(after.restartRequired).toBe(true);
    expect(valueOf<SettingsView>(await f.call('settings.set', { libraryDir: null })).restartRequired).toBe(false);

    const bad = await f.call('settings.set', { baseUrls: { revid: 'ftp://old.example' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/https:\/\//) } });
  });

  it('asks the person natively before a key would go to a new address, and changes nothing on no', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    // No key yet: nothing to leak, no question.
    valueOf(await f.call('settings.set', { baseUrls: { revid: 'https://proxy.example' } }));
    expect(f.shell.prompts).toEqual([]);

    valueOf(await f.call('keys.set', { account: 'revid', key: 'sk_live_abcdefgh1234' }));
    f.shell.answer = false;
    const refused = await f.call('settings.set', { baseUrls: { 'revid-gpt4o': 'https://evil.example/api' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CANCELED' } });
    expect(f.shell.prompts[0]).toMatchObject({ message: 'Easel will send your revid API key to evil.example.', confirmLabel: 'Use this address' });
    expect(f.settings.get().baseUrls).toEqual({ revid: 'https://proxy.example' });

    f.shell.answer = true;
    valueOf(await f.call('settings.set', { baseUrls: { 'revid-gpt4o': 'https://eu.proxy.example' } }));
    expect(f.settings.get().baseUrls).toMatchObject({ 'revid-gpt4o': 'https://eu.proxy.example' });
    // Removing an override or setting the same address again asks nothing.
    const asked = f.shell.prompts.length;
    valueOf(await f.call('settings.set', { baseUrls: { revid: null, 'revid-gpt4o': 'https://eu.proxy.example' } }));
    expect(f.shell.prompts).toHaveLength(asked);
  });

  it('manages keys write-only and refuses basic_text until the person opts in through settings', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    f.cipher.backendName = 'basic_text';
    const status = valueOf<KeysStatus>(await f.call('keys.status'));
    expect(status.storage).toMatchObject({ weak: true, canStore: false, warning: expect.stringMatching(/hard-coded/) });
    const refused = await f.call('keys.set', { account: 'kvid', key: 'kv_live_12345678' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSECURE_KEY_STORAGE', message: expect.stringMatching(/basic_text/) } });
    // The opt-in itself is confirmed in a native dialog that carries the warning.
    f.shell.answer = false;
    expect(await f.call('settings.set', { keyStorage: { allowBasicText: true } })).toMatchObject({ ok: false, error: { code: 'CANCELED' } });
    expect(f.shell.prompts.at(-1)?.detail).toMatch(/hard-coded/);
    f.shell.answer = true;
    valueOf(await f.call('settings.set', { keyStorage: { allowBasicText: true } }));
    const stored = valueOf<KeyStatus>(await f.call('keys.set', { account: 'kvid', key: '  kv_live_12345678\n' }));
    expect(stored).toMatchObject({ account: 'kvid', present: true, lastFour: '5678' });
    expect(await f.keys.get('kvid')).toBe('kv_live_12345678');
    expect(valueOf<KeyStatus>(await f.call('keys.remove', { account: 'kvid' })).present).toBe(false);
  });

  it('says plainly when a key cannot be tested because the vendor is unreachable', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    expect(valueOf<KeyTestResult>(await f.call('keys.test', { account: 'revid' }))).toMatchObject({ outcome: 'missing' });
    valueOf(await f.call('keys.set', { account: 'revid', key: 'sk_live_abcdefgh1234' }));
    const result = valueOf<KeyTestResult>(await f.call('keys.test', { account: 'revid' }));
    expect(result.outcome).toBe('untestable');
    expect(result.message).toMatch(/could not be tested: Could not reach 127\.0\.0\.1:9/);
    expect(result.message).not.toContain('sk_live_abcdefgh1234');
  });

  it('points picture addresses at another origin for a browser harness', async () => {
    fixture = await startServiceFixture({ service: { mediaBase: 'http://127.0.0.1:4173/media/' } });
    const job = await completedSandboxJob(fixture);
    expect(job.results[0]?.saved?.url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/media\/library\/\d{4}\//);
    const page = valueOf<LibraryPage>(await fixture.call('library.query'));
    expect(page.items[0]?.thumbUrl).toMatch(/^http:\/\/127\.0\.0\.1:4173\/media\/thumb\/256\//);
  });
});
