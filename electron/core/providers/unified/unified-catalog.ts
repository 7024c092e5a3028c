// The unified v2 models (unified-v2-images.txt, "Available models"): all 40, with the document's
// own labels and descriptions. The document gives only the common body (prompt, model) and says
// each model "also accepts its own parameters object" without listing it, so:
// - no aspect ratio, resolution, negative prompt or seed is offered as a common field: those
//   are model options, passed through with `--param key=value` (openParams) into `parameters`;
// - image-to-image is offered where the description speaks of image-to-image, editing or
//   references, as public URLs in `imageUrls` (the vendor fetches them; nothing is uploaded);
// - there is no count field, so several pictures mean several vendor jobs, each charged;
// - no price is published, so none is stated; typical times are our estimate per family.
import { defineModels, type ModelInfo, type ModelInfoInput } from '../../../../shared/catalog';

/** The document's 1–2,000 characters. */
export const UNIFIED_PROMPT_MAX = 2000;

interface UnifiedModel {
  id: string;
  label: string;
  description: string;
  /** Most reference images sent; 0 = text-to-image only. */
  references: number;
  typicalSeconds: number;
}

// Reference limits are not documented. 4 for models described as editing or multi-reference
// (the smallest limit these model families are commonly served with), 1 for the character
// model, which is built around one reference picture.
const EDIT = 4;

