// The Playwright fixture for the studio: per test, a temp data folder, the vendor emulators the
// test asks for, a real core and service (fake cipher, memory key store, settings on disk: the
// pieces of test/core/service/service-fixture.ts), an http origin serving the built renderer
// and library pictures, and a page whose window.easel is the preload's own bridge code bound to
// that service. A click in the page travels the contract down to the emulators and files on disk;
// the service's events travel back up to the page's easel.on listeners.
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import type { CoreOptions } from '../../../electron/core/create-core';
import { createThumbnails } from '../../../electron/core/library/thumbnails';
import { dispatchChannel } from '../../../electron/core/service/channel-dispatch';
import { createMediaResponder, type MediaResponder } from '../../../electron/core/service/media-responder';
import type { ServiceEvent } from '../../../electron/core/service/service-events';
import { FORBIDDEN_SENDER } from '../../../electron/main/ipc-bridge';
import { FINAL_STATES, type JobState } from '../../../shared/domain';
import type { BridgeResult, ChannelName } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import type { KeyAccount } from '../../../shared/contract-keys';
import { startServiceFixture, type ServiceFixture } from '../../core/service/service-fixture';
import { bridgeScript } from './bridge-script';
import { startEmulators, type EmulatorId, type EmulatorOptions, type Emulators } from './emulators';
import type { HarnessWindow } from './page-globals';
import { startStudioServer, type ServedRequest } from './studio-server';

export { expect };
export { dropFiles, pasteImage, type DropResult, type PageFile, type PasteResult } from './page-files';
export { EMULATOR_KEYS, type EmulatorId, type EmulatorOptions, type Emulators } from './emulators';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The renderer build this run serves: global-setup's folder, else out/renderer. */
export const RENDERER_DIR = process.env.EASEL_E2E_RENDERER_DIR ?? path.join(repoRoot, 'out', 'renderer');

/** One call the page made through window.easel, as the core answered it. */
export interface Invocation {
  channel: string;
  input: unknown;
  /** The envelope sent back to the page: { ok: true, value } or { ok: false, error }. */
  output: BridgeResult<unknown>;
  /** Date.now() when the call arrived, and how long the core took. */
  at: number;
  ms: number;
}

export interface StudioOptions {
  /** Vendor emulators to start; each gets its EASEL_<ID>_BASE_URL. Default none (sandbox only). */
  emulators: EmulatorId[];
  /** Per-emulator options (keys, job durations, credits…). */
  emulatorOptions: EmulatorOptions;
  /** Keys stored in the vault before the page opens, e.g. { revid: EMULATOR_KEYS.revid }. */
  keys: Partial<Record<KeyAccount, string>>;
  /** Core options over the service fixture's (fast polling, sandboxDelayMs 30). */
  coreOptions: Partial<CoreOptions>;
  /** Extra environment for the core (base URLs, EASEL_* settings). */
  env: NodeJS.ProcessEnv;
}

export interface OpenOptions {
  /** Path and query on the studio's origin; '/' by default. */
  path?: string;
  /** What "ready" means; by default the React root has rendered something. */
  readySelector?: string;
}

export interface Studio {
  page: Page;
  /** http://127.0.0.1:<port>, serving out/renderer and /media/. */
  origin: string;
  dataDir: string;
  core: ServiceFixture['core'];
  service: ServiceFixture['service'];
  keys: ServiceFixture['keys'];
  settings: ServiceFixture['settings'];
  /** The OS pieces (trash, reveal, copy, drag, dialogs), recorded instead of performed. */
  shell: ServiceFixture['shell'];
  /** The emulators this test asked for, with their request logs (`emulators.revid?.requests()`). */
  emulators: Partial<Emulators>;
  /** The emulator `id`; throws when the test did not ask for it. */
  emulator<I extends EmulatorId>(id: I): Emulators[I];
  /** Every window.easel call the page made, in order of arrival. */
  invocations: Invocation[];
  /** Every event the service published (each was also sent to the page). */
  events: ServiceEvent[];
  /** Developer diagnostics from the service (main's console in the app). */
  logs: string[];
  /** Console errors (CSP violations among them) and uncaught exceptions in the page. */
  consoleErrors: string[];
  pageErrors: string[];
  /** Every request the studio's origin answered (a 404 script or picture shows up here). */
  served: ServedRequest[];
  /** Navigates to the app and waits until it has rendered. */
  open(options?: OpenOptions): Promise<void>;
  /** A call from the test process, the way main makes it (for seeding state; not logged). */
  call<C extends ChannelName>(channel: C, input?: unknown): Promise<BridgeResult<unknown>>;
  /** Resolves with the job once it reaches `until`, a state (completed by default) or a condition; throws if it ends otherwise. */
  waitForJob(jobId: string, until?: JobState | JobCondition, timeoutMs?: number): Promise<JobView>;
}

type WorkerFixtures = { easelBridgeScript: string };

