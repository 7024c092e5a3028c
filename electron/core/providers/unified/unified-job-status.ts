// Reads a unified job answer into a poll outcome. Nothing of it is documented, so the reading is
// generous: the envelope may sit at the top or under `data`/`job`, status words of the common
// queue vocabularies are understood, and the pictures are looked for in every usual place.
import { EaselError } from '../../errors/easel-error';
import type { VendorResponse } from '../../http/request-spec';
import type { PollOutcome } from '../provider-adapter';
import { parseJsonBody } from '../parse-json-body';
import { UnifiedJobSchema, UrlListSchema, type UnifiedJob } from './unified-schemas';

const VENDOR = 'Unified';

const RUNNING = new Set(['QUEUED', 'PENDING', 'PROCESSING', 'RUNNING', 'IN_PROGRESS', 'STARTED', 'STARTING', 'SUBMITTED', 'WAITING']);
const SUCCEEDED = new Set(['COMPLETED', 'SUCCEEDED', 'SUCCESS', 'DONE', 'FINISHED']);
const FAILED = new Set(['FAILED', 'ERROR', 'CANCELED', 'CANCELLED', 'REJECTED', 'EXPIRED', 'TIMEOUT', 'TIMED_OUT']);

/** Where result URLs are looked for, in order; the same list is tried again under `data`. */
const RESULT_PATHS: readonly (readonly string[])[] = [
  ['images'],
  ['output', 'images'],
  ['output', 'urls'],
  ['output'],
  ['result', 'urls'],
  ['result', 'images'],
  ['result'],
  ['resultUrls'],
  ['imageUrls'],
  ['urls'],
  ['result_urls'],
  ['image_urls'],
];

/** Keeps diagnostics whole for any sane answer without letting a runaway body into the record. */
const DETAIL_LIMIT = 64 * 1024;

export function parseUnifiedJob(response: VendorResponse): PollOutcome {
  const body = parseJsonBody(response, VENDOR);
  const job = envelope(body);
  if (!job) {
    throw new EaselError('BAD_RESPONSE', `${VENDOR} sent a job answer without a status.`, { retry: 'transient', detail: response.text.slice(0, 500) });
  }
  const status = job.status.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (SUCCEEDED.has(status)) {
    const urls = findResultUrls(body);
    if (urls.length === 0) {
      // Complete, but nothing to download: an answer shape we do not know. The runner saves
      // the whole answer beside the job (BAD_RESPONSE + detail) so it can be read and fixed.
      return {
        kind: 'failed',
        error: new EaselError('BAD_RESPONSE', `${VENDOR} says the job is complete, but its answer has no picture URL that Easel recognises.`, {
          detail: response.text.slice(0, DETAIL_LIMIT),
        }),
      };
    }
    const cost = job.creditCost ?? undefined;
    return cost === undefined ? { kind: 'succeeded', images: urls.map((url) => ({ url })) } : { kind: 'succeeded', images: urls.map((url) => ({ url })), costCredits: cost };
  }
  if (FAILED.has(status)) {
    const reason = reasonOf(job);
    const canceled = status.startsWith('CANCEL');
    const message = reason
      ? `${VENDOR} could not make this picture: ${reason}`
      : canceled
        ? `${VENDOR} canceled the job (no reason given).`
        : `${VENDOR} could not make this picture (no reason given).`;
    return { kind: 'failed', error: new EaselError('VENDOR_FAILED', message, { detail: response.text.slice(0, 500) }) };
  }
  // RUNNING and any status word we do not know: keep following, as a new queue state is far
  // likelier than an undocumented final one (the runner pauses the job if polling never ends).
  const progress = normaliseProgress(job.progress);
  return progress === undefined ? { kind: 'running' } : { kind: 'running', progress };
}

function envelope(body: unknown): UnifiedJob | null {
  for (const candidate of [body, field(body, 'data'), field(body, 'job')]) {
    const parsed = UnifiedJobSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

export function findResultUrls(body: unknown): string[] {
  for (const root of [body, field(body, 'data'), field(body, 'job')]) {
    if (root === undefined) continue;
    for (const path of RESULT_PATHS) {
      const value = path.reduce<unknown>((at, key) => field(at, key), root);
      if (value === undefined || value === null) continue;
      const parsed = UrlListSchema.safeParse(value);
      const urls = parsed.success ? parsed.data.filter(isHttpUrl) : [];
      if (urls.length > 0) return urls;
    }
  }
  return [];
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

function reasonOf(job: UnifiedJob): string | undefined {
  for (const candidate of [job.error, job.errorMessage, job.message]) {
    if (typeof candidate === 'string' && candidate.trim()) return candidate.trim().slice(0, 300);
  }
  return undefined;
}

/** 0–1 or 0–100, whichever the vendor uses; anything else is ignored. */
function normaliseProgress(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  const fraction = value > 1 ? value / 100 : value;
  return Math.min(1, fraction);
}
