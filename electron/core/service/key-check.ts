// "Test key": the cheapest authenticated call a vendor offers, or an honest "cannot". None of the
// five vendor documents has an account or balance endpoint, but each has a status call that
// authenticates before it looks the job up; asking for a job id that cannot exist costs nothing
// and tells a refused key (401/403) from an accepted one (404 "no such job"). Adapters opt in
// with `keyCheck` (see providers/key-probe.ts); without one the answer says
// why the key cannot be tested without spending credits.
import { randomUUID } from 'node:crypto';
import type { KeyAccount, KeyTestResult } from '../../../shared/contract-keys';
import { toEaselError } from '../errors/easel-error';
import type { HttpClient } from '../http/http-client';
import { redact } from '../http/redact';
import type { VendorResponse } from '../http/request-spec';
import type { KeyCheck, KeyVerdict, ProviderAdapter } from '../providers/provider-adapter';

export function keyCheckOf(adapter: ProviderAdapter): KeyCheck | null {
  return adapter.keyCheck ?? null;
}

export interface KeyTestInput {
  account: KeyAccount;
  key: string;
  /** The account's adapters, in catalog order. */
  adapters: readonly ProviderAdapter[];
  baseUrl(adapter: ProviderAdapter): string | null;
  http: HttpClient;
  timeoutMs?: number;
}

export async function testKey(input: KeyTestInput): Promise<KeyTestResult> {
  const { account, key } = input;
  const checkable = input.adapters.find((adapter) => keyCheckOf(adapter) !== null);
  if (!checkable) {
    const names = input.adapters.map((a) => a.label).join(', ') || account;
    return {
      account,
      outcome: 'untestable',
      provider: input.adapters[0]?.id ?? null,
      message:
        `${names} offers no call that checks a key without spending credits. ` +
        'The key is checked by your next generation: a refused key fails at once, before anything is charged.',
    };
  }
  const check = keyCheckOf(checkable)!;
  const baseUrl = input.baseUrl(checkable);
  if (!baseUrl) {
    return { account, outcome: 'untestable', provider: checkable.id, message: `${checkable.label} has no base URL yet: set it in Settings → Providers, then test the key.` };
  }
  let response: VendorResponse;
  try {
    const spec = check.build({ apiKey: key, baseUrl: baseUrl.replace(/\/+$/, ''), idempotencyKey: randomUUID() });
    response = await input.http.send(spec, { secrets: [key], timeoutMs: input.timeoutMs ?? 15_000 });
  } catch (error) {
    return { account, outcome: 'untestable', provider: checkable.id, message: redact(`The key could not be tested: ${toEaselError(error).message}`, [key]) };
  }
  const verdict = check.interpret(response);
  const messages: Record<KeyVerdict, string> = {
    valid: `${checkable.label} accepted the key.`,
    invalid: `${checkable.label} refused the key (HTTP ${response.status}). Check that it was copied whole and is still active.`,
    unknown: `${checkable.label} answered HTTP ${response.status}, which says neither yes nor no about the key. Try again later.`,
  };
  return { account, outcome: verdict, provider: checkable.id, message: messages[verdict] };
}
