// What every vendor spec expects alike of the CLI: a refusal that never reached the vendor, a
// rejected key that is reported without leaking, and saved pictures that are the served bytes.
// A refusal before any request never leaves a job record: bad input is turned away whole.
import { promises as fs } from 'node:fs';
import { expect } from 'vitest';
import type { EmulatorServer, ServedFile } from '../emulators/emulator-server';
import type { CliResult, JobJson } from './cli-harness';
import { sha256Of } from './cli-saved-files';

/** The part of a CLI fixture these checks look at. */
export interface EmulatedCli {
  readonly emu: EmulatorServer;
  readonly jobsDir: string;
}

export interface RefusalChecks {
  /** The reason is a single stderr line (no usage dump, no stack). */
  oneLine?: boolean;
}

/** Bad input is a usage error (exit 2) with its reason on stderr; the vendor heard nothing and no job was recorded. */
export async function expectRefusedBeforeAnyRequest(cli: EmulatedCli, result: CliResult, reason: RegExp, checks: RefusalChecks = {}): Promise<void> {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(reason);
  if (checks.oneLine) expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(cli.emu.log).toHaveLength(0);
  await expectNoJobRecord(cli);
}

export async function expectNoJobRecord(cli: EmulatedCli): Promise<void> {
  expect(await fs.readdir(cli.jobsDir).catch(() => [])).toEqual([]);
}

export interface KeyRejection {
  /** What stderr tells the person. */
  says: RegExp;
  /** The wrong key the run used; it must never be printed. */
  wrongKey: string;
  /** Search stdout (the --json record) for the key as well as stderr. */
  stdoutToo?: boolean;
}

/** A key the vendor refused: the job fails (exit 1) as AUTH_FAILED, the message is plain and keeps the key secret. */
export function expectKeyRejected(result: CliResult, rejection: KeyRejection): void {
  expect(result.code).toBe(1);
  expect(result.json<JobJson>()).toMatchObject({ state: 'failed', error: { code: 'AUTH_FAILED' } });
  expect(result.stderr).toMatch(rejection.says);
  expect(rejection.stdoutToo ? result.stderr + result.stdout : result.stderr).not.toContain(rejection.wrongKey);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

/** The saved file holds exactly the bytes the emulator served. */
export async function expectSavedAsServed(file: string, served: ServedFile | undefined): Promise<void> {
  expect(served, 'the emulator served no such file').toBeDefined();
  expect(await sha256Of(file)).toBe(served?.sha256);
}

/**
 * A one-picture job whose only picture is the one file the emulator served: same bytes on disk,
 * and the same digest in the job. Returns both for the spec's own checks.
 */
export async function expectOneSavedImageAsServed(emu: EmulatorServer, job: JobJson): Promise<{ image: JobJson['images'][number]; served: ServedFile }> {
  expect(job.images).toHaveLength(1);
  const image = job.images[0]!;
  const served = emu.servedFiles();
  expect(served).toHaveLength(1);
  expect(await sha256Of(image.path)).toBe(served[0]!.sha256);
  expect(image.sha256).toBe(served[0]!.sha256);
  return { image, served: served[0]! };
}
