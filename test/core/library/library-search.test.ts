import { describe, expect, it, afterEach } from 'vitest';
import { EaselError } from '../../../electron/core/errors/easel-error';
import type { Library } from '../../../electron/core/library/library';
import { makeSandbox, prompts, savePicture, type Sandbox } from './library-fixtures';

let sandbox: Sandbox;
afterEach(() => sandbox.cleanup());

async function seeded(): Promise<Library> {
  sandbox = makeSandbox();
  const library = sandbox.open();
  await savePicture(library, { prompt: 'A red lighthouse at dusk', provider: 'revid', model: 'flux-pro', createdAt: '2025-01-10T08:00:00Z' });
  await savePicture(library, { prompt: 'Café on a rainy Paris street', provider: 'kvid', model: 'kvid-v2', createdAt: '2025-02-14T08:00:00Z', negativePrompt: 'blurry, people' });
  await savePicture(library, { prompt: 'Lighthouse keeper portrait, 85mm', provider: 'revid', model: 'flux-dev', createdAt: '2025-03-01T08:00:00Z' });
  await savePicture(library, { prompt: 'A fox 🦊 in a snowy forest', provider: 'sandbox', model: 'sandbox-basic', createdAt: '2025-03-20T23:59:59Z' });
  return library;
}

describe('library search', () => {
  it('lists everything newest first', async () => {
    const library = await seeded();
    expect(prompts(library.search({}))).toEqual([
      'A fox 🦊 in a snowy forest',
      'Lighthouse keeper portrait, 85mm',
      'Café on a rainy Paris street',
      'A red lighthouse at dusk',
    ]);
    expect(library.count({})).toBe(4);
  });

  it('finds pictures by words of their prompt, whatever the case and accents', async () => {
    const library = await seeded();
    expect(prompts(library.search({ text: 'lighthouse' }))).toEqual(['Lighthouse keeper portrait, 85mm', 'A red lighthouse at dusk']);
    expect(prompts(library.search({ text: 'LIGHTHOUSE dusk' }))).toEqual(['A red lighthouse at dusk']);
    expect(prompts(library.search({ text: 'cafe' }))).toEqual(['Café on a rainy Paris street']);
    expect(prompts(library.search({ text: 'café paris' }))).toEqual(['Café on a rainy Paris street']);
    expect(prompts(library.search({ text: '🦊' }))).toEqual(['A fox 🦊 in a snowy forest']);
    expect(library.search({ text: 'submarine' })).toEqual([]);
  });

  it('matches the last word as a prefix while the person is still typing', async () => {
    const library = await seeded();
    expect(prompts(library.search({ text: 'lightho' }))).toHaveLength(2);
    expect(prompts(library.search({ text: 'red lightho' }))).toEqual(['A red lighthouse at dusk']);
    expect(prompts(library.search({ text: 'sno' }))).toEqual(['A fox 🦊 in a snowy forest']);
    // Only the last word is a prefix: "ligh red" wants a word "ligh", which no prompt has.
    expect(library.search({ text: 'ligh red' })).toEqual([]);
  });

  it('searches negative prompts too', async () => {
    const library = await seeded();
    expect(prompts(library.search({ text: 'blurry' }))).toEqual(['Café on a rainy Paris street']);
  });

  it('treats search syntax as plain text and never throws', async () => {
    const library = await seeded();
    const inputs = ['a "b', '"', '""', 'AND OR *', 'NOT', 'NEAR(', ')(', '*', 'prompt:', 'negativePrompt:lighthouse', '-red', '^dusk', '\'; DROP TABLE images; --', 'a\u0000b', '{prompt}: red', 'lighthouse AND', 'OR lighthouse'];
    for (const text of inputs) {
      expect(() => library.search({ text }), text).not.toThrow();
      expect(library.count({ text }), text).toBe(library.search({ text }).length);
    }
    // Operators are words like any other: nothing here is about "and"...
    expect(library.search({ text: 'AND OR *' })).toEqual([]);
    // ...and quotes or punctuation around a word do not hide it.
    expect(prompts(library.search({ text: '"lighthouse' }))).toHaveLength(2);
    expect(prompts(library.search({ text: 'lighthouse AND' }))).toEqual([]);
    expect(prompts(library.search({ text: 'negativePrompt:lighthouse' }))).toEqual([]);
    expect(prompts(library.search({ text: '^dusk' }))).toEqual(['A red lighthouse at dusk']);
    expect(library.count({})).toBe(4);
  });

  it('ignores a search box holding only spaces', async () => {
    const library = await seeded();
    expect(library.search({ text: '   ' })).toHaveLength(4);
  });

  it('filters by provider, model, favourite and dates, alone and with text', async () => {
    const library = await seeded();
    expect(prompts(library.search({ provider: 'revid' }))).toEqual(['Lighthouse keeper portrait, 85mm', 'A red lighthouse at dusk']);
    expect(prompts(library.search({ model: 'kvid-v2' }))).toEqual(['Café on a rainy Paris street']);
    expect(prompts(library.search({ provider: 'revid', text: 'dusk' }))).toEqual(['A red lighthouse at dusk']);
    expect(library.search({ provider: 'kvid', text: 'lighthouse' })).toEqual([]);
    expect(library.search({ provider: 'nobody' })).toEqual([]);
    expect(library.search({ favorite: true })).toEqual([]);
    expect(library.search({ favorite: false })).toHaveLength(4);
    // A bare date is the whole (UTC) day, at both ends.
    expect(prompts(library.search({ from: '2025-02-14', to: '2025-03-20' }))).toEqual([
      'A fox 🦊 in a snowy forest',
      'Lighthouse keeper portrait, 85mm',
      'Café on a rainy Paris street',
    ]);
    expect(prompts(library.search({ to: '2025-02-14T07:59:59Z' }))).toEqual(['A red lighthouse at dusk']);
    expect(prompts(library.search({ from: '2025-03-01T08:00:00Z', to: '2025-03-01T08:00:00Z' }))).toEqual(['Lighthouse keeper portrait, 85mm']);
    expect(library.count({ from: '2025-02-01', provider: 'revid' })).toBe(1);
  });

  it('refuses dates it cannot read with a clear message', async () => {
    const library = await seeded();
    expect(() => library.search({ from: 'last tuesday' })).toThrow(EaselError);
    expect(() => library.count({ to: '2025-13-45' })).toThrow(/not a date/);
  });

  it('pages through results', async () => {
    const library = await seeded();
    const all = prompts(library.search({}));
    expect(prompts(library.search({ limit: 2 }))).toEqual(all.slice(0, 2));
    expect(prompts(library.search({ limit: 2, offset: 2 }))).toEqual(all.slice(2, 4));
    expect(library.search({ limit: 2, offset: 4 })).toEqual([]);
    expect(library.count({ limit: 1, offset: 3 })).toBe(4);
    expect(library.search({ limit: 0 })).toHaveLength(1);
    expect(library.search({ offset: -5 })).toHaveLength(4);
  });

  it('orders the pictures of one job by their index', async () => {
    sandbox = makeSandbox();
    const library = sandbox.open();
    const jobId = '0b1c2d3e-0000-4000-8000-000000000000';
    for (const index of [2, 0, 10, 1]) await savePicture(library, { jobId, index, prompt: 'four of a kind' });
    expect(library.search({}).map((i) => i.index)).toEqual([0, 1, 2, 10]);
  });
});
