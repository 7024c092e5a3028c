// Where a provider's address comes from, said the way a person reads it.
import type { ProviderView } from '../../../shared/contract';

/** The environment variable the desktop reads for a provider's base URL (as the core names it). */
export function baseUrlEnvName(providerId: string): string {
  return `EASEL_${providerId.toUpperCase().replace(/-/g, '_')}_BASE_URL`;
}

export function describeSource(provider: Pick<ProviderView, 'id' | 'baseUrlSource'>): string {
  switch (provider.baseUrlSource) {
    case 'settings':
      return 'your address, set here';
    case 'env':
      return `from ${baseUrlEnvName(provider.id)} in the environment`;
    case 'default':
      return 'the vendor’s documented address';
    case 'builtin':
      return 'built in';
    case 'none':
      return 'none yet';
  }
}
