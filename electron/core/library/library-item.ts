// What the library hands out for display: the sidecar fields a gallery, a search result or
// "use prompt / use seed" needs, with absolute paths. The full record stays in the sidecar.
import path from 'node:path';
import type { ProviderId, Sidecar } from '../../../shared/domain';

export interface LibraryItem {
  imageId: string;
  path: string;
  sidecarPath: string;
  jobId: string;
  /** Position of the picture among its job's results. */
  index: number;
  provider: ProviderId;
  model: string;
  prompt: string;
  negativePrompt?: string;
  createdAt: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  mime: string;
  favorite: boolean;
  aspectRatio?: string;
  seed?: number;
  costCredits?: number;
}

/** The picture sits beside its sidecar under the name the sidecar records. */
export function itemFromSidecar(sidecar: Sidecar, sidecarPath: string): LibraryItem {
  return {
    imageId: sidecar.imageId,
    path: path.join(path.dirname(sidecarPath), sidecar.file),
    sidecarPath,
    jobId: sidecar.jobId,
    index: sidecar.index,
    provider: sidecar.provider,
    model: sidecar.model,
    prompt: sidecar.prompt,
    ...(sidecar.negativePrompt !== undefined ? { negativePrompt: sidecar.negativePrompt } : {}),
    createdAt: sidecar.createdAt,
    width: sidecar.width,
    height: sidecar.height,
    bytes: sidecar.bytes,
    sha256: sidecar.sha256,
    mime: sidecar.mime,
    favorite: sidecar.favorite,
    ...(sidecar.aspectRatio !== undefined ? { aspectRatio: sidecar.aspectRatio } : {}),
    ...(sidecar.seed !== undefined ? { seed: sidecar.seed } : {}),
    ...(sidecar.costCredits !== undefined ? { costCredits: sidecar.costCredits } : {}),
  };
}
