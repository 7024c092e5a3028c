// The desktop's whole API over the core, one async function per contract channel, in plain Node.
// Main registers these on ipcMain (after its sender check, through dispatchChannel); the browser
// test harness binds the very same object with page.exposeBinding. Nothing here knows which host
// it runs in: the OS pieces (trash, clipboard, drag, notifications, key encryption) are injected.
import type { EaselHandlers, EventName, Events } from '../../../shared/contract';
import type { JobRecord } from '../../../shared/domain';
import type { z } from 'zod';
import type { Core } from '../create-core';
import { createHttpClient, type HttpClient } from '../http/http-client';
import type { KeyVault } from '../keys/key-vault';
import { imageIdFor } from '../library/library-layout';
import type { Thumbnails } from '../library/thumbnails';
import type { SettingsStore } from '../settings/settings-store';
import { loadDismissedJobs } from './dismissed-jobs';
import { jobHandlers } from './job-handlers';
import { toJobView } from './job-views';
import { keyHandlers } from './key-handlers';
import { libraryHandlers } from './library-handlers';
import { DEFAULT_MEDIA_BASE } from './media-url';
import { providerHandlers } from './provider-handlers';
import { referenceHandlers } from './reference-staging';
import type { ServiceContext } from './service-context';
import { createServiceEvents, type ServiceListener } from './service-events';
import { settingsHandlers } from './settings-handlers';
import type { ShellService } from './shell-service';

export interface EaselServiceDeps {
  core: Core;
  keys: KeyVault;
  settings: SettingsStore;
  shell: ShellService;
  thumbnails: Pick<Thumbnails, 'get'>;
  /** The library folder used when settings name none (Pictures/Easel in the app). */
  defaultLibraryDir: string;
  /** For "Test key"; made on first use (and closed by close()) when not given. */
  http?: HttpClient;
  env?: NodeJS.ProcessEnv;
  /** Prefix of picture addresses: easel-media:// (the default) or a test harness's http origin. */
  mediaBase?: string;
  /** Developer diagnostics (main's console). Never sent to the window. */
  log?: (message: string) => void;
}

export interface EaselService {
  readonly handlers: EaselHandlers;
  /** Events for the window: jobs.changed, library.changed, settings.changed, and what the host publishes. */
  subscribe(listener: ServiceListener): () => void;
  /** For the host's own events (menu.command, notification.clicked): checked like the service's. */
  publish<E extends EventName>(event: E, payload: z.input<Events[E]>): void;
  /** Every stored key, for redacting what leaves main. */
  secrets(): Promise<string[]>;
  close(): Promise<void>;
}

export async function createEaselService(deps: EaselServiceDeps): Promise<EaselService> {
  const log = deps.log ?? ((message: string) => console.error(message));
  const events = createServiceEvents(log);
  const dismissed = await loadDismissedJobs(deps.core.paths.dataDir);
  let ownHttp: HttpClient | null = null;

  const mediaBase = deps.mediaBase ?? DEFAULT_MEDIA_BASE;
  const jobView = (job: JobRecord) =>
    toJobView(job, { libraryRoot: deps.core.library.root, mediaBase, dismissed: dismissed.has(job.id), active: deps.core.runner.isActive(job.id) });

  const context: ServiceContext = {
    core: deps.core,
    keys: deps.keys,
    settings: deps.settings,
    shell: deps.shell,
    thumbnails: deps.thumbnails,
    env: deps.env ?? process.env,
    http: () => deps.http ?? (ownHttp ??= createHttpClient()),
    dismissed,
    defaultLibraryDir: deps.defaultLibraryDir,
    mediaBase,
    events,
    log,
    jobView,
  };

  const handlers: EaselHandlers = {
    ...providerHandlers(context),
    ...jobHandlers(context),
    ...libraryHandlers(context),
    ...settingsHandlers(context),
    ...keyHandlers(context),
    ...referenceHandlers(context),
  };

  const stopFollowing = followJobs(context);
  // Dismissed ids of jobs that no longer exist are forgotten once per start.
  void deps.core.runner
    .list()
    .then((jobs) => dismissed.prune(new Set(jobs.map((job) => job.id))))
    .catch(() => {});

  return {
    handlers,
    subscribe: events.subscribe,
    publish: events.publish,
    secrets: () => deps.keys.secrets(),
    async close() {
      stopFollowing();
      if (ownHttp) await ownHttp.close();
    },
  };
}

/** Every saved job becomes a jobs.changed event; newly saved pictures also a library.changed. */
function followJobs(context: ServiceContext): () => void {
  const savedCounts = new Map<string, number>();
  return context.core.runner.onJobChanged((job) => {
    context.events.publish('jobs.changed', context.jobView(job));
    const saved = job.results.filter((result) => result.saved);
    const before = savedCounts.get(job.id) ?? 0;
    if (saved.length > before) {
      context.events.publish('library.changed', { reason: 'added', imageIds: saved.map((result) => imageIdFor(job.id, result.index)) });
    }
    if (job.state === 'completed' || job.state === 'failed' || job.state === 'expired' || job.state === 'canceled') savedCounts.delete(job.id);
    else savedCounts.set(job.id, saved.length);
  });
}
