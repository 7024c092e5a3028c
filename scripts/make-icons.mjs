// Rasterises resources/icon.svg (drawn by hand) into the PNG that electron-builder turns into
// each platform's icon format. Run after editing the SVG and commit both files:
//   node scripts/make-icons.mjs
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
const SIZE = 512;

const svg = await readFile(`${resources}icon.svg`);
// Render at 4x the SVG's own size and scale down, so curves and strokes are smooth.
await sharp(svg, { density: 72 * 4 })
  .resize(SIZE, SIZE)
  .png({ compressionLevel: 9 })
  .toFile(`${resources}icon.png`);

console.log(`resources/icon.png: ${SIZE}x${SIZE}`);
