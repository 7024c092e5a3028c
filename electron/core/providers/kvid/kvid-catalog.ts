// kvid image models (kvid-image.txt). The document describes one model (Nano Banana with K-pop /
// K-beauty prompt tuning) behind two endpoints; Easel shows it as one model that does both, and
// the adapter picks the endpoint by whether references were given. The choices below where the
// document is silent are listed in kvid-adapter.ts's header.
import { defineModels, type ModelInfo } from '../../../../shared/catalog';

/** image_size bounds of the Parameters table ("256–1024, multiples of 64 recommended"). */
export const KVID_SIZE = { min: 256, max: 1024, step: 64 } as const;

/** The document's examples ("e.g. 1:1, 16:9, 9:16"); it names no others. */
export const KVID_ASPECT_RATIOS = ['1:1', '16:9', '9:16'];

/** Most reference URLs Easel sends; the document gives no number. */
export const KVID_MAX_REFERENCES = 4;

export const KVID_MODELS: readonly ModelInfo[] = defineModels([
  {
    id: 'nano-banana',
    label: 'Nano Banana (K-content)',
    description: 'Nano Banana tuned for K-pop concepts, stage outfits, K-beauty makeup and Korean streetwear. Up to 1024×1024.',
    capabilities: ['text-to-image', 'image-to-image'],
    // kvid states no limit; 10 000 is what the same model takes elsewhere (revid-nano-banana.txt).
    promptMaxLength: 10_000,
    negativePrompt: true,
    aspectRatios: KVID_ASPECT_RATIOS,
    // "Up to 1024 × 1024" with no tiers: the size is chosen with the width/height params instead.
    resolutions: [],
    // num_images is a native count; the document gives no maximum, Easel offers 1–4.
    counts: [1, 2, 3, 4],
    countMode: 'native',
    seed: true,
    references: {
      max: KVID_MAX_REFERENCES,
      // image_url / image_urls are strings: kvid fetches them, there is no upload.
      accepts: ['url'],
      mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
      required: false,
    },
    params: [
      {
        type: 'number',
        key: 'width',
        label: 'Width',
        min: KVID_SIZE.min,
        max: KVID_SIZE.max,
        step: KVID_SIZE.step,
        help: 'Pixels, 256–1024 in steps of 64. Give with height, instead of an aspect ratio.',
      },
      {
        type: 'number',
        key: 'height',
        label: 'Height',
        min: KVID_SIZE.min,
        max: KVID_SIZE.max,
        step: KVID_SIZE.step,
        help: 'Pixels, 256–1024 in steps of 64. Give with width, instead of an aspect ratio.',
      },
      { type: 'number', key: 'num_inference_steps', label: 'Steps', options: [20, 30, 40, 50], help: 'Higher is better quality, slower.' },
      { type: 'number', key: 'guidance_scale', label: 'Guidance', options: [3, 5, 7.5, 10], help: 'How strictly the picture follows the prompt.' },
      { type: 'enum', key: 'output_format', label: 'Format', options: ['jpeg', 'png'], default: 'jpeg' },
      { type: 'boolean', key: 'enable_safety_checker', label: 'Safety checker', default: true, help: 'kvid checks prompts and pictures unless turned off.' },
    ],
    // No static price: kvid charges per megapixel and reports used_credit for each job, which
    // Easel records with the job and every picture. `credits` is required by the schema, so 0
    // stands for "not known in advance" and the note says so.
    price: { note: 'Charged per megapixel; the exact cost (used_credit) is read from kvid after each job and recorded with the picture.' },
    // The document's example says estimated_time "10s".
    typicalSeconds: 10,
  },
]);