export const test = base.extend<StudioOptions & { studio: Studio }, WorkerFixtures>({
  emulators: [[], { option: true }],
  emulatorOptions: [{}, { option: true }],
  keys: [{}, { option: true }],
  coreOptions: [{}, { option: true }],
  env: [{}, { option: true }],

  easelBridgeScript: [async ({}, use) => use(await bridgeScript()), { scope: 'worker' }],

  studio: async ({ page, emulators: emulatorIds, emulatorOptions, keys, coreOptions, env, easelBridgeScript }, use, testInfo) => {
    if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`No built renderer in ${RENDERER_DIR}: run npm run build, or the suite without EASEL_E2E_SKIP_BUILD=1.`);
    }
    const cleanup: Array<() => Promise<void>> = [];
    const runCleanup = async () => {
      for (const step of cleanup.reverse()) await step().catch(() => {});
    };
    try {
      const started = await startEmulators(emulatorIds, emulatorOptions);
      cleanup.push(started.close);

      let media: MediaResponder | null = null;
      const server = await startStudioServer({ rendererDir: RENDERER_DIR, media: () => media });
      cleanup.push(server.close);

      const logs: string[] = [];
      const fixture = await startServiceFixture({
        env: { ...started.env, ...env },
        core: coreOptions,
        service: { mediaBase: server.mediaBase, log: (message) => logs.push(message) },
      });
      cleanup.push(async () => {
        if (process.env.EASEL_E2E_KEEP_DATA === '1') {
          await fixture.service.close();
          await fixture.core.close();
          testInfo.annotations.push({ type: 'data dir', description: fixture.dataDir });
        } else {
          await fixture.close();
        }
      });
      for (const [account, key] of Object.entries(keys) as Array<[KeyAccount, string | undefined]>) {
        if (key !== undefined) await fixture.keys.set(account, key);
      }
      media = createMediaResponder({
        libraryRoot: () => fixture.core.library.root,
        thumbnails: createThumbnails({ dir: path.join(fixture.dataDir, 'thumbnails') }),
      });

      const studio = await bindPage(page, fixture, server.origin, easelBridgeScript, (message) => logs.push(message), cleanup);
      await use({
        ...studio,
        origin: server.origin,
        emulators: started.emulators,
        emulator<I extends EmulatorId>(id: I): Emulators[I] {
          const emulator = started.emulators[id];
          if (emulator === undefined) throw new Error(`This test started no ${id} emulator: use test.use({ emulators: ['${id}'] }).`);
          return emulator;
        },
        logs,
        served: server.requests,
      });
    } finally {
      await runCleanup();
    }
  },
});

type BoundStudio = Omit<Studio, 'origin' | 'emulators' | 'emulator' | 'logs' | 'served'>;

async function bindPage(
  page: Page,
  fixture: ServiceFixture,
  origin: string,
  script: string,
  log: (message: string) => void,
  cleanup: Array<() => Promise<void>>,
): Promise<BoundStudio> {
  const invocations: Invocation[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  let closed = false;

  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));

  // ipcMain's side: the sender check (main frame of our own origin), then the shared dispatch.
  await page.exposeBinding('__easelInvoke', async (source, channel: unknown, input: unknown) => {
    const at = Date.now();
    let output: BridgeResult<unknown>;
    if (closed) output = { ok: false, error: { code: 'INTERNAL', message: 'The test is over.' } };
    else if (source.frame !== page.mainFrame() || !sameOrigin(source.frame.url(), origin)) output = FORBIDDEN_SENDER;
    else output = await dispatchChannel(fixture.service.handlers, channel, input, { secrets: () => fixture.service.secrets(), log });
    invocations.push({ channel: String(channel), input, output, at, ms: Date.now() - at });
    return output;
  });
  await page.addInitScript({ content: script });

  // webContents.send's side: events in order, one at a time, to the page's listeners. Events
  // while no app page is loaded are lost, as they are in Electron before the page has loaded.
  let pump: Promise<void> = Promise.resolve();
  const unsubscribe = fixture.service.subscribe(({ event, payload }) => {
    if (closed) return;
    pump = pump
      .then(() =>
        page.evaluate(
          ([name, data]) => {
            (window as unknown as Window & HarnessWindow).__easelHarness?.emit(name, data);
          },
          [event, payload] as const,
        ),
      )
      .catch(() => {});
  });
  cleanup.push(async () => {
    closed = true;
    unsubscribe();
    await pump;
  });

  return {
    page,
    dataDir: fixture.dataDir,
    core: fixture.core,
    service: fixture.service,
    keys: fixture.keys,
    settings: fixture.settings,
    shell: fixture.shell,
    invocations,
    events: fixture.events,
    consoleErrors,
    pageErrors,
    async open(options = {}) {
      await page.goto(new URL(options.path ?? '/', origin).href);
      await page.locator(options.readySelector ?? '#root > *').first().waitFor({ state: 'attached' });
    },
    call: (channel, input) => fixture.call(channel, input),
    waitForJob: (jobId, until = 'completed', timeoutMs = 30_000) => waitForJob(fixture, jobId, until, timeoutMs),
  };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** A state no single JobState names: paused (`!job.active && job.warning`), waiting to be saved… */
export type JobCondition = (job: JobView) => boolean;

async function waitForJob(fixture: ServiceFixture, jobId: string, until: JobState | JobCondition, timeoutMs: number): Promise<JobView> {
  const reached: JobCondition = typeof until === 'function' ? until : (job) => job.state === until;
  const state = typeof until === 'function' ? 'the awaited condition' : until;
  return new Promise<JobView>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const check = (job: JobView) => {
      if (job.id !== jobId) return;
      if (reached(job)) finish(() => resolve(job));
      else if (FINAL_STATES.has(job.state)) {
        const reason = job.error ? `: [${job.error.code}] ${job.error.message}` : '';
        finish(() => reject(new Error(`Job ${jobId} ended ${job.state}, not ${state}${reason}`)));
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Job ${jobId} did not reach ${state} within ${timeoutMs} ms.`))), timeoutMs);
    const unsubscribe = fixture.service.subscribe(({ event, payload }) => {
      if (event === 'jobs.changed') check(payload as JobView);
    });
    // It may already be there.
    void fixture.call('jobs.get', { jobId }).then((answer) => {
      if (answer.ok && answer.value !== null) check(answer.value as JobView);
    });
  });
}
