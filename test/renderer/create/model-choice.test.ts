// Switching models in Create keeps what the new model takes and drops what it would refuse, so
// the form never shows one value while the draft holds another that the core then refuses.
import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../shared/contract';
import { KVID_MODELS } from '../../../electron/core/providers/kvid/kvid-catalog';
import { REVID_NANO_BANANA_MODELS } from '../../../electron/core/providers/revid-nano-banana/revid-nano-banana-catalog';
import { draftForModel } from '../../../renderer/screens/create/model-choice';
import { paramProblem } from '../../../renderer/screens/create/param-checks';
import { emptyDraft, type Draft } from '../../../renderer/state/draft-state';

const kvid = KVID_MODELS[0]!;
const nanoBanana = REVID_NANO_BANANA_MODELS.find((m) => m.id === 'google/nano-banana')!;
const nanoProvider = { id: 'revid-nano-banana', models: REVID_NANO_BANANA_MODELS } as unknown as ProviderView;

function draftWith(params: Draft['params']): Draft {
  return { ...emptyDraft, provider: 'kvid', model: kvid.id, params };
}

describe('a model change and the parameters already chosen', () => {
  it('drops a format the new model does not offer (kvid’s jpeg is not Nano Banana’s png or jpg)', () => {
    const next = draftForModel(draftWith({ output_format: 'jpeg' }), { provider: nanoProvider, model: nanoBanana }, kvid);
    expect(next.params).toEqual({});
  });

  it('keeps a value the new model takes as it is', () => {
    const next = draftForModel(draftWith({ output_format: 'png' }), { provider: nanoProvider, model: nanoBanana }, kvid);
    expect(next.params).toEqual({ output_format: 'png' });
  });

  it('marks a field with the same words the core refuses the request with', () => {
    const format = kvid.params.find((spec) => spec.key === 'output_format')!;
    expect(paramProblem(format, 'jpg')).toBe('Format must be jpeg or png (got "jpg").');
    expect(paramProblem(format, 'png')).toBeNull();
  });
});
