// Every bad input is refused here, before a job record exists and before any request is sent,
// with a message that says what to change. The rules come from the model catalog, so the CLI,
// the desktop form and this check can never disagree about what a model accepts.
import type { GenerationRequest, Reference } from '../../../shared/domain';
import type { ModelInfo, ParamSpec } from '../../../shared/catalog';
import { listOr, readParam, type ParamValue } from '../../../shared/param-rules';
import { EaselError, invalidInput } from '../errors/easel-error';
import type { ProviderAdapter, ResolvedReference } from '../providers/provider-adapter';
import { isProbeFailure, probeImageFile } from '../images/image-probe';
import path from 'node:path';
import { vendorUrlOf } from './library-reference';

export function findModel(adapter: ProviderAdapter, modelId: string): ModelInfo {
  const model = adapter.models.find((m) => m.id === modelId);
  if (!model) {
    throw new EaselError('UNKNOWN_MODEL', `${adapter.label} has no model "${modelId}". Choose one of: ${adapter.models.map((m) => m.id).join(', ')}.`);
  }
  return model;
}

/** Checks the request against the model and returns it with params typed per the catalog. */
export function validateRequest(adapter: ProviderAdapter, request: GenerationRequest): { request: GenerationRequest; model: ModelInfo } {
  const model = findModel(adapter, request.model);
  const where = `${model.label} (${adapter.label})`;
  const prompt = request.prompt.trim();
  if (!prompt) throw invalidInput('The prompt is empty. Describe the picture you want.');
  if (model.promptMaxLength !== undefined && prompt.length > model.promptMaxLength) {
    throw invalidInput(`The prompt is ${prompt.length} characters; ${where} accepts at most ${model.promptMaxLength}. Shorten it by ${prompt.length - model.promptMaxLength}.`);
  }
  if (request.negativePrompt?.trim() && !model.negativePrompt) {
    throw invalidInput(`${where} does not take a negative prompt. Remove it, or choose a model that does.`);
  }
  const aspectRatio = checkChoice(request.aspectRatio, model.aspectRatios, 'aspect ratio', where, model.openParams ? 'aspect_ratio' : null);
  const resolution = checkChoice(request.resolution, model.resolutions, 'resolution', where, model.openParams ? 'resolution' : null);
  if (!model.counts.includes(request.count)) {
    throw invalidInput(`${where} cannot make ${request.count} images at once; it accepts ${listOr(model.counts.map(String))}.`);
  }
  if (request.seed !== undefined && !model.seed) throw invalidInput(`${where} does not take a seed.`);
  checkReferenceCount(request.references, model, where);
  const params = typeParams(request.params, model.params, where, model.openParams);
  const typed: GenerationRequest = {
    ...request,
    prompt,
    params,
    ...(aspectRatio !== undefined ? { aspectRatio } : {}),
    ...(resolution !== undefined ? { resolution } : {}),
  };
  const vendorProblem = adapter.validate?.(typed, model);
  if (vendorProblem) throw vendorProblem;
  return { request: typed, model };
}

/** Returns the catalog's own spelling of the choice ("2k" is the vendor's "2K"). */
function checkChoice(value: string | undefined, allowed: readonly string[], what: string, where: string, openParamKey: string | null): string | undefined {
  if (value === undefined) return undefined;
  if (allowed.length === 0) {
    const article = /^[aeiou]/.test(what) ? 'an' : 'a';
    // Open-parameter models take such options in the vendor's own words.
    const hint = openParamKey ? ` If the model has its own option for it, pass it as --param ${openParamKey}=${value}.` : '';
    throw invalidInput(`${where} does not take ${article} ${what}.${hint}`);
  }
  const canonical = allowed.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
  if (canonical === undefined) throw invalidInput(`${where} does not accept the ${what} "${value}". Choose ${listOr(allowed)}.`);
  return canonical;
}

