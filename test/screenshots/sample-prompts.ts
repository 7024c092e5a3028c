// Prompts that read like a person's: subjects, places and styles combined, with the words the
// sandbox painter picks its palettes from (dusk, night, forest, sea, snow, desert) spread among them.
const SUBJECTS = [
  'a lighthouse on a rocky coast',
  'an old stone bridge over a river',
  'a fox curled up asleep',
  'a lone cabin in the mountains',
  'a tram climbing a narrow street',
  'a field of sunflowers',
  'a koi pond with lanterns',
  'an astronaut resting on the moon',
  'a bakery window full of bread',
  'a heron standing in shallow water',
  'a greenhouse full of ferns',
  'a red bicycle against a yellow wall',
  'a harbour with fishing boats',
  'a desert caravan under a huge sky',
  'a snow-covered village',
  'a forest path with tall pines',
  'a night market with paper lanterns',
  'a whale breaching at sunset',
  'a reading nook by a rainy window',
  'a mountain lake at first light',
];
const MOODS = ['at dusk', 'at night under the stars', 'in early spring', 'in winter snow', 'in summer sun', 'after the rain', 'at sunset', 'in the blue hour', 'in the morning mist', ''];
const STYLES = [
  'watercolour',
  'soft film photograph, 35mm',
  'isometric illustration',
  'oil painting, thick brush strokes',
  'minimal flat vector poster',
  'studio Ghibli inspired background',
  'ultra detailed, cinematic lighting',
  'linocut print, two colours',
  'pastel gouache',
  '',
];
const NEGATIVES = ['blurry, low quality', 'text, watermark', 'people', 'oversaturated colours', ''];

export interface SamplePrompt {
  prompt: string;
  negativePrompt?: string;
}

export function samplePrompt(random: () => number): SamplePrompt {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const parts = [pick(SUBJECTS), pick(MOODS)].filter(Boolean).join(' ');
  const style = pick(STYLES);
  const prompt = style ? `${parts}, ${style}` : parts;
  const negative = random() < 0.3 ? pick(NEGATIVES) : '';
  return negative ? { prompt: prompt.charAt(0).toUpperCase() + prompt.slice(1), negativePrompt: negative } : { prompt: prompt.charAt(0).toUpperCase() + prompt.slice(1) };
}

/** A small deterministic generator, so every run paints the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
