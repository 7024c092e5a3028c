// What each documented code of the revid 4o Image API means, in words a person can act on.
// The same table serves a non-2xx HTTP status and a non-200 `code` inside an HTTP 200 body:
// the document lists the codes without saying which of the two carries them.
import { EaselError } from '../../errors/easel-error';
import type { VendorResponse } from '../../http/request-spec';
import { errorFromStatus, statusMeaning, vendorMessageOf, type StatusMeaning } from '../http-status-errors';

export const VENDOR = 'revid GPT-4o';

export type Gpt4oPhase = 'create' | 'poll' | 'result';

const FETCH_FAILED =
  `${VENDOR} could not fetch a reference image or the mask. Each URL must be publicly reachable by the vendor's servers: ` +
  'no login or cookie, no signed link that has expired, no hotlink protection, IP allow-list, firewall or region block at your host or CDN.';

const CONTENT_POLICY = /flagged|content polic|violat|unsafe|nsfw|moderation/i;
const FETCH_IMAGE = /fetch(ing)? the image|access limits/i;
const ENGLISH_ONLY = /english/i;
const RECORD_GONE = /record is null|within 14 days/i;
const RECORD_EMPTY = /result data (is blank|not exist|is empty)/i;
const RECORD_NOT_SUCCESS = /status is not success/i;

/** The error for `status` (an HTTP status, or the body's `code`), with the vendor's words as detail. */
export function gpt4oError(response: VendorResponse, status: number, phase: Gpt4oPhase): EaselError {
  const said = vendorMessageOf(response.text);
  const meaning = meaningOf(status, phase, said);
  // errorFromStatus reads Retry-After and keeps the vendor's message as detail.
  const error = errorFromStatus({ ...response, status }, meaning, said);
  if (meaning.quote !== false) return error;
  // Where our message already says what the vendor meant, its words stay in the detail only.
  return new EaselError(error.code, meaning.message, {
    retry: error.retry,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
  });
}

function meaningOf(status: number, phase: Gpt4oPhase, said: string | undefined): StatusMeaning & { quote?: boolean } {
  const text = said ?? '';
  switch (status) {
    case 400:
      if (CONTENT_POLICY.test(text)) {
        return {
          code: 'CONTENT_REJECTED',
          message: `${VENDOR} refused the prompt or a reference image under its content policy (400)${quote(said)} Rephrase the prompt or use another image.`,
          retry: 'final',
        };
      }
      if (ENGLISH_ONLY.test(text)) {
        return { code: 'INVALID_INPUT', message: `${VENDOR} only accepts English prompts at this time (400). Write the prompt in English.`, retry: 'final', quote: false };
      }
      if (FETCH_IMAGE.test(text)) return { code: 'INVALID_INPUT', message: `${FETCH_FAILED} (400)`, retry: 'final', quote: false };
      return {
        code: 'INVALID_INPUT',
        message: `${VENDOR} rejected the request (400). Its documented reasons: a prompt flagged by its content policy, a prompt not in English, or a reference image it could not fetch or found unsafe.`,
        retry: 'final',
      };
    case 401:
      return { code: 'AUTH_FAILED', message: `${VENDOR} rejected the API key (401).`, retry: 'final' };
    case 404:
      return phase === 'create'
        ? { code: 'NOT_FOUND', message: `${VENDOR} has no such endpoint (404). Check the base URL.`, retry: 'final' }
        : { code: 'NOT_FOUND', message: `${VENDOR} does not know this task (404). It may have been deleted, or the base URL points elsewhere.`, retry: 'final' };
    case 422:
      if (phase !== 'create' && RECORD_GONE.test(text)) {
        return {
          code: 'RESULT_EXPIRED',
          message: `${VENDOR} no longer has this task: it keeps records for 14 days only (422). Pictures not saved before then cannot be fetched again.`,
          retry: 'final',
        };
      }
      if (phase !== 'create' && RECORD_EMPTY.test(text)) {
        return { code: 'VENDOR_FAILED', message: `${VENDOR} finished this task without any picture (422).`, retry: 'final' };
      }
      if (phase !== 'create' && RECORD_NOT_SUCCESS.test(text)) {
        return { code: 'VENDOR_FAILED', message: `${VENDOR} says this task did not succeed (422).`, retry: 'final' };
      }
      return { code: 'INVALID_INPUT', message: `${VENDOR} could not validate the request (422).`, retry: 'final' };
    case 429:
      return {
        code: 'RATE_LIMITED',
        message: `${VENDOR} is rate limiting requests (429; it allows 3 status queries per second per task). Easel will slow down.`,
        retry: 'transient',
      };
    case 451:
      return { code: 'INVALID_INPUT', message: `${FETCH_FAILED} (451)`, retry: 'final', quote: false };
    case 455:
      return { code: 'VENDOR_UNAVAILABLE', message: `${VENDOR} is undergoing maintenance (455). Easel will try again later.`, retry: 'transient' };
    case 500:
      return { code: 'VENDOR_ERROR', message: `${VENDOR} had an internal error or timed out (500). Easel will try again.`, retry: 'transient' };
    default:
      return statusMeaning(VENDOR, status);
  }
}

function quote(said: string | undefined): string {
  return said ? `: "${said.slice(0, 300)}".` : '.';
}