function checkReferenceCount(references: readonly Reference[], model: ModelInfo, where: string): void {
  const limits = model.references;
  if (references.length === 0) {
    if (limits?.required) throw invalidInput(`${where} edits pictures: add at least one reference image.`);
    return;
  }
  if (!limits || limits.max === 0) throw invalidInput(`${where} does not take reference images. Choose a model that edits pictures.`);
  if (references.length > limits.max) {
    throw invalidInput(`${where} takes at most ${limits.max} reference image${limits.max === 1 ? '' : 's'}; you gave ${references.length}.`);
  }
}

/** Local references are opened and checked; URLs are passed as they are (the vendor fetches them). */
export async function resolveReferences(
  references: readonly Reference[],
  model: ModelInfo,
  where: string,
  uploadModels: () => string[],
): Promise<ResolvedReference[]> {
  const limits = model.references;
  const resolved: ResolvedReference[] = [];
  for (const reference of references) {
    if (reference.kind === 'url') {
      if (!limits?.accepts.includes('url')) throw invalidInput(`${where} takes reference images as files, not URLs. Download the picture and add the file.`);
      if (!/^https?:$/.test(new URL(reference.url).protocol)) throw invalidInput(`Reference URLs must start with http:// or https:// (got ${reference.url}).`);
      resolved.push({ kind: 'url', url: reference.url });
      continue;
    }
    const name = path.basename(reference.path);
    const probe = await probeImageFile(reference.path, name);
    if (isProbeFailure(probe)) throw invalidInput(`Reference ${probe.message}`);
    if (!limits?.accepts.includes('file')) {
      const fromLibrary = limits?.accepts.includes('url') ? await vendorUrlOf(reference.path) : ({ kind: 'not-in-library' } as const);
      if (fromLibrary.kind === 'alive') {
        resolved.push({ kind: 'url', url: fromLibrary.url });
        continue;
      }
      const others = uploadModels();
      const why =
        fromLibrary.kind === 'expired'
          ? `${name} is in your library, but its vendor link expired on ${fromLibrary.expiredAt.slice(0, 10)}, and ${where} only accepts references by public URL.`
          : `${where} only accepts reference images by public URL, so the local file ${name} cannot be sent.`;
      throw invalidInput(why + (others.length ? ` Models that take uploaded files: ${others.join(', ')}.` : ''));
    }
    if (limits.mimeTypes.length && !limits.mimeTypes.includes(probe.mime)) {
      throw invalidInput(`Reference ${name} is a ${probe.ext.toUpperCase()} image; ${where} accepts ${limits.mimeTypes.map((m) => m.replace('image/', '').toUpperCase()).join(', ')}.`);
    }
    if (limits.maxBytes !== undefined && probe.bytes > limits.maxBytes) {
      throw invalidInput(`Reference ${name} is ${formatMb(probe.bytes)}; ${where} accepts files up to ${formatMb(limits.maxBytes)}.`);
    }
    resolved.push({ kind: 'file', path: path.resolve(reference.path), filename: name, contentType: probe.mime, bytes: probe.bytes });
  }
  return resolved;
}

function typeParams(raw: Record<string, ParamValue>, specs: readonly ParamSpec[], where: string, open: boolean): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec && open) {
      out[key] = typeOpenParam(key, value);
      continue;
    }
    if (!spec) {
      throw invalidInput(
        specs.length
          ? `${where} has no parameter "${key}". It accepts: ${specs.map((s) => s.key).join(', ')}.`
          : `${where} takes no extra parameters (got "${key}").`,
      );
    }
    out[key] = typeParam(spec, value, where);
  }
  return out;
}

/** Options the vendor documents per model without listing them: type them from their text. */
function typeOpenParam(key: string, value: ParamValue): ParamValue {
  if (!/^[A-Za-z_][\w.-]{0,63}$/.test(key)) throw invalidInput(`"${key}" is not a valid parameter name.`);
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function typeParam(spec: ParamSpec, value: ParamValue, where: string): ParamValue {
  const reading = readParam(spec, value, `${spec.label} for ${where}`);
  if (!reading.ok) throw invalidInput(reading.problem);
  return reading.value;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
