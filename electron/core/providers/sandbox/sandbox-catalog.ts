// The offline sandbox: no key, no network, real pictures. It lets a fresh install try every
// part of Easel (jobs, progress, library, notifications) before paying any vendor.
import { defineModels } from '../../../../shared/catalog';

export const SANDBOX_MODELS = defineModels([
  {
    id: 'sketch',
    label: 'Sandbox Sketch',
    description: 'Offline demo: paints a landscape from the words of the prompt and the seed. Free, no key, no network.',
    capabilities: ['text-to-image', 'image-to-image'],
    promptMaxLength: 2000,
    negativePrompt: true,
    aspectRatios: ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'],
    resolutions: ['1k', '2k'],
    counts: [1, 2, 3, 4],
    countMode: 'native',
    seed: true,
    references: { max: 1, accepts: ['file'], mimeTypes: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 30 * 1024 * 1024, required: false },
    params: [{ type: 'enum', key: 'style', label: 'Style', options: ['landscape', 'poster'], default: 'landscape', help: 'What the sandbox paints.' }],
    price: { credits: 0, note: 'Free: runs on this computer.' },
    typicalSeconds: 2,
  },
]);
