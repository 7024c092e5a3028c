// settings.*: read and change the person's settings. Two changes could hand a compromised page
// what it must never get, so main asks the person in a native dialog first: pointing a provider
// that has a key at a new address (the key goes wherever the base URL points), and accepting
// Linux's basic_text key storage. The library folder is chosen in the OS folder picker, never
// named by the page. A new library folder applies at the next start; the answer says so.
import path from 'node:path';
import { accountForProvider } from '../../../shared/contract-keys';
import type { SettingsPatch, SettingsView } from '../../../shared/contract-settings';
import { EaselError } from '../errors/easel-error';
import { BASIC_TEXT_WARNING } from '../keys/key-vault';
import type { HandlersFor, ServiceContext } from './service-context';
import type { ConfirmPrompt } from './shell-service';

export function settingsView(context: ServiceContext): SettingsView {
  const settings = context.settings.get();
  const configured = path.resolve(settings.libraryDir ?? context.defaultLibraryDir);
  const inUse = path.resolve(context.core.paths.libraryDir);
  return { settings, libraryDirInUse: inUse, defaultLibraryDir: context.defaultLibraryDir, restartRequired: configured !== inUse };
}

export function settingsHandlers(context: ServiceContext): HandlersFor<'settings'> {
  const changed = (): SettingsView => {
    const view = settingsView(context);
    context.events.publish('settings.changed', view);
    return view;
  };

  return {
    async 'settings.get'() {
      return settingsView(context);
    },

    async 'settings.set'(patch) {
      for (const prompt of await promptsFor(context, patch)) {
        if (!(await context.shell.confirm(prompt))) throw new EaselError('CANCELED', 'Nothing was changed.');
      }
      context.settings.update(patch);
      return changed();
    },

    async 'settings.chooseLibraryDir'() {
      const current = settingsView(context);
      const folder = await context.shell.chooseFolder({ title: 'Choose the folder for Easel’s library', defaultPath: current.settings.libraryDir ?? current.defaultLibraryDir });
      if (folder === null) return current;
      context.settings.update({ libraryDir: path.resolve(folder) === path.resolve(context.defaultLibraryDir) ? null : path.resolve(folder) });
      return changed();
    },
  };
}

/** The native questions a change needs answered first. */
async function promptsFor(context: ServiceContext, patch: SettingsPatch): Promise<ConfirmPrompt[]> {
  const prompts: ConfirmPrompt[] = [];
  const current = context.settings.get();
  const candidates = Object.entries(patch.baseUrls ?? {}).flatMap(([provider, url]) => {
    if (!url || url === (current.baseUrls as Partial<Record<string, string>>)[provider]) return [];
    const account = accountForProvider(provider as Parameters<typeof accountForProvider>[0]);
    return account !== null ? [{ provider, url, account }] : [];
  });
  const present = await Promise.all(candidates.map(async (c) => (await context.keys.status(c.account)).present));
  const redirected = candidates.filter((_, i) => present[i]);
  if (redirected.length > 0) {
    const lines = redirected.map((r) => `${r.provider} → ${r.url} (receives your ${r.account} key)`);
    prompts.push({
      title: 'Send your API key to a new address?',
      message: redirected.length === 1 ? `Easel will send your ${redirected[0]!.account} API key to ${hostOf(redirected[0]!.url)}.` : 'Easel will send your API keys to new addresses.',
      detail: `${lines.join('\n')}\n\nWhoever runs that server receives the key with every request. Continue only if you set this address yourself (a proxy, a regional endpoint, a test emulator).`,
      confirmLabel: 'Use this address',
    });
  }
  if (patch.keyStorage?.allowBasicText === true && !current.keyStorage.allowBasicText && (await context.keys.storage()).weak) {
    prompts.push({ title: 'Store keys without a keyring?', message: 'Keys would be readable by any program running as you.', detail: BASIC_TEXT_WARNING, confirmLabel: 'Store keys anyway' });
  }
  return prompts;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
