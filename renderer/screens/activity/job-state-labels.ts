// What each job state is called on screen, and its colour. Words over codes: a person reads
// "Generating", not "running".
import type { JobView } from '../../../shared/contract-jobs';
import { UNFINISHED } from '../../state/jobs-state';
import type { IconName } from '../../ui/Icon';

type State = JobView['state'];

export interface StateLook {
  label: string;
  tone: 'accent' | 'ok' | 'warn' | 'danger' | 'neutral';
  icon: IconName;
}

const LOOKS: Readonly<Record<State, StateLook>> = {
  draft: { label: 'Waiting to send', tone: 'accent', icon: 'upload' },
  submitting: { label: 'Sending', tone: 'accent', icon: 'upload' },
  running: { label: 'Generating', tone: 'accent', icon: 'sparkle' },
  downloading: { label: 'Saving', tone: 'accent', icon: 'image' },
  completed: { label: 'Done', tone: 'ok', icon: 'check' },
  failed: { label: 'Failed', tone: 'danger', icon: 'alert' },
  expired: { label: 'Expired', tone: 'warn', icon: 'alert' },
  canceled: { label: 'Canceled', tone: 'neutral', icon: 'stop' },
};

export function stateLook(job: JobView): StateLook {
  // The vendor finished, but the picture is not on this computer yet: that, not "Paused", is
  // what the person needs to know first.
  if (awaitsSave(job)) return { label: 'Not saved', tone: 'warn', icon: 'alert' };
  // The runner stepped back (network down, vendor failing) and will resume; "Paused" says that
  // nothing is moving right now, without calling it a failure.
  if (isPaused(job)) return { label: 'Paused', tone: 'warn', icon: 'clock' };
  return LOOKS[job.state];
}

export function isUnfinished(job: JobView): boolean {
  return UNFINISHED.has(job.state);
}

/** Unfinished, nothing in this process drives it, and the runner left a warning saying why. */
export function isPaused(job: JobView): boolean {
  return isUnfinished(job) && !job.active && job.warning !== undefined;
}

/**
 * A finished result the runner could not save yet (the download keeps failing): it waits at the
 * vendor until its link expires, and the person may ask for another attempt now.
 */
export function awaitsSave(job: JobView): boolean {
  return job.state === 'downloading' && job.resultsExpireAt !== undefined && job.warning !== undefined;
}

/** Failed, expired or canceled: the request can be sent again. */
export function canRetry(job: JobView): boolean {
  return job.state === 'failed' || job.state === 'expired' || job.state === 'canceled';
}

/** Finished with some pictures announced but not saved (a partial result). */
export function unsavedCount(job: JobView): number {
  return job.results.filter((r) => !r.saved).length;
}

/** The vendor has accepted at least one of the job's tasks (and may charge for it). */
export function reachedVendor(job: JobView): boolean {
  return job.tasks.some((task) => task.vendorJobId !== undefined);
}
