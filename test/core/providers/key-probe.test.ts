// "Test key" for every vendor API, against its emulator: a good key is accepted, a bad one
// refused, and the probe never creates a job (so it never costs credits).
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/core/http/http-client';
import type { ProviderAdapter } from '../../../electron/core/providers/provider-adapter';
import { kvidAdapter } from '../../../electron/core/providers/kvid/kvid-adapter';
import { revidAdapter } from '../../../electron/core/providers/revid/revid-adapter';
import { revidGpt4oAdapter } from '../../../electron/core/providers/revid-gpt4o/revid-gpt4o-adapter';
import { revidNanoBananaAdapter } from '../../../electron/core/providers/revid-nano-banana/revid-nano-banana-adapter';
import { unifiedAdapter } from '../../../electron/core/providers/unified/unified-adapter';
import { startKvidEmulator } from '../../emulators/kvid-emulator';
import { startRevidGpt4oEmulator } from '../../emulators/revid-gpt4o-emulator';
import { startRevidNanoBananaEmulator } from '../../emulators/revid-nano-banana-emulator';
import { startRevidV1Emulator } from '../../emulators/revid-v1-emulator';
import { startUnifiedEmulator } from '../../emulators/unified-emulator';

interface ProbeCase {
  adapter: ProviderAdapter;
  goodKey: string;
  start: () => Promise<{ url: string; close(): Promise<void>; createCount(): number }>;
}

const cases: ProbeCase[] = [
  { adapter: revidAdapter, goodKey: 'sk_live_test', start: () => startRevidV1Emulator() },
  { adapter: revidGpt4oAdapter, goodKey: 'sk_live_test', start: () => startRevidGpt4oEmulator() },
  { adapter: revidNanoBananaAdapter, goodKey: 'sk_live_test', start: () => startRevidNanoBananaEmulator() },
  { adapter: kvidAdapter, goodKey: 'kvid_test_key', start: () => startKvidEmulator() },
  { adapter: unifiedAdapter, goodKey: 'sk_unified_test', start: () => startUnifiedEmulator() },
];

const http = createHttpClient();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe.each(cases)('key probe: $adapter.id', ({ adapter, goodKey, start }) => {
  it('accepts the good key, refuses a bad one, and creates nothing', async () => {
    const emu = await start();
    closers.push(() => emu.close());
    const verdict = async (apiKey: string) => {
      const spec = adapter.keyCheck!.build({ apiKey, baseUrl: emu.url, idempotencyKey: 'unused' });
      return adapter.keyCheck!.interpret(await http.send(spec, { secrets: [apiKey], timeoutMs: 5000 }));
    };
    expect(await verdict(goodKey)).toBe('valid');
    expect(await verdict('sk_definitely_wrong_key')).toBe('invalid');
    expect(emu.createCount()).toBe(0);
  });
});
