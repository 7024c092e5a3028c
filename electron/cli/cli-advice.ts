// Where, in a terminal, a person fixes a stored problem. The core's messages say what happened
// in words that hold in any host, and a job record may have been written by the desktop app,
// so the CLI adds its own advice when it prints a job's error: the environment variable to set
// or check, from the error code and the job's provider. A refusal raised while the CLI runs
// already carries the same words (they come from the CLI's ProviderAccess hints).
import { ACCOUNT_PROVIDERS, accountForProvider } from '../../shared/contract-keys';
import type { ErrorInfo, ProviderId } from '../../shared/domain';
import type { EnvProviderAccess } from '../core/config/provider-access';
import type { ProviderAdapter } from '../core/providers/provider-adapter';
import type { ProviderRegistry } from '../core/providers/provider-registry';

/** A stored problem's message with the CLI's advice after it, when there is any. */
export type Advise = (problem: Pick<ErrorInfo, 'code' | 'message'>, provider: string) => string;

export function cliAdvisor(providers: Pick<ProviderRegistry, 'get'>, access: Pick<EnvProviderAccess, 'keyHint' | 'baseUrlHint'>): Advise {
  return (problem, provider) => {
    const adapter = lookUp(providers, provider);
    const advice = adapter ? adviceFor(problem.code, adapter, access) : '';
    return advice ? `${problem.message} ${advice}` : problem.message;
  };
}

function adviceFor(code: string, adapter: ProviderAdapter, access: Pick<EnvProviderAccess, 'keyHint' | 'baseUrlHint'>): string {
  switch (code) {
    case 'MISSING_KEY':
      return access.keyHint(adapter);
    case 'MISSING_BASE_URL':
      return access.baseUrlHint?.(adapter) ?? '';
    case 'AUTH_FAILED':
      return adapter.keyEnv ? `Check ${adapter.keyEnv}${sharedKeyNote(adapter.id)}.` : '';
    default:
      return '';
  }
}

/** The revid APIs share one key, so a refused key there is refused for the other two as well. */
function sharedKeyNote(provider: string): string {
  const account = accountForProvider(provider as ProviderId);
  const sharing = account === null ? [] : ACCOUNT_PROVIDERS[account];
  return sharing.length > 1 ? ` (one key serves every ${account} API)` : '';
}

function lookUp(providers: Pick<ProviderRegistry, 'get'>, provider: string): ProviderAdapter | null {
  try {
    return providers.get(provider);
  } catch {
    return null;
  }
}
