// Every channel, fed generated bad inputs the way a compromised or buggy window could send them:
// each answer is a typed INVALID_INPUT envelope (or a normal answer, where the input is odd but
// valid), nothing throws, nothing happens on disk or in the OS, and no prototype gets polluted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchChannel } from '../../../electron/core/service/channel-dispatch';
import { bridgeResultSchema, CHANNELS, contract, type ChannelName, type EaselHandlers } from '../../../shared/contract';
import { z } from 'zod';
import { badInputsFor } from './bad-inputs';
import { channelSamples } from './channel-samples';
import { startServiceFixture, type ServiceFixture } from './service-fixture';

const Envelope = bridgeResultSchema(z.unknown());
// Ids that are well-formed but name nothing, so a valid-looking input cannot act on anything real.
const samples = channelSamples({ jobId: '00000000-0000-4000-8000-000000000000', imageId: '00000000-0000-4000-8000-000000000000_0' });

let fixture: ServiceFixture;
/** Channels whose handler ran: an input the schema refuses must never reach one. */
const reached: string[] = [];
let spied: EaselHandlers;
beforeAll(async () => {
  fixture = await startServiceFixture();
  const real = fixture.service.handlers as Record<string, (input: unknown) => Promise<unknown>>;
  spied = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => (reached.push(channel), real[channel]!(input))]),
  ) as unknown as EaselHandlers;
});
afterAll(async () => {
  await fixture.close();
});

describe('every channel refuses malformed input with a typed error', () => {
  it.each(CHANNELS.map((channel) => [channel]))('%s', async (channel: ChannelName) => {
    const cases = badInputsFor(samples[channel]);
    expect(cases.length).toBeGreaterThan(10);
    for (const bad of cases) {
      reached.length = 0;
      const result = await dispatchChannel(spied, channel, bad.value, { secrets: () => [] });
      expect(Envelope.safeParse(result).success, `${channel}: ${bad.label} gave a malformed answer`).toBe(true);
      if (result.ok) {
        expect(bad.mustFail, `${channel}: ${bad.label} was accepted`).toBe(false);
        expect(contract[channel].input.safeParse(bad.value).success).toBe(true);
        continue;
      }
      expect(result.error.message).not.toMatch(/\n\s+at /);
      expect(result.error.message.length).toBeLessThanOrEqual(2000);
      if (bad.mustFail) {
        expect(result.error.code, `${channel}: ${bad.label}`).toBe('INVALID_INPUT');
        expect(reached, `${channel}: ${bad.label} reached the handler`).toEqual([]);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses unknown channels and inputs that are not plain data', async () => {
    expect(await fixture.call('jobs.delete', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await fixture.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const cycle: Record<string, unknown> = { includeDismissed: true };
    cycle.self = cycle;
    expect(await fixture.call('jobs.list', cycle)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(await fixture.call('library.trash', { imageIds: deep })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await fixture.call('jobs.list', new Date())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await fixture.call('library.query', new Uint8Array(4))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
