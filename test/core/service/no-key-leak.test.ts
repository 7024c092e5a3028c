// Keys are write-only: after keys are stored, no answer of any channel, no event and no
// diagnostic line carries one, whether the call succeeds or fails.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchChannel } from '../../../electron/core/service/channel-dispatch';
import { CHANNELS, type EaselHandlers } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import { channelSamples } from './channel-samples';
import { startServiceFixture, valueOf, type ServiceFixture } from './service-fixture';

const KEYS = { revid: 'sk_live_REVIDSECRET_0001', kvid: 'kv_live_KVIDSECRET_0002', unified: 'un_live_UNIFIEDSECRET_0003' } as const;
const SAMPLE_KEY = 'kv_sample_key_5678';

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

function leaks(text: string): string[] {
  return [...Object.values(KEYS), SAMPLE_KEY].filter((key) => text.includes(key) || text.includes(Buffer.from(key).toString('base64')));
}

describe('no channel output contains a stored key', () => {
  it('holds for every channel, its events and its diagnostics', async () => {
    const log: string[] = [];
    fixture = await startServiceFixture({ service: { log: (line) => log.push(line) } });
    const f = fixture;
    for (const [account, key] of Object.entries(KEYS)) valueOf(await f.call('keys.set', { account, key }));

    const job = valueOf<JobView>(await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'a kite' }));
    await expect.poll(async () => valueOf<JobView | null>(await f.call('jobs.get', { jobId: job.id }))?.state, { timeout: 15_000 }).toBe('completed');
    const samples = channelSamples({ jobId: job.id, imageId: `${job.id}_0` });

    const answers: unknown[] = [];
    for (const channel of CHANNELS) answers.push({ channel, answer: await f.call(channel, samples[channel]) });
    // The same again, once the picture is trashed and the job dismissed: the error paths.
    for (const channel of CHANNELS) answers.push({ channel, answer: await f.call(channel, samples[channel]) });

    expect(answers).toHaveLength(CHANNELS.length * 2);
    expect(leaks(JSON.stringify(answers))).toEqual([]);
    expect(leaks(JSON.stringify(f.events))).toEqual([]);
    expect(leaks(log.join('\n'))).toEqual([]);
    // The keys are still there: the test saw the real thing, not an empty vault.
    expect(await f.keys.get('revid')).toBe(KEYS.revid);
  });

  it('scrubs a key from an error that happens to carry one', async () => {
    const log: string[] = [];
    fixture = await startServiceFixture({ service: { log: (line) => log.push(line) } });
    const f = fixture;
    valueOf(await f.call('keys.set', { account: 'revid', key: KEYS.revid }));
    const job = valueOf<JobView>(await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'a kite' }));
    await expect.poll(async () => valueOf<JobView | null>(await f.call('jobs.get', { jobId: job.id }))?.state, { timeout: 15_000 }).toBe('completed');
    f.shell.copyImage = async () => {
      throw new Error(`clipboard daemon said: Authorization: Bearer ${KEYS.revid} is not a picture`);
    };
    const answer = await f.call('library.copyImage', { imageId: `${job.id}_0` });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain(KEYS.revid);
    expect(JSON.stringify(answer)).toContain('‹redacted›');
    expect(log.join('\n')).not.toContain(KEYS.revid);
  });

  it('sends only the code when the stored keys cannot be read to scrub an error', async () => {
    const log: string[] = [];
    const handlers = {
      'settings.get': async () => {
        throw new Error(`proxy said: Authorization: Bearer ${KEYS.kvid} refused`);
      },
    } as unknown as EaselHandlers;
    const answer = await dispatchChannel(handlers, 'settings.get', undefined, {
      secrets: async () => {
        throw new Error('the keyring went away');
      },
      log: (line) => log.push(line),
    });
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Easel.' } });
    expect(leaks(log.join('\n'))).toEqual([]);
  });

  it('scrubs with keys read after the OS key was rotated, and saves them re-encrypted', async () => {
    fixture = await startServiceFixture();
    const f = fixture;
    valueOf(await f.call('keys.set', { account: 'revid', key: KEYS.revid }));
    f.cipher.generation = 2;
    f.shell.reveal = () => {
      throw new Error(`file manager said: ${KEYS.revid}`);
    };
    const job = valueOf<JobView>(await f.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'a kite' }));
    await expect.poll(async () => valueOf<JobView | null>(await f.call('jobs.get', { jobId: job.id }))?.state, { timeout: 15_000 }).toBe('completed');
    const answer = await f.call('library.reveal', { imageId: `${job.id}_0` });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(leaks(JSON.stringify(answer))).toEqual([]);
    expect(JSON.stringify(answer)).toContain('‹redacted›');
    const calls = f.cipher.encryptCalls;
    expect(await f.keys.get('revid')).toBe(KEYS.revid);
    // Already saved under the new OS key: reading again encrypts nothing.
    expect(f.cipher.encryptCalls).toBe(calls);
  });
});
