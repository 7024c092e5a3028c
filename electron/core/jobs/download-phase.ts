// Saves every result into the library before the vendor deletes it. Each picture is streamed
// to a hidden temp file beside its final place, checked (complete, really an image, decodes),
// then renamed into place and recorded; so the library never holds a partial file, and the
// saved bytes are exactly the vendor's. A result whose link has died ends the job `expired`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { JobRecord, JobResult, SavedImage, Sidecar } from '../../../shared/domain';
import { EaselError, toEaselError } from '../errors/easel-error';
import { isProbeFailure, probeImageFile } from '../images/image-probe';
import { abortableSleep } from './abortable-sleep';
import { JobPaused, type PhaseContext } from './phase-context';
import { backoffMs } from './timing-policy';

export async function downloadPhase(job: JobRecord, p: PhaseContext): Promise<JobRecord> {
  for (const result of job.results) {
    if (result.saved) continue;
    job = await saveOne(job, result.index, p);
  }
  return finish(job, p);
}

async function saveOne(job: JobRecord, index: number, p: PhaseContext): Promise<JobRecord> {
  for (let attempt = 0; ; attempt++) {
    const result = job.results.find((r) => r.index === index)!;
    try {
      const saved = await fetchAndPlace(job, result, p);
      return await patchResult(job, index, { saved, lastError: undefined }, p);
    } catch (error) {
      const failure = toEaselError(error);
      if (failure.code === 'CANCELED') throw failure;
      job = await patchResult(job, index, { downloadAttempts: result.downloadAttempts + 1, lastError: failure.toInfo() }, p);
      if (failure.retry === 'final') return job;
      if (attempt >= p.timing.maxTransientRetries) {
        throw new JobPaused(await p.update(job, { warning: expiryWarning(job, failure).toInfo() }), failure);
      }
      await abortableSleep(backoffMs(p.timing, attempt, failure.retryAfterMs), p.signal);
    }
  }
}

async function fetchAndPlace(job: JobRecord, result: JobResult, p: PhaseContext): Promise<SavedImage> {
  // The target is deterministic per job and index, so a resumed download lands in the same place.
  const provisional = p.library.targetFor(job, result.index, 'part');
  const temp = path.join(path.dirname(provisional.path), `.${path.basename(provisional.path)}`);
  try {
    const downloaded = await p.http.download(result.url, temp, {
      timeoutMs: p.timing.downloadTimeoutMs,
      signal: p.signal,
      secrets: [p.ctx.apiKey],
    });
    const probe = await probeImageFile(temp, 'The downloaded file');
    if (isProbeFailure(probe)) {
      throw new EaselError('DOWNLOAD_FAILED', `${probe.message} Easel will try again.`, { retry: 'transient' });
    }
    const target = p.library.targetFor(job, result.index, probe.ext);
    await fs.rename(temp, target.path);
    const saved: SavedImage = {
      path: target.path,
      sidecarPath: target.sidecarPath,
      sha256: downloaded.sha256,
      width: probe.width,
      height: probe.height,
      bytes: downloaded.bytes,
      mime: probe.mime,
    };
    await p.library.add(sidecarFor(job, result, saved, target.imageId));
    return saved;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

function sidecarFor(job: JobRecord, result: JobResult, saved: SavedImage, imageId: string): Sidecar {
  const r = job.request;
  const vendorJobId = job.tasks.find((t) => t.index === result.taskIndex)?.vendorJobId;
  return {
    schemaVersion: 1,
    imageId,
    jobId: job.id,
    index: result.index,
    file: path.basename(saved.path),
    createdAt: job.createdAt,
    provider: r.provider,
    model: r.model,
    prompt: r.prompt,
    ...(r.negativePrompt ? { negativePrompt: r.negativePrompt } : {}),
    ...(r.aspectRatio ? { aspectRatio: r.aspectRatio } : {}),
    ...(r.resolution ? { resolution: r.resolution } : {}),
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
    params: r.params,
    references: r.references,
    ...(vendorJobId ? { vendorJobId } : {}),
    vendorUrl: result.url,
    ...(job.resultsExpireAt ? { vendorUrlExpiresAt: job.resultsExpireAt } : {}),
    ...(job.costCredits !== undefined ? { costCredits: job.costCredits / Math.max(1, job.results.length) } : {}),
    timings: {
      ...(job.submittedAt ? { submittedAt: job.submittedAt } : {}),
      ...(job.vendorCompletedAt ? { completedAt: job.vendorCompletedAt } : {}),
      savedAt: new Date().toISOString(),
    },
    sha256: saved.sha256,
    width: saved.width,
    height: saved.height,
    bytes: saved.bytes,
    mime: saved.mime,
    favorite: false,
  };
}

async function finish(job: JobRecord, p: PhaseContext): Promise<JobRecord> {
  const finishedAt = new Date().toISOString();
  const saved = job.results.filter((r) => r.saved);
  const missing = job.results.filter((r) => !r.saved);
  if (missing.length === 0) return p.update(job, { state: 'completed', finishedAt, warning: undefined, error: undefined });
  const allExpired = missing.every((r) => r.lastError?.code === 'RESULT_EXPIRED');
  const vendor = p.adapter.label;
  if (saved.length > 0) {
    const warning = new EaselError('DOWNLOAD_FAILED', `${missing.length} of ${job.results.length} pictures could not be saved: ${missing[0]!.lastError?.message ?? 'unknown reason'}`);
    return p.update(job, { state: 'completed', finishedAt, warning: warning.toInfo() });
  }
  if (allExpired) {
    const error = new EaselError(
      'RESULT_EXPIRED',
      `${vendor} no longer has ${job.results.length === 1 ? 'this picture' : 'these pictures'}: the link expired before Easel could save it (vendors keep results about 14 days). Nothing was saved.`,
      missing[0]!.lastError?.detail !== undefined ? { detail: missing[0]!.lastError.detail } : {},
    );
    return p.update(job, { state: 'expired', finishedAt, error: error.toInfo() });
  }
  const last = missing[0]!.lastError;
  return p.update(job, { state: 'failed', finishedAt, error: last ?? { code: 'DOWNLOAD_FAILED', message: 'The pictures could not be saved.' } });
}

function patchResult(job: JobRecord, index: number, patch: Partial<JobResult>, p: PhaseContext): Promise<JobRecord> {
  return p.update(job, { results: job.results.map((r) => (r.index === index ? { ...r, ...patch } : r)) });
}

/** While a result is unsaved, say how long the vendor will keep it. */
function expiryWarning(job: JobRecord, cause: EaselError): EaselError {
  if (!job.resultsExpireAt) return cause;
  const leftMs = Date.parse(job.resultsExpireAt) - Date.now();
  const days = Math.max(0, Math.floor(leftMs / (24 * 3600_000)));
  const hours = Math.max(0, Math.floor((leftMs % (24 * 3600_000)) / 3600_000));
  return new EaselError(cause.code, `${cause.message} Not saved yet; the vendor keeps it for about ${days} d ${hours} h more.`, cause.detail !== undefined ? { detail: cause.detail } : {});
}
