// The JSON body of a kvid create request, from Easel's vendor-neutral request. Only fields the
// person set are sent, so kvid's own defaults (jpeg, safety checker on) apply otherwise; the
// count is always sent because it decides the charge.
import type { GenerationRequest } from '../../../../shared/domain';
import { invalidInput, type EaselError } from '../../errors/easel-error';
import type { ResolvedReference } from '../provider-adapter';

export interface KvidCreateBody {
  prompt: string;
  negative_prompt?: string;
  image_size?: { width: number; height: number };
  aspect_ratio?: string;
  num_inference_steps?: number;
  guidance_scale?: number;
  seed?: number;
  num_images: number;
  output_format?: string;
  enable_safety_checker?: boolean;
  image_url?: string;
  image_urls?: string[];
}

const PASS_THROUGH_NUMBERS = ['num_inference_steps', 'guidance_scale'] as const;

export function kvidCreateBody(request: GenerationRequest, references: readonly ResolvedReference[]): KvidCreateBody {
  const body: KvidCreateBody = { prompt: request.prompt, num_images: request.count };
  const negative = request.negativePrompt?.trim();
  if (negative) body.negative_prompt = negative;
  const size = imageSizeOf(request);
  if (size) body.image_size = size;
  else if (request.aspectRatio) body.aspect_ratio = request.aspectRatio;
  for (const key of PASS_THROUGH_NUMBERS) {
    const value = request.params[key];
    if (typeof value === 'number') body[key] = value;
  }
  if (request.seed !== undefined) body.seed = request.seed;
  const format = request.params.output_format;
  if (typeof format === 'string' && format) body.output_format = format;
  const safety = request.params.enable_safety_checker;
  if (typeof safety === 'boolean') body.enable_safety_checker = safety;
  // Validation has refused local files already (kvid takes URLs only); one reference goes in
  // the singular field, several in the plural one, never both.
  const urls = references.flatMap((r) => (r.kind === 'url' ? [r.url] : []));
  if (urls.length === 1) body.image_url = urls[0]!;
  else if (urls.length > 1) body.image_urls = urls;
  return body;
}

/** image_size from the width/height params, when both are set. */
export function imageSizeOf(request: GenerationRequest): { width: number; height: number } | undefined {
  const { width, height } = request.params;
  return typeof width === 'number' && typeof height === 'number' ? { width, height } : undefined;
}

/**
 * image_size and aspect_ratio are alternatives in the document, and it does not say which wins
 * when both are sent; Easel refuses the pair rather than guess. Width and height come together.
 */
export function imageSizeProblem(request: GenerationRequest, where: string): EaselError | null {
  const hasWidth = request.params.width !== undefined;
  const hasHeight = request.params.height !== undefined;
  if (hasWidth !== hasHeight) {
    return invalidInput(`${where} needs both width and height for a custom size (you gave only ${hasWidth ? 'width' : 'height'}). Add the other, or use an aspect ratio instead.`);
  }
  if (hasWidth && request.aspectRatio !== undefined) {
    return invalidInput(`${where} takes either an aspect ratio or a width and height, not both. Remove --aspect ${request.aspectRatio} or the width/height params.`);
  }
  return null;
}
