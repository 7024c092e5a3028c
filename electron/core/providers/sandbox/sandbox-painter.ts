// Paints the sandbox's pictures: a layered landscape (or a poster) whose palette comes from the
// words of the prompt and whose shapes come from the seed, so the same prompt and seed always
// give the same picture and a new seed gives a new one. With a reference image, the picture is
// painted over it, so image-to-image visibly uses the reference.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

interface Palette {
  sky: [string, string];
  land: [string, string, string];
  sun: string;
  stars: boolean;
}

const PALETTES: readonly { words: RegExp; palette: Palette }[] = [
  { words: /\b(dusk|sunset|evening|autumn|fire|warm)\b/i, palette: { sky: ['#2b1055', '#ff7e5f'], land: ['#7a3e65', '#4a1f4f', '#22102e'], sun: '#ffd27f', stars: false } },
  { words: /\b(night|moon|star|space|midnight|galaxy)\b/i, palette: { sky: ['#020024', '#1b2a6b'], land: ['#243b6b', '#16264a', '#0b1430'], sun: '#f4f1de', stars: true } },
  { words: /\b(forest|jungle|green|spring|garden|meadow)\b/i, palette: { sky: ['#a8e6cf', '#fdfcdc'], land: ['#5b8c5a', '#3d6b45', '#1f4037'], sun: '#fff3b0', stars: false } },
  { words: /\b(sea|ocean|lake|harbou?r|lighthouse|beach|river|rain)\b/i, palette: { sky: ['#89c2d9', '#e0f2fe'], land: ['#3a7ca5', '#2c5d7c', '#16425b'], sun: '#ffffff', stars: false } },
  { words: /\b(snow|winter|ice|frost|mountain)\b/i, palette: { sky: ['#c9d6ff', '#f5f7fa'], land: ['#9fb3c8', '#6b7f99', '#3e4c63'], sun: '#fffbea', stars: false } },
  { words: /\b(desert|sand|dune|summer|sun)\b/i, palette: { sky: ['#f6d365', '#fda085'], land: ['#e2a05b', '#c27c3e', '#8a5a2b'], sun: '#fff8e1', stars: false } },
];

const FALLBACK: Palette = { sky: ['#667eea', '#f5c6ec'], land: ['#7f6fb0', '#59508a', '#2e2a4f'], sun: '#fff1c1', stars: false };

export interface PaintOrder {
  prompt: string;
  seed: number;
  index: number;
  width: number;
  height: number;
  style: string;
  reference?: string;
}

export async function paint(order: PaintOrder): Promise<Buffer> {
  const random = seeded(`${order.prompt}\u0000${order.seed}\u0000${order.index}`);
  const palette = PALETTES.find((p) => p.words.test(order.prompt))?.palette ?? FALLBACK;
  const svg = order.style === 'poster' ? poster(order, palette, random) : landscape(order, palette, random);
  const overlay = Buffer.from(svg);
  if (order.reference) {
    const base = await sharp(order.reference).resize(order.width, order.height, { fit: 'cover' }).modulate({ saturation: 0.8 }).toBuffer();
    return sharp(base).composite([{ input: await sharp(overlay).ensureAlpha(0.55).png().toBuffer(), blend: 'soft-light' }]).png().toBuffer();
  }
  return sharp(overlay).png().toBuffer();
}

function landscape(o: PaintOrder, p: Palette, random: () => number): string {
  const { width: w, height: h } = o;
  const sunX = w * (0.2 + random() * 0.6);
  const sunY = h * (0.18 + random() * 0.25);
  const ridges = p.land
    .map((color, layer) => {
      const base = h * (0.5 + layer * 0.15);
      const points: string[] = [`0,${h}`];
      const steps = 8 + Math.floor(random() * 6);
      for (let i = 0; i <= steps; i++) points.push(`${((w * i) / steps).toFixed(1)},${(base - random() * h * (0.22 - layer * 0.05)).toFixed(1)}`);
      points.push(`${w},${h}`);
      return `<polygon points="${points.join(' ')}" fill="${color}"/>`;
    })
    .join('');
  const stars = p.stars
    ? Array.from({ length: 60 }, () => `<circle cx="${(random() * w).toFixed(1)}" cy="${(random() * h * 0.5).toFixed(1)}" r="${(random() * 1.6 + 0.3).toFixed(2)}" fill="#fff" opacity="${(0.4 + random() * 0.6).toFixed(2)}"/>`).join('')
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="${p.sun}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient></defs>
<rect width="${w}" height="${h}" fill="url(#sky)"/>${stars}
<circle cx="${sunX}" cy="${sunY}" r="${Math.min(w, h) * 0.22}" fill="url(#glow)"/><circle cx="${sunX}" cy="${sunY}" r="${Math.min(w, h) * 0.07}" fill="${p.sun}"/>
${ridges}</svg>`;
}

function poster(o: PaintOrder, p: Palette, random: () => number): string {
  const { width: w, height: h } = o;
  const colors = [...p.land, p.sun, p.sky[1]];
  const shapes = Array.from({ length: 9 }, () => {
    const color = colors[Math.floor(random() * colors.length)]!;
    const x = random() * w;
    const y = random() * h;
    const r = (0.08 + random() * 0.25) * Math.min(w, h);
    return random() < 0.5
      ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${color}" opacity="0.85"/>`
      : `<rect x="${(x - r).toFixed(1)}" y="${(y - r / 2).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${r.toFixed(1)}" fill="${color}" opacity="0.85" transform="rotate(${Math.round(random() * 90 - 45)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${p.sky[0]}"/>${shapes}</svg>`;
}

/** A small deterministic generator (mulberry32) seeded from a hash of the text. */
function seeded(text: string): () => number {
  let state = createHash('sha256').update(text).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picture size for an aspect ratio: about 1 megapixel at 1k, twice the sides at 2k. */
export function sandboxSize(aspect: string, resolution: string): { width: number; height: number } {
  const [a, b] = aspect.split(':').map(Number) as [number, number];
  const long = resolution === '2k' ? 2048 : 1024;
  return a >= b ? { width: long, height: Math.round((long * b) / a) } : { width: Math.round((long * a) / b), height: long };
}
