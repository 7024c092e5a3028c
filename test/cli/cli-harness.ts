// Runs the real `easel` command as a child process, the way a person or a script would, with
// its own data folder and the vendor emulators as base URLs.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/easel.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The last stdout line parsed as JSON (the --json contract). */
  json<T = unknown>(): T;
}

/** Short clocks so tests wait milliseconds where real vendors need seconds. */
export const FAST_TIMING_ENV = {
  EASEL_POLL_INITIAL_MS: '40',
  EASEL_POLL_MAX_MS: '120',
  EASEL_RETRY_BASE_MS: '30',
  EASEL_RETRY_MAX_MS: '200',
  EASEL_REQUEST_TIMEOUT_MS: '5000',
};

/** Tests never talk to a real vendor: a vendor a test does not point at an emulator is a closed local port. */
const OFFLINE_VENDORS = {
  EASEL_REVID_BASE_URL: 'http://127.0.0.1:9',
  EASEL_REVID_GPT4O_BASE_URL: 'http://127.0.0.1:9',
  EASEL_REVID_NANO_BANANA_BASE_URL: 'http://127.0.0.1:9',
  EASEL_KVID_BASE_URL: 'http://127.0.0.1:9',
};

export async function makeDataDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'easel-cli-'));
}

/** A CLI process still running: the child to signal, and its result once it ends. */
export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliResult>;
}

export function startCli(args: string[], env: Record<string, string>): StartedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), ...OFFLINE_VENDORS, ...FAST_TIMING_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout,
        stderr,
        json<T>() {
          const lines = stdout.trim().split('\n');
          return JSON.parse(lines[lines.length - 1] ?? 'null') as T;
        },
      }),
    );
  });
  return { child, done };
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return startCli(args, env).done;
}

export interface JobJson {
  id: string;
  provider: string;
  model: string;
  state: string;
  vendorJobId: string | null;
  images: { path: string; sha256: string; width: number; height: number }[];
  error: { code: string; message: string } | null;
}
