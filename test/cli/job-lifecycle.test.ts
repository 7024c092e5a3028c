// What happens to a job when the world is not kind: the vendor is unreachable, the person
// cancels, or a submit's outcome is unknown and the person decides to retry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRevidV1Emulator, type RevidV1Emulator } from '../emulators/revid-v1-emulator';
import { makeDataDir, runCli, type JobJson } from './cli-harness';

let emu: RevidV1Emulator;
let env: Record<string, string>;

beforeEach(async () => {
  emu = await startRevidV1Emulator({ jobDurationMs: 300 });
  env = { EASEL_DATA_DIR: await makeDataDir(), EASEL_REVID_API_KEY: 'sk_live_test', EASEL_REVID_BASE_URL: emu.url, EASEL_MAX_RETRIES: '2' };
});
afterEach(async () => {
  await emu.close();
});

const generate = (e: Record<string, string>, ...extra: string[]) =>
  runCli(['generate', '--provider', 'revid', '--model', 'nano-banana', '--prompt', 'a paper boat', ...extra], e);

describe('job lifecycle', () => {
  it('keeps the job when the vendor is unreachable (exit 3), and resume completes it with one create', async () => {
    const dead = await startRevidV1Emulator();
    const deadUrl = dead.url;
    await dead.close();
    const offline = await generate({ ...env, EASEL_REVID_BASE_URL: deadUrl });
    expect(offline.code).toBe(3);
    expect(offline.stderr).toMatch(/kept.*easel resume/);
    const [kept] = (await runCli(['jobs', '--json'], env)).json<JobJson[]>();
    // Nothing reached the vendor, so the job is still a draft that is safe to send.
    expect(kept!.state).toBe('draft');
    const resumed = await runCli(['resume', '--json'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.json<JobJson[]>()[0]).toMatchObject({ id: kept!.id, state: 'completed' });
    expect(emu.createCount()).toBe(1);
  });

  it('cancel stops following a submitted job and says the vendor may still charge', async () => {
    const submitted = (await generate(env, '--no-wait', '--json')).json<JobJson>();
    const canceled = await runCli(['cancel', submitted.id.slice(0, 8), '--json'], env);
    expect(canceled.code).toBe(0);
    expect(canceled.json<JobJson>()).toMatchObject({ state: 'canceled' });
    expect(canceled.json<JobJson>().error?.message).toMatch(/may still finish/);
    // A canceled job is final: resume leaves it alone.
    const resumed = await runCli(['resume', '--json'], env);
    expect(resumed.json<JobJson[]>()).toEqual([]);
    expect(emu.requests('download')).toHaveLength(0);
  });

  it('after an unknown submit outcome, retry is the person\u2019s decision and sends a new job', async () => {
    emu.inject('create', { kind: 'drop', afterHandling: true }, 1);
    const unknown = await generate(env, '--json');
    expect(unknown.json<JobJson>().error?.code).toBe('SUBMIT_OUTCOME_UNKNOWN');
    expect(emu.createCount()).toBe(1);
    const retried = await runCli(['retry', unknown.json<JobJson>().id, '--json'], env);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.json<JobJson>()).toMatchObject({ state: 'completed' });
    expect(retried.json<JobJson>().id).not.toBe(unknown.json<JobJson>().id);
    expect(emu.createCount()).toBe(2);
  });

  it('retry of an expired job submits the same request again, as a new job', async () => {
    emu.expireFiles();
    const expired = (await generate(env, '--json')).json<JobJson>();
    expect(expired.state).toBe('expired');
    const retried = await runCli(['retry', expired.id, '--json'], env);
    // Expired means the vendor deleted the pictures: the only way to get them is a new job.
    expect(retried.json<JobJson>().id).not.toBe(expired.id);
    expect(emu.createCount()).toBe(2);
  });
});
