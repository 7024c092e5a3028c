// One valid input per channel. Typed over the contract: a channel added without a sample here
// fails to compile, so the fuzz and leak tests always cover every channel.
import type { ChannelInput, ChannelName } from '../../../shared/contract';

/** A 1×1 PNG, as a pasted screenshot arrives. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export interface SampleIds {
  jobId: string;
  imageId: string;
}

export type ChannelSamples = { [C in ChannelName]: ChannelInput<C> };

export function channelSamples(ids: SampleIds): ChannelSamples {
  return {
    'providers.catalog': undefined,
    'jobs.submit': { provider: 'sandbox', model: 'sketch', prompt: 'a lighthouse at dusk', aspectRatio: '1:1', resolution: '1k', count: 1, seed: 7, references: [], params: { style: 'poster' } },
    'jobs.list': { includeDismissed: true },
    'jobs.get': { jobId: ids.jobId },
    'jobs.cancel': { jobId: ids.jobId },
    'jobs.retry': { jobId: ids.jobId },
    'jobs.dismiss': { jobId: ids.jobId },
    'library.query': { text: 'lighthouse', provider: 'sandbox', model: 'sketch', favorite: false, from: '2000-01-01', to: '2999-12-31', limit: 10, offset: 0 },
    'library.get': { imageId: ids.imageId },
    'library.favorite': { imageId: ids.imageId, favorite: true },
    'library.trash': { imageIds: [ids.imageId] },
    'library.reveal': { imageId: ids.imageId },
    'library.copyImage': { imageId: ids.imageId },
    'library.startDrag': { imageId: ids.imageId },
    'library.reindex': undefined,
    'settings.get': undefined,
    'settings.set': { theme: 'dark', notifications: { enabled: true, onlyWhenUnfocused: true }, baseUrls: { kvid: 'https://api.kvid.ai' } },
    'settings.chooseLibraryDir': undefined,
    'keys.status': undefined,
    'keys.set': { account: 'kvid', key: 'kv_sample_key_5678' },
    'keys.remove': { account: 'unified' },
    'keys.test': { account: 'revid' },
    'references.stage': { name: 'screenshot.png', data: TINY_PNG_BASE64 },
  };
}
