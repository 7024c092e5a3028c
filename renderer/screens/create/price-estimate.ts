// What a job will cost before it is submitted, from the catalog's prices: credits per image
// (by resolution where that changes it) times the number of images. Vendors that publish no
// price say so instead of a guess.
import type { ModelInfo } from '../../../shared/catalog';
import type { ProviderView } from '../../../shared/contract';
import { canonicalChoice } from './model-choice';

export interface CostEstimate {
  /** The headline: "Free", "50 credits", "Price not published". */
  total: string;
  /** How it was reached, or what the vendor says about its pricing. */
  detail: string | null;
  free: boolean;
}

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function creditsPerImage(model: ModelInfo, resolution: string | null): number | undefined {
  const price = model.price;
  if (!price) return undefined;
  const byResolution = price.byResolution ?? {};
  const chosen = canonicalChoice(resolution, Object.keys(byResolution));
  return chosen !== null ? byResolution[chosen] : price.credits;
}

export function isFree(provider: ProviderView, model: ModelInfo): boolean {
  return provider.id === 'sandbox' || (model.price?.credits === 0 && !model.price.byResolution);
}

export function estimateCost(provider: ProviderView, model: ModelInfo, resolution: string | null, count: number): CostEstimate {
  if (isFree(provider, model)) return { total: 'Free', detail: model.price?.note ?? 'Runs on this computer.', free: true };
  const per = creditsPerImage(model, resolution);
  // A note about the price by resolution (which one applies by default) no longer helps once one is chosen.
  const resolved = canonicalChoice(resolution, Object.keys(model.price?.byResolution ?? {})) !== null;
  const note = resolved ? null : (model.price?.note ?? null);
  if (per === undefined) {
    return {
      total: 'Price not published',
      detail: note ?? `${provider.label} reports the cost after each job; Easel records it with the picture.`,
      free: false,
    };
  }
  const images = count === 1 ? '1 image' : `${count} images`;
  const how = `${number.format(per)} credits × ${images}${model.countMode === 'separate-jobs' && count > 1 ? `, ${count} separate jobs` : ''}`;
  return { total: `${number.format(per * count)} credits`, detail: note ? `${how}. ${note}` : how, free: false };
}

/** The short price shown beside each model in the picker. */
export function priceLabel(provider: ProviderView, model: ModelInfo): string {
  if (isFree(provider, model)) return 'Free';
  const byResolution = Object.values(model.price?.byResolution ?? {});
  if (byResolution.length) {
    const low = Math.min(...byResolution);
    const high = Math.max(...byResolution);
    return low === high ? `${number.format(low)} cr / image` : `${number.format(low)}–${number.format(high)} cr / image`;
  }
  if (model.price?.credits !== undefined) return `${number.format(model.price.credits)} cr / image`;
  return 'Price not published';
}
