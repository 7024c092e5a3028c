// How far a live job is. Vendor progress where the vendor reports it, as a bare percentage (its
// source in the tooltip and the spoken value); otherwise the time since it was sent against the
// model's typical duration, labelled as an estimate so nobody mistakes it for the vendor's word.
// Saving counts pictures.
import type { JobView } from '../../../shared/contract-jobs';
import type { ModelInfo } from '../../../shared/catalog';
import { formatDuration, formatTimeLeft, msBetween } from './time-format';

/** An estimate never claims to be done: it stops here until the vendor says otherwise. */
const ESTIMATE_CAP = 0.95;

interface Reading {
  /** 0..1, or null for "moving, amount unknown". */
  fraction: number | null;
  text: string;
  estimate: boolean;
  /** The figure is the vendor's own. */
  reported: boolean;
}

export function readProgress(job: JobView, model: ModelInfo | undefined, now: number): Reading {
  if (job.state === 'draft' || job.state === 'submitting') return { fraction: null, text: 'Sending the request…', estimate: false, reported: false };
  if (job.state === 'downloading') {
    const saved = job.results.filter((r) => r.saved).length;
    const total = Math.max(1, job.results.length);
    return { fraction: saved / total, text: `Saving ${Math.min(saved + 1, total)} of ${total} ${total === 1 ? 'picture' : 'pictures'} to the library…`, estimate: false, reported: false };
  }
  if (job.progress !== undefined) {
    return { fraction: job.progress, text: `${Math.round(job.progress * 100)}%`, estimate: false, reported: true };
  }
  const typicalMs = (model?.typicalSeconds ?? 0) * 1000;
  if (typicalMs <= 0) return { fraction: null, text: 'Waiting for the vendor…', estimate: false, reported: false };
  const elapsed = msBetween(job.submittedAt ?? job.createdAt, now);
  if (elapsed >= typicalMs) {
    return { fraction: ESTIMATE_CAP, text: `Taking longer than the usual ${formatDuration(typicalMs)}`, estimate: true, reported: false };
  }
  return { fraction: Math.min(ESTIMATE_CAP, elapsed / typicalMs), text: `About ${formatTimeLeft(typicalMs - elapsed)} left`, estimate: true, reported: false };
}

export function JobProgress({ job, model, vendor, now }: { job: JobView; model: ModelInfo | undefined; vendor: string; now: number }) {
  const reading = readProgress(job, model, now);
  const percent = reading.fraction === null ? null : Math.round(reading.fraction * 100);
  const source = reading.reported ? `As reported by ${vendor}` : undefined;
  const valueText = reading.estimate ? `Estimated: ${reading.text}` : source ? `${reading.text}, as reported by ${vendor}` : reading.text;
  return (
    <div className="job-progress">
      <div
        className={`progress-track${percent === null ? ' progress-indeterminate' : ''}${reading.estimate ? ' progress-estimate' : ''}`}
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={valueText}
      >
        {/* Width, not a scale, keeps the ends round; a started job shows at least a dot. */}
        <div className="progress-fill" style={percent === null ? undefined : { width: `max(6px, ${percent}%)` }} />
      </div>
      <span className="job-progress-text" title={source}>
        {reading.text}
        {reading.estimate ? <span className="job-progress-estimate"> · estimate</span> : null}
      </span>
    </div>
  );
}
