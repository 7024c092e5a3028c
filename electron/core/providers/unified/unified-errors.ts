// The unified document's error table (400 validation, 401 key, 402 credits, 503 queue down) in
// words a person can act on. Everything else falls back to the shared HTTP meanings.
import type { EaselError } from '../../errors/easel-error';
import type { VendorResponse } from '../../http/request-spec';
import { errorFromStatus, statusMeaning, vendorMessageOf } from '../http-status-errors';
import { UnifiedErrorBodySchema } from './unified-schemas';
import { UNIFIED_JOBS_PATH_ENV } from './unified-jobs-path';

const VENDOR = 'Unified';

export function mapUnifiedError(response: VendorResponse, phase: 'create' | 'poll' | 'result'): EaselError {
  const meaning = statusMeaning(VENDOR, response.status);
  switch (response.status) {
    case 400:
      meaning.message = `${VENDOR} rejected the request as invalid (400).`;
      break;
    case 401:
      meaning.message = `${VENDOR} rejected the API key: it is missing or invalid (401).`;
      break;
    case 402:
      meaning.message = `Your ${VENDOR} account does not have enough credits to run this model (402). Top up, then try again.`;
      break;
    case 404:
      if (phase !== 'create') {
        meaning.message =
          `${VENDOR} does not know this job (404). The jobs endpoint is not documented; if your account uses another path, ` +
          `set ${UNIFIED_JOBS_PATH_ENV} (for example /v2/jobs/{jobId}).`;
      } else {
        meaning.message = `${VENDOR} has no image endpoint at this address (404). Check the Unified base URL.`;
      }
      break;
    case 503:
      meaning.message = `${VENDOR}'s job queue is temporarily down (503); Easel will try again.`;
      break;
  }
  return errorFromStatus(response, meaning, vendorWords(response));
}

/**
 * The vendor's own explanation, with a 400's `details` spelled out: "check details" is all the
 * document says, so details may be a string, a list of strings or of `{ field, message }`, or a
 * field → message map.
 */
export function vendorWords(response: VendorResponse): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return vendorMessageOf(response.text);
  }
  const parsed = UnifiedErrorBodySchema.safeParse(body);
  if (!parsed.success) return vendorMessageOf(response.text);
  const details = describeDetails(parsed.data.details);
  const headline = parsed.data.message ?? (typeof parsed.data.error === 'string' ? parsed.data.error : undefined);
  if (details) return headline ? `${headline}: ${details}` : details;
  return headline ?? vendorMessageOf(response.text);
}

function describeDetails(details: unknown): string | undefined {
  if (details === undefined || details === null) return undefined;
  if (typeof details === 'string') return details.trim() || undefined;
  if (Array.isArray(details)) {
    const parts = details.map(describeDetail).filter((p): p is string => Boolean(p));
    return parts.length ? parts.join('; ') : undefined;
  }
  if (typeof details === 'object') {
    const record = details as Record<string, unknown>;
    const single = describeDetail(record);
    if (single && ('message' in record || 'msg' in record)) return single;
    const parts = Object.entries(record).map(([key, value]) => {
      const text = Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : describeDetail(value);
      return text ? `${key}: ${text}` : undefined;
    });
    const kept = parts.filter((p): p is string => Boolean(p));
    return kept.length ? kept.join('; ') : undefined;
  }
  return String(details);
}

function describeDetail(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail.trim() || undefined;
  if (!detail || typeof detail !== 'object') return detail === undefined || detail === null ? undefined : String(detail);
  const record = detail as Record<string, unknown>;
  const message = [record.message, record.msg, record.error].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (!message) return undefined;
  const rawField = record.field ?? record.path ?? record.param ?? record.loc;
  const fieldName = Array.isArray(rawField) ? rawField.join('.') : typeof rawField === 'string' ? rawField : undefined;
  return fieldName ? `${fieldName}: ${message}` : message;
}
