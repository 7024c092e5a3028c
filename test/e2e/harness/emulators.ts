// The vendor emulators a browser test can ask for, by provider id, and the environment that
// points the core at them (EASEL_<ID>_BASE_URL, as the desktop reads it). A vendor nobody asked
// for keeps the service fixture's closed port, so a test can never reach a real API by accident.
import type { KeyAccount } from '../../../shared/contract-keys';
import { startKvidEmulator, type KvidEmulator, type KvidEmulatorOptions } from '../../emulators/kvid-emulator';
import { startRevidGpt4oEmulator, type RevidGpt4oEmulator, type RevidGpt4oEmulatorOptions } from '../../emulators/revid-gpt4o-emulator';
import {
  startRevidNanoBananaEmulator,
  type RevidNanoBananaEmulator,
  type RevidNanoBananaEmulatorOptions,
} from '../../emulators/revid-nano-banana-emulator';
import { startRevidV1Emulator, type RevidV1Emulator, type RevidV1EmulatorOptions } from '../../emulators/revid-v1-emulator';
import { startUnifiedEmulator, type UnifiedEmulator, type UnifiedEmulatorOptions } from '../../emulators/unified-emulator';

export interface Emulators {
  revid: RevidV1Emulator;
  'revid-gpt4o': RevidGpt4oEmulator;
  'revid-nano-banana': RevidNanoBananaEmulator;
  kvid: KvidEmulator;
  unified: UnifiedEmulator;
}
export type EmulatorId = keyof Emulators;

export interface EmulatorOptions {
  revid?: RevidV1EmulatorOptions;
  'revid-gpt4o'?: RevidGpt4oEmulatorOptions;
  'revid-nano-banana'?: RevidNanoBananaEmulatorOptions;
  kvid?: KvidEmulatorOptions;
  unified?: UnifiedEmulatorOptions;
}

export const EMULATOR_IDS = ['revid', 'revid-gpt4o', 'revid-nano-banana', 'kvid', 'unified'] as const satisfies readonly EmulatorId[];

/** The key each emulator accepts unless its options say otherwise (one revid account for three APIs). */
export const EMULATOR_KEYS: Readonly<Record<KeyAccount, string>> = {
  revid: 'sk_live_test',
  kvid: 'kvid_test_key',
  unified: 'sk_unified_test',
};

export function baseUrlVariable(id: EmulatorId): string {
  return `EASEL_${id.toUpperCase().replace(/-/g, '_')}_BASE_URL`;
}

export interface StartedEmulators {
  emulators: Partial<Emulators>;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startEmulators(ids: readonly EmulatorId[], options: EmulatorOptions = {}): Promise<StartedEmulators> {
  const emulators: Partial<Emulators> = {};
  const env: NodeJS.ProcessEnv = {};
  const started: Array<{ close(): Promise<void> }> = [];
  const close = async () => {
    await Promise.all(started.map((emulator) => emulator.close()));
  };
  try {
    for (const id of new Set(ids)) {
      const emulator = await startOne(id, options, emulators);
      started.push(emulator);
      env[baseUrlVariable(id)] = emulator.url;
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { emulators, env, close };
}

async function startOne(id: EmulatorId, options: EmulatorOptions, into: Partial<Emulators>): Promise<Emulators[EmulatorId]> {
  switch (id) {
    case 'revid':
      return (into.revid = await startRevidV1Emulator(options.revid));
    case 'revid-gpt4o':
      return (into['revid-gpt4o'] = await startRevidGpt4oEmulator(options['revid-gpt4o']));
    case 'revid-nano-banana':
      return (into['revid-nano-banana'] = await startRevidNanoBananaEmulator(options['revid-nano-banana']));
    case 'kvid':
      return (into.kvid = await startKvidEmulator(options.kvid));
    case 'unified':
      return (into.unified = await startUnifiedEmulator(options.unified));
  }
}
