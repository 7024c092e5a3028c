// The per-test world every vendor spec needs: a fresh data folder, that vendor's emulator on
// 127.0.0.1, and the environment that points the CLI at both. One place sets it up and tears it
// down, so each spec only says which vendor it talks to and what it checks.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach } from 'vitest';
import type { EmulatorServer } from '../emulators/emulator-server';
import { makeDataDir, runCli, startCli, type CliResult, type StartedCli } from './cli-harness';

/** Changes to the fixture's environment for one run: a string sets a variable, null leaves it out. */
export type EnvChange = Readonly<Record<string, string | null>>;

export interface CliFixtureSetup<E extends EmulatorServer, O extends object> {
  /** The emulator's start function, e.g. startKvidEmulator. */
  startEmulator: (options: O) => Promise<E>;
  /** Options every test's emulator starts with; restart() changes some of them. (Typed by startEmulator, not by this value.) */
  options: NoInfer<O>;
  /** The variable that carries the API key, and the key the emulator accepts. */
  key: { env: string; value: string };
  /** The variable that points the provider at the emulator. */
  baseUrlEnv: string;
  /** Further variables a whole spec runs with. */
  env?: Readonly<Record<string, string>>;
}

export interface CliFixture<E extends EmulatorServer, O extends object> {
  /** This test's emulator (a new one after restart()). */
  readonly emu: E;
  readonly dataDir: string;
  /** Runs `easel` with the fixture's environment, changed by `change` for this run only. */
  run(args: string[], change?: EnvChange): Promise<CliResult>;
  /** Starts `easel` without waiting, for tests that signal the process. */
  start(args: string[], change?: EnvChange): StartedCli;
  /**
   * Replaces the emulator with one started with these options changed, and points the CLI at it.
   * The spec's defaults stay, so a test names only what it needs different (a slower clock…).
   */
  restart(changes: Partial<O>): Promise<void>;
  /** Writes a file into the data folder (not the library) and returns its path, e.g. a reference to pass. */
  writeFile(name: string, contents: string | Buffer): Promise<string>;
  /** Writes a flat-coloured PNG into the data folder and returns its path. */
  writePng(name: string, picture: { width: number; height: number; background: string }): Promise<string>;
  /** Where the CLI keeps its job records. */
  readonly jobsDir: string;
}

/** Registers beforeEach/afterEach for the calling spec file and returns the live fixture. */
export function useCliFixture<E extends EmulatorServer, O extends object>(setup: CliFixtureSetup<E, O>): CliFixture<E, O> {
  let emu: E | undefined;
  let dataDir: string | undefined;
  let env: Record<string, string> = {};

  const started = (): { emu: E; dataDir: string } => {
    // Touching the fixture outside a test is a mistake in the spec; say so rather than run with stale state.
    if (emu === undefined || dataDir === undefined) throw new Error('The CLI fixture is only ready inside a test.');
    return { emu, dataDir };
  };
  // Each run gets its own copy, so a test's change (a wrong key, no base URL) never leaks into the next run.
  const changed = (change: EnvChange = {}): Record<string, string> => {
    const result = { ...env };
    for (const [name, value] of Object.entries(change)) {
      if (value === null) delete result[name];
      else result[name] = value;
    }
    return result;
  };

  beforeEach(async () => {
    emu = await setup.startEmulator(setup.options);
    dataDir = await makeDataDir();
    env = { EASEL_DATA_DIR: dataDir, [setup.key.env]: setup.key.value, [setup.baseUrlEnv]: emu.url, ...setup.env };
  });
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
    dataDir = undefined;
  });

  return {
    get emu() {
      return started().emu;
    },
    get dataDir() {
      return started().dataDir;
    },
    get jobsDir() {
      return path.join(started().dataDir, 'jobs');
    },
    run: (args, change) => runCli(args, changed(change)),
    start: (args, change) => startCli(args, changed(change)),
    async restart(changes) {
      await started().emu.close();
      emu = await setup.startEmulator({ ...setup.options, ...changes });
      env = { ...env, [setup.baseUrlEnv]: emu.url };
    },
    async writeFile(name, contents) {
      const file = path.join(started().dataDir, name);
      await fs.writeFile(file, contents);
      return file;
    },
    async writePng(name, { width, height, background }) {
      const file = path.join(started().dataDir, name);
      await sharp({ create: { width, height, channels: 3, background } }).png().toFile(file);
      return file;
    },
  };
}
