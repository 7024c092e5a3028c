// What every group of handlers shares: the core, the injected services, and the small pieces of
// state the service itself keeps (dismissed jobs, the event hub).
import type { ChannelName, EaselHandlers } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import type { JobRecord } from '../../../shared/domain';
import type { Core } from '../create-core';
import type { HttpClient } from '../http/http-client';
import type { KeyVault } from '../keys/key-vault';
import type { Thumbnails } from '../library/thumbnails';
import type { SettingsStore } from '../settings/settings-store';
import type { DismissedJobs } from './dismissed-jobs';
import type { ServiceEvents } from './service-events';
import type { ShellService } from './shell-service';

export interface ServiceContext {
  core: Core;
  keys: KeyVault;
  settings: SettingsStore;
  shell: ShellService;
  thumbnails: Pick<Thumbnails, 'get'>;
  env: NodeJS.ProcessEnv;
  /** The HTTP client for "Test key" (made on first use when the host gave none). */
  http(): HttpClient;
  dismissed: DismissedJobs;
  /** The library folder used when settings name none. */
  defaultLibraryDir: string;
  /** Prefix of picture addresses in views (easel-media:// in the app). */
  mediaBase: string;
  events: ServiceEvents;
  log(message: string): void;
  jobView(job: JobRecord): JobView;
}

/** The handlers of one namespace (`jobs`, `library`…). */
export type HandlersFor<N extends string> = Pick<EaselHandlers, Extract<ChannelName, `${N}.${string}`>>;
