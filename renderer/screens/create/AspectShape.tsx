/** A small outline in the ratio's proportions, so "9:16" reads as tall at a glance. */
export function AspectShape({ ratio }: { ratio: string }) {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(ratio);
  if (!match) return null;
  const w = Number(match[1]);
  const h = Number(match[2]);
  if (!w || !h) return null;
  const size = 14;
  const width = w >= h ? size : Math.max(5, Math.round((size * w) / h));
  const height = h >= w ? size : Math.max(5, Math.round((size * h) / w));
  return <span className="aspect-shape" style={{ width, height }} aria-hidden="true" />;
}
