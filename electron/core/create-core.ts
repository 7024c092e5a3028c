// The composition root: one place that builds the core from its parts and the services the
// host injects (keys and base URLs, notifications, paths). The CLI, the desktop main process
// and the browser test harness all call this, so they all run the same core.
import path from 'node:path';
import type { ProviderInfo } from '../../shared/catalog';
import { envProviderAccess, type ProviderAccess } from './config/provider-access';
import type { Paths } from './config/data-paths';
import { createHttpClient, type HttpClient } from './http/http-client';
import { withSandbox } from './http/routing-http-client';
import { createSandboxStudio } from './providers/sandbox/sandbox-studio';
import { createJobStore, type JobStore } from './jobs/job-store';
import { JobRunner, type Notifier } from './jobs/job-runner';
import { DEFAULT_TIMING, type TimingPolicy } from './jobs/timing-policy';
import { createLibrary, type Library } from './library/library';
import type { ProviderAdapter } from './providers/provider-adapter';
import { createProviderRegistry, providerInfo, type ProviderRegistry } from './providers/provider-registry';

export interface CoreOptions {
  paths: Paths;
  access?: ProviderAccess;
  notifier?: Notifier;
  timing?: TimingPolicy;
  adapters?: readonly ProviderAdapter[];
  http?: HttpClient;
  /** How long a sandbox job takes (a short demo delay by default). */
  sandboxDelayMs?: number;
}

export interface Core {
  readonly paths: Paths;
  readonly runner: JobRunner;
  readonly library: Library;
  readonly store: JobStore;
  readonly providers: ProviderRegistry;
  catalog(): ProviderInfo[];
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const access = options.access ?? envProviderAccess();
  const providers = createProviderRegistry(options.adapters);
  const network = options.http ?? createHttpClient();
  const http = withSandbox(network, createSandboxStudio(options.sandboxDelayMs));
  const store = createJobStore(options.paths.dataDir);
  const library = createLibrary({ root: options.paths.libraryDir, indexPath: path.join(options.paths.dataDir, 'library-index.db') });
  const runner = new JobRunner({
    store,
    library,
    providers,
    access,
    http,
    timing: options.timing ?? DEFAULT_TIMING,
    ...(options.notifier ? { notifier: options.notifier } : {}),
  });
  return {
    paths: options.paths,
    runner,
    library,
    store,
    providers,
    catalog: () => providers.all().map((a) => providerInfo(a, access.baseUrl(a))),
    async close() {
      await runner.stop();
      library.close();
      if (!options.http) await network.close();
    },
  };
}
