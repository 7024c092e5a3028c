// The environment contract of DESIGN.md's provider table: EASEL_<ID>_BASE_URL overrides a
// provider's base URL (id upper-cased, dashes to underscores); keys come from per-account
// variables (the three revid APIs share one account key).
import type { ProviderId } from '../../../shared/domain';

export function baseUrlEnvName(provider: ProviderId): string {
  return `EASEL_${provider.toUpperCase().replace(/-/g, '_')}_BASE_URL`;
}

export function envValue(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}
