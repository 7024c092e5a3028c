// How the CLI ends: one human line on stderr and an exit code scripts can branch on.
import { EaselError } from '../core/errors/easel-error';

export const EXIT = {
  ok: 0,
  /** The job ended failed, expired or canceled. */
  jobFailed: 1,
  /** The command line or the request was refused before anything was sent. */
  usage: 2,
  /** The job is kept but could not progress now (network, vendor down): `easel resume` later. */
  paused: 3,
  interrupted: 130,
} as const;

export class UsageError extends EaselError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

export function exitCodeFor(error: EaselError): number {
  const refusedBeforeSending = ['INVALID_INPUT', 'MISSING_KEY', 'MISSING_BASE_URL', 'UNKNOWN_PROVIDER', 'UNKNOWN_MODEL', 'NOT_FOUND'];
  return refusedBeforeSending.includes(error.code) ? EXIT.usage : EXIT.jobFailed;
}
