// kvid's error codes as Easel errors. The document lists the codes with their HTTP statuses but
// not the body that carries them, so the code is read from `{ success:false, error:{code,message} }`,
// from a flat `{ code, message }`, or not at all (plain text); a known code decides the meaning,
// otherwise the HTTP status does. The same mapping serves `success:false` under HTTP 200.
import { EaselError } from '../../errors/easel-error';
import type { VendorResponse } from '../../http/request-spec';
import { errorFromStatus, statusMeaning, vendorMessageOf, type StatusMeaning } from '../http-status-errors';
import { KvidErrorBodySchema } from './kvid-schemas';

export const KVID_VENDOR = 'kvid';

/** The document's "Common errors" table. */
const CODE_MEANINGS: Readonly<Record<string, StatusMeaning>> = {
  INVALID_PROMPT: {
    code: 'INVALID_INPUT',
    message: 'kvid rejected the prompt as empty or invalid (INVALID_PROMPT). Check the prompt and try again.',
    retry: 'final',
  },
  INSUFFICIENT_CREDITS: {
    code: 'INSUFFICIENT_CREDITS',
    message: 'Your kvid account is out of credits (INSUFFICIENT_CREDITS). Top up at kvid, then try again.',
    retry: 'final',
  },
  SAFETY_CHECK_FAILED: {
    code: 'CONTENT_REJECTED',
    message: "kvid's safety filter rejected this prompt (SAFETY_CHECK_FAILED). Rephrase the prompt and try again.",
    retry: 'final',
  },
  RATE_LIMITED: {
    code: 'RATE_LIMITED',
    message: 'kvid is rate limiting requests (RATE_LIMITED); Easel will slow down and try again.',
    retry: 'transient',
  },
  SERVER_ERROR: {
    code: 'VENDOR_ERROR',
    message: 'kvid had an internal error (SERVER_ERROR); Easel will try again. If it keeps happening, contact kvid support.',
    retry: 'transient',
  },
};

export interface KvidErrorInfo {
  code?: string;
  message?: string;
}

/** The code and message of an error answer, whatever its shape; {} when it has neither. */
export function kvidErrorOf(text: string): KvidErrorInfo {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Plain text (or an HTML error page, which vendorMessageOf leaves out), perhaps led by a
    // code: "SAFETY_CHECK_FAILED: Prompt rejected".
    const message = vendorMessageOf(text);
    const coded = message === undefined ? null : /^([A-Z][A-Z0-9_]{2,})\s*:\s*(.*)$/s.exec(message);
    if (coded) return { code: coded[1]!, ...(coded[2]?.trim() ? { message: coded[2].trim() } : {}) };
    return message ? { message } : {};
  }
  if (typeof body === 'string') return body.trim() ? { message: body.trim() } : {};
  return kvidErrorOfBody(body);
}

export function kvidErrorOfBody(body: unknown): KvidErrorInfo {
  const parsed = KvidErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const b = parsed.data;
  const nested = typeof b.error === 'object' && b.error !== null ? b.error : undefined;
  const code = nested?.code ?? b.code ?? b.error_code ?? b.data?.code;
  const message = nested?.message ?? (typeof b.error === 'string' ? b.error : undefined) ?? b.message ?? b.data?.message;
  return {
    ...(code?.trim() ? { code: code.trim().toUpperCase() } : {}),
    ...(message?.trim() ? { message: message.trim() } : {}),
  };
}

/** Meaning of a documented code, or undefined for codes the document does not list. */
export function meaningOfCode(code: string | undefined): StatusMeaning | undefined {
  const meaning = code === undefined ? undefined : CODE_MEANINGS[code];
  return meaning ? { ...meaning } : undefined;
}

/**
 * Turns an error answer (non-2xx, or `success:false` under 2xx) into an EaselError. A documented
 * code wins over the HTTP status, so RATE_LIMITED under 200 is still retried.
 */
export function kvidError(response: VendorResponse, phase: 'create' | 'poll' | 'result'): EaselError {
  const info = kvidErrorOf(response.text);
  const ok = response.status >= 200 && response.status < 300;
  let meaning = meaningOfCode(info.code);
  if (!meaning && ok) {
    const label = info.code ? ` (${info.code})` : '';
    meaning = {
      code: 'VENDOR_ERROR',
      message: info.message ? `kvid answered with an error${label}: ${info.message.slice(0, 300)}` : `kvid answered with an error${label} and gave no reason.`,
      retry: 'final',
    };
  }
  if (meaning) return errorFromStatus(response, meaning, info.message);
  // An undocumented code is still worth keeping: it is what kvid support will ask for.
  const said = info.code ? [info.code, info.message].filter(Boolean).join(': ') : info.message;
  return errorFromStatus(response, meaningOfStatus(response.status, phase), said);
}

function meaningOfStatus(status: number, phase: 'create' | 'poll' | 'result'): StatusMeaning {
  const meaning = statusMeaning(KVID_VENDOR, status);
  if (status === 403) meaning.message = 'This kvid key has no permission for that (403). Check the subscription of the account the key belongs to.';
  if (status === 404 && phase === 'poll') meaning.message = 'kvid no longer knows this job (404). It may have been deleted.';
  if (status === 404 && phase === 'result') meaning.message = 'kvid has no result for this job (404). It may have expired or been deleted.';
  if (status === 429) meaning.message = 'kvid is rate limiting requests (429); Easel will slow down and try again.';
  if (status === 422) meaning.message = 'kvid could not process the request (422).';
  return meaning;
}

/** A job kvid reports as failed, with its documented code's meaning where it gave one. */
export function failedJobError(reason: KvidErrorInfo, detail: string): EaselError {
  const known = meaningOfCode(reason.code);
  const said = reason.message ? ` It said: "${reason.message.slice(0, 300)}"` : '';
  if (known) return new EaselError(known.code, `${known.message}${said}`, { detail });
  const because = reason.message ? `: ${reason.message.slice(0, 300)}` : ' (no reason given)';
  const label = reason.code ? ` [${reason.code}]` : '';
  return new EaselError('VENDOR_FAILED', `kvid could not make this picture${because}${label}`, { detail });
}
