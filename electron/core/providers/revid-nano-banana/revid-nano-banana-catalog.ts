// revid Nano Banana models (revid-nano-banana.txt, "Model Parameter" and "Input Object
// Parameters"). The input table is shared by the three models; which model takes which field is
// read from each model's request example (see the adapter's header for the field names):
// - google/nano-banana makes pictures from text only;
// - google/nano-banana-edit changes pictures, so it needs at least one reference;
// - nano-banana-pro does both, and alone takes `resolution` ("only For nano-banana-pro").
// References are sent by public URL only (the input is an array of URLs; there is no upload).
import { defineModels, type ModelInfo, type ModelInfoInput } from '../../../../shared/catalog';

/** The document's aspect_ratio options, in its order; `auto` lets the model decide. */
export const NANO_BANANA_ASPECT_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9', 'auto'] as const;
export const NANO_BANANA_PRO_RESOLUTIONS = ['1K', '2K', '4K'] as const;
export const NANO_BANANA_OUTPUT_FORMATS = ['png', 'jpg'] as const;
export const NANO_BANANA_PROMPT_MAX = 10_000;
export const NANO_BANANA_MAX_REFERENCES = 8;
export const NANO_BANANA_REFERENCE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const NANO_BANANA_REFERENCE_MAX_BYTES = 30 * 1024 * 1024;

const shared = {
  promptMaxLength: NANO_BANANA_PROMPT_MAX,
  negativePrompt: false,
  aspectRatios: [...NANO_BANANA_ASPECT_RATIOS],
  // No count field in the API: several images means several tasks, each charged.
  counts: [1, 2, 3, 4],
  countMode: 'separate-jobs',
  seed: false,
  params: [
    { type: 'enum', key: 'output_format', label: 'File format', options: [...NANO_BANANA_OUTPUT_FORMATS], default: 'png', help: 'PNG (the default) or JPG.' },
  ],
} satisfies Partial<ModelInfoInput>;

const urlReferences = (required: boolean) => ({
  max: NANO_BANANA_MAX_REFERENCES,
  accepts: ['url' as const],
  mimeTypes: [...NANO_BANANA_REFERENCE_MIME_TYPES],
  maxBytes: NANO_BANANA_REFERENCE_MAX_BYTES,
  required,
});

export const REVID_NANO_BANANA_MODELS: readonly ModelInfo[] = defineModels([
  {
    ...shared,
    id: 'google/nano-banana',
    label: 'Nano Banana',
    description: "Google's Nano Banana: pictures from a text prompt.",
    capabilities: ['text-to-image'],
    resolutions: [],
    price: { credits: 8 },
    // The document gives no duration; this is our estimate for the fast Gemini image model.
    typicalSeconds: 20,
  },
  {
    ...shared,
    id: 'google/nano-banana-edit',
    label: 'Nano Banana Edit',
    description: 'Nano Banana for editing: changes up to 8 reference pictures (by URL) as the prompt says.',
    capabilities: ['image-to-image'],
    resolutions: [],
    references: urlReferences(true),
    price: { credits: 8 },
    typicalSeconds: 20,
  },
  {
    ...shared,
    id: 'nano-banana-pro',
    label: 'Nano Banana Pro',
    description: 'Nano Banana Pro: higher quality at 1K, 2K or ultra-sharp 4K, from text or up to 8 reference pictures (by URL).',
    capabilities: ['text-to-image', 'image-to-image'],
    resolutions: [...NANO_BANANA_PRO_RESOLUTIONS],
    references: urlReferences(false),
    price: { credits: 25, byResolution: { '1K': 25, '2K': 25, '4K': 35 }, note: '1K when no resolution is chosen.' },
    // No duration in the document; the pro model is slower, and 4K slower still.
    typicalSeconds: 45,
  },
]);
