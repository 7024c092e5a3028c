// What happens to a job when the world is not kind: the vendor is unreachable, the person
// cancels, or a submit's outcome is unknown and the person decides to retry.
import { describe, expect, it } from 'vitest';
import { startRevidV1Emulator } from '../emulators/revid-v1-emulator';
import { useCliFixture } from './cli-fixture';
import type { JobJson } from './cli-harness';

const cli = useCliFixture({
  startEmulator: startRevidV1Emulator,
  options: { jobDurationMs: 300 },
  key: { env: 'EASEL_REVID_API_KEY', value: 'sk_live_test' },
  baseUrlEnv: 'EASEL_REVID_BASE_URL',
  env: { EASEL_MAX_RETRIES: '2' },
});

const PAPER_BOAT = ['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'a paper boat'];
const generate = (...extra: string[]) => cli.run([...PAPER_BOAT, ...extra]);

describe('job lifecycle', () => {
  it('keeps the job when the vendor is unreachable (exit 3), and resume completes it with one create', async () => {
    const dead = await startRevidV1Emulator();
    const deadUrl = dead.url;
    await dead.close();
    const offline = await cli.run(PAPER_BOAT, { EASEL_REVID_BASE_URL: deadUrl });
    expect(offline.code).toBe(3);
    expect(offline.stderr).toMatch(/kept.*easel resume/);
    const [kept] = (await cli.run(['jobs', '--json'])).json<JobJson[]>();
    // Nothing reached the vendor, so the job is still a draft that is safe to send.
    expect(kept!.state).toBe('draft');
    const resumed = await cli.run(['resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.json<JobJson[]>()[0]).toMatchObject({ id: kept!.id, state: 'completed' });
    expect(cli.emu.createCount()).toBe(1);
  });

  it('cancel stops following a submitted job and says the vendor may still charge', async () => {
    const submitted = (await generate('--no-wait', '--json')).json<JobJson>();
    const canceled = await cli.run(['cancel', submitted.id.slice(0, 8), '--json']);
    expect(canceled.code).toBe(0);
    expect(canceled.json<JobJson>()).toMatchObject({ state: 'canceled' });
    expect(canceled.json<JobJson>().error?.message).toMatch(/may still finish/);
    // A canceled job is final: resume leaves it alone.
    const resumed = await cli.run(['resume', '--json']);
    expect(resumed.json<JobJson[]>()).toEqual([]);
    expect(cli.emu.requests('download')).toHaveLength(0);
  });

  it('after an unknown submit outcome, retry is the person\u2019s decision and sends a new job', async () => {
    cli.emu.inject('create', { kind: 'drop', afterHandling: true }, 1);
    const unknown = await generate('--json');
    expect(unknown.json<JobJson>().error?.code).toBe('SUBMIT_OUTCOME_UNKNOWN');
    expect(cli.emu.createCount()).toBe(1);
    const retried = await cli.run(['retry', unknown.json<JobJson>().id, '--json']);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.json<JobJson>()).toMatchObject({ state: 'completed' });
    expect(retried.json<JobJson>().id).not.toBe(unknown.json<JobJson>().id);
    expect(cli.emu.createCount()).toBe(2);
  });

  it('retry of an expired job submits the same request again, as a new job', async () => {
    cli.emu.expireFiles();
    const expired = (await generate('--json')).json<JobJson>();
    expect(expired.state).toBe('expired');
    const retried = await cli.run(['retry', expired.id, '--json']);
    // Expired means the vendor deleted the pictures: the only way to get them is a new job.
    expect(retried.json<JobJson>().id).not.toBe(expired.id);
    expect(cli.emu.createCount()).toBe(2);
  });
});
