// Where, in the window, a person fixes a job's problem. The core's messages say what happened in
// words that hold in any host (a job may have been started from the command line), so the window
// adds its own advice from the error code and the job's provider: which Settings section, and
// for which key account. The CLI adds its own words instead (electron/cli/cli-advice.ts).
import { ACCOUNT_PROVIDERS, accountForProvider } from '../../../shared/contract-keys';
import type { ProviderId } from '../../../shared/domain';
import { ACCOUNT_INFO } from '../settings/key-accounts';

export function problemAdvice(code: string, provider: ProviderId): string | null {
  const account = accountForProvider(provider);
  switch (code) {
    case 'MISSING_KEY':
      return account ? `Add the ${ACCOUNT_INFO[account].name} key in Settings → API keys.` : null;
    case 'AUTH_FAILED':
      if (!account) return null;
      return ACCOUNT_PROVIDERS[account].length > 1
        ? `One key serves every ${ACCOUNT_INFO[account].name} API: check it in Settings → API keys.`
        : `Check the ${ACCOUNT_INFO[account].name} key in Settings → API keys.`;
    case 'MISSING_BASE_URL':
      return 'Set its address in Settings → Providers.';
    default:
      return null;
  }
}
