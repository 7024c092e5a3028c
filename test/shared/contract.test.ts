// The contract kept honest. The type assertions are checked by `tsc --noEmit` (npm test runs it
// over test/); vitest runs the value checks. A channel added to CHANNELS without schemas, a
// schema without a channel, a missing handler or a preload method of the wrong shape fails here.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  CHANNELS,
  contract,
  EVENTS,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type ChannelResult,
  type Contract,
  type EaselApi,
  type EaselHandlers,
  type EventName,
  type EventPayload,
  type Events,
} from '../../shared/contract';
import type { EaselService } from '../../electron/core/service/easel-service';

// --- compile-time ---------------------------------------------------------------------------

// Every channel has schemas, and every schema is a channel.
expectTypeOf<Exclude<ChannelName, keyof Contract>>().toBeNever();
expectTypeOf<Exclude<keyof Contract, ChannelName>>().toBeNever();
expectTypeOf<Exclude<EventName, keyof Events>>().toBeNever();
expectTypeOf<Exclude<keyof Events, EventName>>().toBeNever();

// The handler map is exactly the channel list, and what the service builds is that map.
expectTypeOf<keyof EaselHandlers>().toEqualTypeOf<ChannelName>();
expectTypeOf<EaselService['handlers']>().toEqualTypeOf<EaselHandlers>();
expectTypeOf<EaselHandlers['jobs.submit']>().parameter(0).toEqualTypeOf<ChannelParsedInput<'jobs.submit'>>();
expectTypeOf<EaselHandlers['jobs.submit']>().returns.toEqualTypeOf<Promise<ChannelResult<'jobs.submit'>>>();

// Never called: these only have to compile (or, under @ts-expect-error, fail to).
export function typeOnlyIncompleteMaps(handlers: EaselHandlers): unknown[] {
  const { 'keys.test': _dropped, ...withoutOne } = handlers;
  // @ts-expect-error a handler map missing one channel is not an EaselHandlers
  const incomplete: EaselHandlers = withoutOne;
  // @ts-expect-error a spec map missing a channel does not satisfy the contract's shape
  const partialContract: { readonly [C in ChannelName]: Contract[C] } = { 'providers.catalog': contract['providers.catalog'] };
  return [incomplete, partialContract];
}

// window.easel: one method per channel, under its namespace, typed from the schemas.
type Namespaced<C extends ChannelName> = C extends `${infer N}.${infer M}` ? [N, M] : never;
type ApiMethod<C extends ChannelName> = Namespaced<C> extends [infer N extends keyof EaselApi, infer M extends string]
  ? EaselApi[N] extends Record<M, infer F> ? F : never
  : never;
type EveryChannelHasAMethod = { [C in ChannelName]: ApiMethod<C> extends never ? C : never }[ChannelName];
expectTypeOf<EveryChannelHasAMethod>().toBeNever();
expectTypeOf<EaselApi['jobs']['submit']>().parameter(0).toEqualTypeOf<ChannelInput<'jobs.submit'>>();
expectTypeOf<EaselApi['jobs']['submit']>().returns.toEqualTypeOf<Promise<ChannelOutput<'jobs.submit'>>>();
// Channels that take nothing can be called with nothing.
expectTypeOf<EaselApi['providers']['catalog']>().toBeCallableWith();
expectTypeOf<EaselApi['library']['query']>().toBeCallableWith();
// Subscriptions hand the listener the event's own payload and return an unsubscribe function.
export function typeOnlySubscription(api: EaselApi): () => void {
  return api.on('jobs.changed', (job) => expectTypeOf(job).toEqualTypeOf<EventPayload<'jobs.changed'>>());
}

// Keys are write-only: no answer and no event has a field that could hold one.
type DeepKeys<T, Depth extends unknown[] = []> = Depth['length'] extends 8
  ? never
  : T extends readonly (infer U)[]
    ? DeepKeys<U, [...Depth, 1]>
    : T extends object
      ? { [K in keyof T]-?: LiteralKey<K> | DeepKeys<T[K], [...Depth, 1]> }[keyof T]
      : never;
/** A record's `string` index would swallow every literal name in the union; keep literals only. */
type LiteralKey<K> = K extends string ? (string extends K ? never : K) : never;
// (`key` alone is not on the list: the catalog's parameter specs use it for a parameter's name.)
type SecretFields = 'apiKey' | 'secret' | 'token' | 'password' | 'authorization' | 'idempotencyKey';
expectTypeOf<Extract<DeepKeys<ChannelOutput<ChannelName>>, SecretFields>>().toBeNever();
expectTypeOf<Extract<DeepKeys<EventPayload<EventName>>, SecretFields>>().toBeNever();
// …while keys.set does take one.
expectTypeOf<ChannelInput<'keys.set'>>().toHaveProperty('key');

// --- run time -------------------------------------------------------------------------------

describe('the contract', () => {
  it('has exactly one schema pair per channel, and one payload schema per event', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
    for (const channel of CHANNELS) {
      expect(contract[channel].input).toBeInstanceOf(z.ZodType);
      expect(contract[channel].output).toBeInstanceOf(z.ZodType);
    }
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('names channels <namespace>.<method>, so the preload can build window.easel from the list', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('strips what a view does not declare from answers', () => {
    const parsed = contract['keys.status'].output.safeParse({
      accounts: [{ account: 'revid', providers: ['revid'], present: true, lastFour: 'abcd', problem: null, key: 'sk_live_leak' }],
      storage: { backend: 'keychain', encryptionAvailable: true, weak: false, consented: false, canStore: true, warning: null },
    });
    // Strict: an unplanned field is an error, not a silent pass-through.
    expect(parsed.success).toBe(false);
  });
});