const MODELS: readonly UnifiedModel[] = [
  { id: 'midjourney', label: 'Midjourney', description: 'High-quality image generation from text prompts', references: 0, typicalSeconds: 60 },
  { id: 'nano-banana', label: 'Nano Banana', description: 'Fast generation with image-to-image support', references: EDIT, typicalSeconds: 15 },
  { id: 'nano-banana-pro', label: 'Nano Banana Pro', description: 'Professional-grade with accurate text, up to 4K', references: 0, typicalSeconds: 40 },
  { id: 'nano-banana-2', label: 'Nano Banana 2', description: 'High-efficiency with Google Search grounding, up to 4K', references: 0, typicalSeconds: 30 },
  { id: 'flux-1.1-pro', label: 'Flux 1.1 Pro', description: 'Fast, high-quality generation with excellent prompt adherence', references: 0, typicalSeconds: 15 },
  { id: 'flux-1.1-pro-ultra', label: 'Flux 1.1 Pro Ultra', description: 'High-resolution (up to 4MP) with raw mode', references: 0, typicalSeconds: 25 },
  { id: 'flux-2-pro', label: 'Flux 2 Pro', description: 'Image generation and editing with multi-reference support', references: EDIT, typicalSeconds: 25 },
  { id: 'flux-2-dev', label: 'Flux 2 Dev', description: 'Open-weight generation and editing, optimized for speed', references: EDIT, typicalSeconds: 15 },
  { id: 'flux-2-flex', label: 'Flux 2 Flex', description: 'Specialized for typography and fine detail', references: EDIT, typicalSeconds: 30 },
  { id: 'flux-2-max', label: 'Flux 2 Max', description: 'Highest fidelity model with best editing consistency', references: EDIT, typicalSeconds: 40 },
  { id: 'seedream-3', label: 'Seedream 3', description: 'High-resolution (2K) text-to-image by ByteDance', references: 0, typicalSeconds: 20 },
  { id: 'seedream-3.1', label: 'Seedream 3.1', description: 'Cinematic-quality with style control (Dreamina 3.1)', references: 0, typicalSeconds: 20 },
  { id: 'seedream-4', label: 'Seedream 4', description: 'Generation and editing with multi-reference, up to 4K', references: EDIT, typicalSeconds: 30 },
  { id: 'seedream-4.5', label: 'Seedream 4.5', description: 'Stronger spatial understanding, up to 4K', references: EDIT, typicalSeconds: 30 },
  // "Example-based editing" means editing from example pictures, so it takes references.
  { id: 'seedream-5-lite', label: 'Seedream 5 Lite', description: 'Latest model with reasoning and example-based editing', references: EDIT, typicalSeconds: 30 },
  { id: 'ideogram-v2', label: 'Ideogram V2', description: 'High-quality generation with superior text rendering', references: 0, typicalSeconds: 20 },
  { id: 'ideogram-v2-turbo', label: 'Ideogram V2 Turbo', description: 'Faster V2 variant optimized for speed', references: 0, typicalSeconds: 10 },
  { id: 'ideogram-v2a', label: 'Ideogram V2a', description: 'Cost-efficient generation with strong text rendering', references: 0, typicalSeconds: 15 },
  { id: 'ideogram-v2a-turbo', label: 'Ideogram V2a Turbo', description: 'Fastest and most affordable Ideogram model', references: 0, typicalSeconds: 10 },
  { id: 'ideogram-v3-balanced', label: 'Ideogram V3 Balanced', description: 'Balanced quality/speed with style presets and references', references: EDIT, typicalSeconds: 20 },
  { id: 'ideogram-v3-turbo', label: 'Ideogram V3 Turbo', description: 'Fast V3 with style presets and references', references: EDIT, typicalSeconds: 10 },
  { id: 'ideogram-v3-quality', label: 'Ideogram V3 Quality', description: 'Highest-quality V3 for production-ready images', references: EDIT, typicalSeconds: 30 },
  { id: 'ideogram-character', label: 'Ideogram Character', description: 'Character-consistent generation with reference images', references: 1, typicalSeconds: 25 },
  { id: 'imagen-3', label: 'Imagen 3', description: "Google's highest quality text-to-image with rich lighting and detail", references: 0, typicalSeconds: 20 },
  { id: 'imagen-3-fast', label: 'Imagen 3 Fast', description: 'Faster, cheaper Imagen 3 for speed-sensitive use cases', references: 0, typicalSeconds: 10 },
  { id: 'imagen-4', label: 'Imagen 4', description: "Google's flagship Imagen 4 with superior typography and detail", references: 0, typicalSeconds: 20 },
  { id: 'imagen-4-ultra', label: 'Imagen 4 Ultra', description: 'Ultra quality Imagen 4 for maximum fidelity', references: 0, typicalSeconds: 30 },
  { id: 'imagen-4-fast', label: 'Imagen 4 Fast', description: 'Fast Imagen 4 optimized for speed and cost', references: 0, typicalSeconds: 10 },
  { id: 'dall-e-3', label: 'DALL-E 3', description: "OpenAI's latest with improved detail, text rendering, and prompt adherence", references: 0, typicalSeconds: 20 },
  { id: 'dall-e-2', label: 'DALL-E 2', description: "OpenAI's classic image generation from text descriptions", references: 0, typicalSeconds: 15 },
  { id: 'gpt-image-1.5', label: 'GPT Image 1.5', description: "OpenAI's latest with tiered quality, editing, and multi-image output", references: EDIT, typicalSeconds: 45 },
  { id: 'kling-image', label: 'Kling Image', description: "Kling's image generation with reference images and multi-image output", references: EDIT, typicalSeconds: 30 },
  { id: 'qwen-image', label: 'Qwen Image', description: 'Qwen v1 with text-to-image, image-to-image, and image editing', references: EDIT, typicalSeconds: 20 },
  { id: 'qwen-image-2', label: 'Qwen Image 2', description: 'Qwen v2 unified generation and editing model', references: EDIT, typicalSeconds: 20 },
  { id: 'qwen-image-2-pro', label: 'Qwen Image 2 Pro', description: 'Qwen v2 Pro with higher fidelity output', references: EDIT, typicalSeconds: 30 },
  { id: 'wan-image-2.6', label: 'Wan Image 2.6', description: "Alibaba's Wan 2.6 image generation and editing model", references: EDIT, typicalSeconds: 25 },
  { id: 'wan-image-2.7', label: 'Wan Image 2.7', description: "Alibaba's Wan 2.7 image generation and editing with thinking mode", references: EDIT, typicalSeconds: 30 },
  { id: 'wan-image-2.7-pro', label: 'Wan Image 2.7 Pro', description: 'Wan 2.7 Pro with higher fidelity output', references: EDIT, typicalSeconds: 35 },
  { id: 'grok-imagine-image', label: 'Grok Imagine Image', description: "xAI's fast image generation with strong creative control and text rendering", references: 0, typicalSeconds: 15 },
  { id: 'reve-create', label: 'Reve Create', description: 'High-quality generation with stunning aesthetics and text rendering', references: 0, typicalSeconds: 20 },
];

function toModelInfo(m: UnifiedModel): ModelInfoInput {
  const edits = m.references > 0;
  return {
    id: m.id,
    label: m.label,
    description: m.description,
    capabilities: edits ? ['text-to-image', 'image-to-image'] : ['text-to-image'],
    promptMaxLength: UNIFIED_PROMPT_MAX,
    negativePrompt: false,
    aspectRatios: [],
    resolutions: [],
    counts: [1, 2, 3, 4],
    countMode: 'separate-jobs',
    seed: false,
    ...(edits
      ? {
          references: {
            max: m.references,
            // The vendor takes references by URL only; local files are refused before sending.
            accepts: ['url'],
            mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
            required: false,
          },
        }
      : {}),
    params: [],
    openParams: true,
    typicalSeconds: m.typicalSeconds,
  };
}

export const UNIFIED_MODELS: readonly ModelInfo[] = defineModels(MODELS.map(toModelInfo));

