// The chosen model's limits applied to the tray at once, so a refused item carries its reason
// beside it before anything is sent. The core checks the same rules again on submit; this is
// the early, visible copy of them.
import type { ModelInfo } from '../../../shared/catalog';
import type { ProviderView } from '../../../shared/contract';
import type { DraftReference } from '../../state/draft-state';
import { formatBytes, mimeLabel } from './image-sniff';

export interface ReferenceCheck {
  /** Reference id → why it cannot be sent with this model. */
  problems: ReadonlyMap<string, string>;
  /** A problem with the tray as a whole (the model needs a reference and there is none). */
  missing: string | null;
}

export function checkReferences(references: readonly DraftReference[], provider: ProviderView, model: ModelInfo): ReferenceCheck {
  const problems = new Map<string, string>();
  const limits = model.references;
  const name = model.label;
  references.forEach((reference, index) => {
    const problem = problemOf(reference, index, name, provider, limits);
    if (problem) problems.set(reference.id, problem);
  });
  const missing = limits?.required && references.length === 0 ? `${name} edits pictures: add at least one reference image.` : null;
  return { problems, missing };
}

function problemOf(reference: DraftReference, index: number, name: string, provider: ProviderView, limits: ModelInfo['references']): string | null {
  if (reference.refusal) return reference.refusal;
  if (!limits || limits.max === 0) return `${name} does not take reference images. Remove this one, or choose a model that edits pictures.`;
  if (index >= limits.max) {
    return `${name} takes at most ${limits.max} reference image${limits.max === 1 ? '' : 's'}; this one is over the limit.`;
  }
  if (reference.kind === 'url' && !limits.accepts.includes('url')) {
    return `${name} takes reference images as files, not addresses. Download the picture and drop the file here.`;
  }
  if (reference.kind === 'file' && !limits.accepts.includes('file') && !reference.fromLibrary) {
    return `${provider.label} only fetches reference images from a public address, so a file from this computer cannot be sent. Use a picture from your library or an image URL.`;
  }
  if (reference.mime && limits.mimeTypes.length && !limits.mimeTypes.includes(reference.mime)) {
    return `This is a ${mimeLabel(reference.mime)} image; ${name} accepts ${limits.mimeTypes.map(mimeLabel).join(', ')}.`;
  }
  if (reference.bytes != null && limits.maxBytes !== undefined && reference.bytes > limits.maxBytes) {
    return `This file is ${formatBytes(reference.bytes)}; ${name} accepts files up to ${formatBytes(limits.maxBytes)}.`;
  }
  return null;
}

/** "Up to 4 · PNG, JPEG, WebP · 30 MB each · files or URLs", for the tray's heading. */
export function describeLimits(model: ModelInfo): string {
  const limits = model.references;
  if (!limits || limits.max === 0) return `${model.label} does not take reference images.`;
  const parts = [`Up to ${limits.max}`];
  if (limits.mimeTypes.length) parts.push(limits.mimeTypes.map(mimeLabel).join(', '));
  if (limits.maxBytes !== undefined) parts.push(`${formatBytes(limits.maxBytes)} each`);
  parts.push(limits.accepts.includes('file') ? (limits.accepts.includes('url') ? 'files or URLs' : 'files') : 'URLs or library pictures');
  if (limits.required) parts.push('required');
  return parts.join(' · ');
}
