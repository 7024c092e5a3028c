// The progress line of a followed job: state, elapsed time, vendor progress where given.
import type { JobRecord } from '../../shared/domain';
import type { CliIo } from './cli-io';

const STATE_WORDS: Record<JobRecord['state'], string> = {
  draft: 'queued',
  submitting: 'submitting',
  running: 'generating',
  downloading: 'saving',
  completed: 'done',
  failed: 'failed',
  expired: 'expired',
  canceled: 'canceled',
};

export function followProgress(io: CliIo, subscribe: (listener: (job: JobRecord) => void) => () => void, jobIds: ReadonlySet<string> | 'any'): () => void {
  const started = Date.now();
  const last = new Map<string, string>();
  const latest = new Map<string, JobRecord>();
  const render = (job: JobRecord): void => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const pct = job.progress !== undefined && job.state === 'running' ? ` ${Math.round(job.progress * 100)}%` : '';
    const saved = job.state === 'downloading' ? ` ${job.results.filter((r) => r.saved).length}/${job.results.length}` : '';
    const warn = job.warning ? ` — ${job.warning.message}` : '';
    const line = `${job.request.provider}/${job.request.model} ${job.id.slice(0, 8)}: ${STATE_WORDS[job.state]}${pct}${saved} (${seconds}s)${warn}`;
    const key = `${job.state}|${pct}|${saved}|${warn}`;
    // On a pipe, print only changes; on a terminal, the ticking clock is worth redrawing.
    if (!io.stderrIsTty && last.get(job.id) === key) return;
    last.set(job.id, key);
    io.progress(line);
  };
  const unsubscribe = subscribe((job) => {
    if (jobIds !== 'any' && !jobIds.has(job.id)) return;
    latest.set(job.id, job);
    render(job);
  });
  const timer = io.stderrIsTty ? setInterval(() => latest.forEach(render), 1000) : null;
  return () => {
    unsubscribe();
    if (timer) clearInterval(timer);
    io.endProgress();
  };
}
