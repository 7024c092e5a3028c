// Jobs in several states for Activity: finished sandbox jobs, vendor jobs still running (one with
// vendor progress), one refused by its vendor (a wrong key), one canceled by the person, one
// finished at the vendor whose picture cannot be saved yet (the expiry warning), and one paused
// because its vendor keeps failing (it resumes later).
// Sandbox jobs carry a seed, as the window always sends one for a model that takes it.
import { EMULATOR_KEYS, type Studio, type StudioOptions } from '../e2e/harness/studio';
import type { SubmitInput, JobView } from '../../shared/contract-jobs';
import type { ProviderId } from '../../shared/domain';

/** The emulators, their clocks and the keys seedJobs needs: for test.use() around it. */
export const SEED_JOBS_STUDIO: Pick<StudioOptions, 'emulators' | 'emulatorOptions' | 'keys'> = {
  emulators: ['revid', 'revid-gpt4o', 'revid-nano-banana', 'kvid'],
  // Vendor jobs that take ten minutes stay "running" while the screens are looked at; Nano
  // Banana's finish at once, for a result that cannot be saved and a job that pauses.
  emulatorOptions: { revid: { jobDurationMs: 600_000 }, 'revid-gpt4o': { jobDurationMs: 600_000 }, 'revid-nano-banana': { jobDurationMs: 50 } },
  // A kvid key the emulator refuses gives a failed job with a plain-words reason.
  keys: { revid: EMULATOR_KEYS.revid, kvid: 'kvid_revoked_key_5150' },
};

function firstModel(studio: Studio, provider: ProviderId): string {
  const info = studio.core.catalog().find((p) => p.id === provider);
  const model = info?.models.find((m) => m.capabilities.includes('text-to-image') && !m.references?.required);
  if (!model) throw new Error(`No text-to-image model for ${provider}.`);
  return model.id;
}

async function submit(studio: Studio, input: SubmitInput): Promise<JobView> {
  const answer = await studio.call('jobs.submit', input);
  if (!answer.ok) throw new Error(`${input.provider}: ${answer.error.message}`);
  return answer.value as JobView;
}

/** What seedJobs submitted, by the state each was meant to show. */
export interface SeededJobs {
  completed: string[];
  running: string[];
  failed: string[];
  canceled: string[];
  unsaved: string[];
  paused: string[];
}

export async function seedJobs(studio: Studio): Promise<SeededJobs> {
  const seeded: SeededJobs = { completed: [], running: [], failed: [], canceled: [], unsaved: [], paused: [] };
  const older = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'A snow-covered village at night, warm windows, linocut print', aspectRatio: '3:2', count: 1, seed: 1_204_377, params: { style: 'poster' } });
  await studio.waitForJob(older.id);
  seeded.completed.push(older.id);

  const canceled = await submit(studio, { provider: 'revid', model: firstModel(studio, 'revid'), prompt: 'A desert caravan under a huge sky, oil painting' });
  await studio.waitForJob(canceled.id, 'running');
  await studio.call('jobs.cancel', { jobId: canceled.id });
  await studio.waitForJob(canceled.id, 'canceled');
  seeded.canceled.push(canceled.id);

  const failed = await submit(studio, { provider: 'kvid', model: firstModel(studio, 'kvid'), prompt: 'A koi pond with lanterns in the blue hour' });
  await studio.waitForJob(failed.id, 'failed').catch(() => undefined);
  seeded.failed.push(failed.id);

  const done = await submit(studio, { provider: 'sandbox', model: 'sketch', prompt: 'A lighthouse on a rocky coast at dusk, warm light over a calm sea', aspectRatio: '16:9', count: 2, seed: 88_412_903 });
  await studio.waitForJob(done.id);
  seeded.completed.push(done.id);

  // Nano Banana finishes at once, but every attempt to fetch its picture fails (one round is the
  // first try and the harness's two retries): the result waits at the vendor, with its expiry.
  const nano = studio.emulator('revid-nano-banana');
  nano.inject('download', { kind: 'status', status: 503 }, 3);
  const unsaved = await submit(studio, { provider: 'revid-nano-banana', model: 'google/nano-banana', prompt: 'A greenhouse full of ferns after rain, botanical illustration' });
  await studio.waitForJob(unsaved.id, (job) => job.state === 'downloading' && job.warning !== undefined && !job.active);
  seeded.unsaved.push(unsaved.id);

  // The vendor answers every create with 503: after its retries the job pauses, nothing charged.
  nano.inject('create', { kind: 'status', status: 503 }, 3);
  const paused = await submit(studio, { provider: 'revid-nano-banana', model: 'google/nano-banana', prompt: 'A tram climbing a hill in Lisbon, afternoon sun' });
  await studio.waitForJob(paused.id, (job) => job.warning !== undefined && !job.active);
  seeded.paused.push(paused.id);

  const running = await submit(studio, { provider: 'revid', model: firstModel(studio, 'revid'), prompt: 'An old stone bridge over a river in the morning mist, watercolour' });
  await studio.waitForJob(running.id, 'running');
  seeded.running.push(running.id);

  const progressing = await submit(studio, { provider: 'revid-gpt4o', model: firstModel(studio, 'revid-gpt4o'), prompt: 'A reading nook by a rainy window, pastel gouache', count: 2 });
  await studio.waitForJob(progressing.id, 'running');
  seeded.running.push(progressing.id);
  return seeded;
}

