// The revid 4o Image API makes one kind of picture (GPT Image 1, "4o image"), so it has one
// model. What it accepts comes from revid-gpt4o-image.txt: `size` is the aspect ratio (1:1,
// 3:2, 2:3), `nVariants` a native count (1, 2, 4), `filesUrl` up to 5 public image URLs
// (no uploads), and the optional mask, enhancement, upload-region and fallback switches.
import { defineModels, type ModelInfo } from '../../../../shared/catalog';

export const GPT4O_MODEL_ID = 'gpt4o-image';
export const GPT4O_ASPECT_RATIOS = ['1:1', '3:2', '2:3'] as const;
export const GPT4O_VARIANTS = [1, 2, 4] as const;
export const GPT4O_MAX_REFERENCES = 5;
/** "10 credits per image (~$0.05)". */
export const GPT4O_CREDITS_PER_IMAGE = 10;
/** The document gives no prompt limit; 32,000 characters is GPT Image 1's own limit. */
export const GPT4O_PROMPT_MAX = 32_000;
export const GPT4O_FALLBACK_MODELS = ['GPT_IMAGE_1', 'FLUX_MAX'] as const;

export const REVID_GPT4O_MODELS: readonly ModelInfo[] = defineModels([
  {
    id: GPT4O_MODEL_ID,
    label: 'GPT-4o Image',
    description: 'GPT Image 1 through revid: text to image, and editing or variations of up to 5 reference images given by URL, with an optional mask.',
    capabilities: ['text-to-image', 'image-to-image'],
    promptMaxLength: GPT4O_PROMPT_MAX,
    negativePrompt: false,
    aspectRatios: [...GPT4O_ASPECT_RATIOS],
    // The API has no resolution field: `size` is the aspect ratio only.
    resolutions: [],
    counts: [...GPT4O_VARIANTS],
    countMode: 'native',
    seed: false,
    references: {
      max: GPT4O_MAX_REFERENCES,
      // filesUrl takes "publicly reachable image URLs" only; the vendor fetches them.
      accepts: ['url'],
      // .jfif, .pjpeg, .jpeg, .pjp, .jpg, .png, .webp
      mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
      // The only size the document states (for the mask); the vendor fetches references itself.
      maxBytes: 25 * 1024 * 1024,
      required: false,
    },
    params: [
      {
        type: 'string',
        key: 'maskUrl',
        label: 'Mask URL',
        maxLength: 2048,
        help: 'Public URL of a mask for the one reference image: black areas are changed, white kept. Same dimensions and format as the reference, at most 25 MB. Needs exactly one reference image.',
      },
      { type: 'boolean', key: 'isEnhance', label: 'Enhance prompt', default: false, help: 'Let the vendor refine the prompt, for specialised scenes such as 3D renders.' },
      { type: 'boolean', key: 'uploadCn', label: 'Upload via China', default: false, help: 'Route the vendor’s uploads through its China servers instead of its other servers.' },
      { type: 'boolean', key: 'enableFallback', label: 'Fallback model', default: false, help: 'When GPT-4o image generation is unavailable, use a backup model instead of failing.' },
      {
        type: 'enum',
        key: 'fallbackModel',
        label: 'Backup model',
        options: [...GPT4O_FALLBACK_MODELS],
        // No default here on purpose: it only counts with enableFallback, and a form that always
        // sent it would be refused. The vendor's own default is FLUX_MAX.
        help: 'Which backup model to use when Fallback model is on (vendor default: FLUX_MAX).',
      },
    ],
    price: { credits: GPT4O_CREDITS_PER_IMAGE, note: 'Per image: 2 variants cost 20 credits, 4 cost 40.' },
    // The document gives no duration; GPT Image 1 usually takes about a minute.
    typicalSeconds: 60,
  },
]);
