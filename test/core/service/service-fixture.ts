// A real core (sandbox provider, temp data folder) behind the real service, with the OS pieces
// recorded instead of performed. What the browser harness of issue 5 will build, minus the page.
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { createCore, type Core, type CoreOptions } from '../../../electron/core/create-core';
import { DEFAULT_TIMING } from '../../../electron/core/jobs/timing-policy';
import { desktopProviderAccess } from '../../../electron/core/keys/desktop-provider-access';
import { createKeyVault, type KeyVault } from '../../../electron/core/keys/key-vault';
import { createThumbnails } from '../../../electron/core/library/thumbnails';
import { dispatchChannel } from '../../../electron/core/service/channel-dispatch';
import { createEaselService, type EaselService, type EaselServiceDeps } from '../../../electron/core/service/easel-service';
import type { ServiceEvent } from '../../../electron/core/service/service-events';
import type { ConfirmPrompt, ShellService } from '../../../electron/core/service/shell-service';
import { createSettingsStore, type SettingsStore } from '../../../electron/core/settings/settings-store';
import type { BridgeResult, ChannelName } from '../../../shared/contract';
import { fakeCipher, memoryStore, type FakeCipher } from '../keys/fake-secrets';

export interface RecordedShell extends ShellService {
  calls: Array<{ method: keyof ShellService; args: unknown[] }>;
  failTrash: boolean;
  /** What the person answers to native questions (yes unless a test says otherwise). */
  answer: boolean;
  /** What the folder picker returns. */
  folder: string | null;
  prompts: ConfirmPrompt[];
}

export function recordingShell(): RecordedShell {
  const shell: RecordedShell = {
    calls: [],
    failTrash: false,
    answer: true,
    folder: null,
    prompts: [],
    async trash(paths) {
      shell.calls.push({ method: 'trash', args: [paths] });
      if (shell.failTrash) throw new Error('The trash is not available on this volume.');
    },
    reveal: (file) => void shell.calls.push({ method: 'reveal', args: [file] }),
    async copyImage(file) {
      shell.calls.push({ method: 'copyImage', args: [file] });
    },
    startDrag: (file, icon) => void shell.calls.push({ method: 'startDrag', args: [file, icon] }),
    async confirm(prompt) {
      shell.prompts.push(prompt);
      return shell.answer;
    },
    async chooseFolder() {
      return shell.folder;
    },
  };
  return shell;
}

const OFFLINE_VENDORS: NodeJS.ProcessEnv = {
  EASEL_REVID_BASE_URL: 'http://127.0.0.1:9',
  EASEL_REVID_GPT4O_BASE_URL: 'http://127.0.0.1:9',
  EASEL_REVID_NANO_BANANA_BASE_URL: 'http://127.0.0.1:9',
  EASEL_KVID_BASE_URL: 'http://127.0.0.1:9',
  EASEL_UNIFIED_BASE_URL: 'http://127.0.0.1:9',
};

export interface ServiceFixture {
  dataDir: string;
  core: Core;
  service: EaselService;
  keys: KeyVault;
  cipher: FakeCipher;
  settings: SettingsStore;
  shell: RecordedShell;
  events: ServiceEvent[];
  /** One call the way main makes it: parse, handler, parse, envelope. */
  call(channel: ChannelName | string, input?: unknown): Promise<BridgeResult<unknown>>;
  close(): Promise<void>;
}

export async function startServiceFixture(
  options: { core?: Partial<CoreOptions>; service?: Partial<EaselServiceDeps>; env?: NodeJS.ProcessEnv } = {},
): Promise<ServiceFixture> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'easel-service-'));
  // Tests never talk to a real vendor: unless a test names an emulator, every vendor's base URL
  // is a closed port on this machine.
  const env = { ...OFFLINE_VENDORS, ...options.env };
  const settings = createSettingsStore({ dataDir });
  const cipher = fakeCipher();
  const keys = createKeyVault({ cipher, store: memoryStore(), basicTextConsented: () => settings.get().keyStorage.allowBasicText, platform: 'linux' });
  const core = createCore({
    paths: { dataDir, libraryDir: path.join(dataDir, 'library') },
    access: desktopProviderAccess({ vault: keys, settings, env }),
    timing: { ...DEFAULT_TIMING, pollInitialMs: 10, pollMaxMs: 30, retryBaseMs: 5, retryMaxMs: 10, maxTransientRetries: 2 },
    sandboxDelayMs: 30,
    ...options.core,
  });
  const shell = recordingShell();
  const service = await createEaselService({
    core,
    keys,
    settings,
    shell,
    thumbnails: createThumbnails({ dir: path.join(dataDir, 'thumbnails') }),
    defaultLibraryDir: path.join(dataDir, 'library'),
    env,
    log: () => {},
    ...options.service,
  });
  const events: ServiceEvent[] = [];
  service.subscribe((event) => events.push(event));
  return {
    dataDir,
    core,
    service,
    keys,
    cipher,
    settings,
    shell,
    events,
    call: (channel, input) => dispatchChannel(service.handlers, channel, input, { secrets: () => service.secrets() }),
    async close() {
      await service.close();
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The value of a successful call, or a thrown error naming the code (for readable failures). */
export function valueOf<T = unknown>(result: BridgeResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
