// "Test key" through an adapter that offers a free authenticated call (ProviderAdapter.keyCheck),
// against the revid v1 emulator on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/core/http/http-client';
import { createProviderRegistry } from '../../../electron/core/providers/provider-registry';
import { revidAdapter } from '../../../electron/core/providers/revid/revid-adapter';
import { sandboxAdapter } from '../../../electron/core/providers/sandbox/sandbox-adapter';
import type { KeyTestResult } from '../../../shared/contract-keys';
import { startRevidV1Emulator, type RevidV1Emulator } from '../../emulators/revid-v1-emulator';
import { startServiceFixture, valueOf, type ServiceFixture } from './service-fixture';

const GOOD = 'sk_live_test';

/** revid v1's own keyCheck asks for a job that cannot exist: 401 means refused, 404 passed. */
const checkedRevid = revidAdapter;

let emu: RevidV1Emulator | undefined;
let fixture: ServiceFixture | undefined;
let http: ReturnType<typeof createHttpClient> | undefined;
afterEach(async () => {
  await fixture?.close();
  await http?.close();
  await emu?.close();
  fixture = undefined;
  emu = undefined;
  http = undefined;
});

async function start(): Promise<ServiceFixture> {
  emu = await startRevidV1Emulator({ apiKeys: [GOOD] });
  http = createHttpClient();
  fixture = await startServiceFixture({
    core: { adapters: [checkedRevid, sandboxAdapter] },
    service: { http },
    env: { EASEL_REVID_BASE_URL: emu.url },
  });
  expect(createProviderRegistry([checkedRevid]).get('revid')).toBe(checkedRevid);
  return fixture;
}

describe('keys.test', () => {
  it('answers valid for a key the vendor accepts, without creating a job', async () => {
    const f = await start();
    valueOf(await f.call('keys.set', { account: 'revid', key: GOOD }));
    const result = valueOf<KeyTestResult>(await f.call('keys.test', { account: 'revid' }));
    expect(result).toEqual({ account: 'revid', outcome: 'valid', provider: 'revid', message: 'revid accepted the key.' });
    expect(emu!.createCount()).toBe(0);
  });

  it('answers invalid for a key the vendor refuses, and never echoes it', async () => {
    const f = await start();
    valueOf(await f.call('keys.set', { account: 'revid', key: 'sk_live_wrong_key_9999' }));
    const result = valueOf<KeyTestResult>(await f.call('keys.test', { account: 'revid' }));
    expect(result.outcome).toBe('invalid');
    expect(result.message).toMatch(/refused the key \(HTTP 401\)/);
    expect(JSON.stringify(result)).not.toContain('sk_live_wrong_key_9999');
  });

  it('answers untestable, with the reason, when the vendor cannot be reached', async () => {
    const f = await start();
    valueOf(await f.call('keys.set', { account: 'revid', key: GOOD }));
    await emu!.close();
    const result = valueOf<KeyTestResult>(await f.call('keys.test', { account: 'revid' }));
    expect(result.outcome).toBe('untestable');
    expect(result.message).toMatch(/could not be tested: Could not reach 127\.0\.0\.1/);
    emu = undefined;
  });
});
