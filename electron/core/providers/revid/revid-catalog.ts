// revid v1 models (revid-v1-image.txt, "Image Models"). The document lists the model ids and the
// form fields but not which model honours which value, so every model gets the documented
// choices: resolution 1k/2k/4k, the aspect ratios the document's examples use plus the common
// photographic ones, speed fast/slow. One reference image: input_image (file) or img_url.
import { defineModels, type ModelInfo } from '../../../../shared/catalog';

const ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'];

const MODELS: readonly { id: string; label: string; description: string; typicalSeconds?: number }[] = [
  { id: 'nano-banana', label: 'Nano Banana', description: 'Standard model' },
  { id: 'nano-banana-pro', label: 'Nano Banana Pro', description: 'Higher quality' },
  { id: 'nano-banana-fast', label: 'Nano Banana Fast', description: 'Speed-optimized', typicalSeconds: 30 },
  { id: 'nano-banana-pro-fast', label: 'Nano Banana Pro Fast', description: 'Pro quality, faster', typicalSeconds: 35 },
  { id: 'nano-banana-2', label: 'Nano Banana 2', description: 'Nano Banana, second generation' },
  { id: 'imagen-4.0', label: 'Imagen 4.0', description: 'Imagen latest' },
  { id: 'imagen-4', label: 'Imagen 4', description: 'Imagen v4' },
  { id: 'imagen-4-fast', label: 'Imagen 4 Fast', description: 'Imagen, speed-optimized', typicalSeconds: 30 },
  { id: 'imagen-4-ultra', label: 'Imagen 4 Ultra', description: 'Imagen, highest quality' },
  { id: 'flux-2-pro', label: 'Flux 2 Pro', description: 'Flux 2 Pro' },
  { id: 'seedream-4.5', label: 'Seedream 4.5', description: 'Seedream 4.5' },
  { id: 'kling-01-image', label: 'Kling Image', description: 'Kling image model' },
  { id: 'chatgpt-image', label: 'ChatGPT Image', description: 'GPT image model' },
  { id: 'grok-image', label: 'Grok Image', description: 'Grok image model' },
];

export const REVID_MODELS: readonly ModelInfo[] = defineModels(
  MODELS.map((m) => ({
  id: m.id,
  label: m.label,
  description: m.description,
  capabilities: ['text-to-image', 'image-to-image'],
  negativePrompt: false,
  aspectRatios: ASPECT_RATIOS,
  resolutions: ['1k', '2k', '4k'],
  // No count field in the API: several images means several jobs, each charged.
  counts: [1, 2, 3, 4],
  countMode: 'separate-jobs',
  seed: false,
  references: {
    max: 1,
    accepts: ['file', 'url'],
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
    // The document gives no limit; 20 MB keeps uploads reasonable and is stated in the UI.
    maxBytes: 20 * 1024 * 1024,
    required: false,
  },
  params: [
    { type: 'enum', key: 'speed', label: 'Speed', options: ['fast', 'slow'], help: 'Trade quality for time where the model supports it.' },
    { type: 'string', key: 'server_id', label: 'Server', maxLength: 64, help: 'Routing or server tier, if your account has one.' },
  ],
  // The document says "wait about 45-60 seconds".
  typicalSeconds: m.typicalSeconds ?? 50,
  })),
);
