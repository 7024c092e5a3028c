// The `easel` command: a thin shell over the core. It parses flags, builds the core with keys
// and base URLs from the environment, runs one command, and ends with an exit code and (on
// failure) one human line on stderr, never a stack trace.
import { parseArgs } from 'node:util';
import { cliPaths } from '../core/config/data-paths';
import { envProviderAccess } from '../core/config/provider-access';
import { createCore, type Core } from '../core/create-core';
import { toEaselError } from '../core/errors/easel-error';
import { redact } from '../core/http/redact';
import { timingFromEnv } from '../core/jobs/timing-policy';
import { cliAdvisor } from './cli-advice';
import { EXIT, exitCodeFor } from './cli-error';
import { processIo, type CliIo } from './cli-io';
import { HELP } from './cli-help';
import { generateCommand } from './commands/generate-command';
import { jobActionCommand, jobsCommand, resumeCommand } from './commands/jobs-command';
import { libraryCommand } from './commands/library-command';
import { providersCommand } from './commands/providers-command';

const OPTIONS = {
  provider: { type: 'string' },
  model: { type: 'string' },
  prompt: { type: 'string' },
  negative: { type: 'string' },
  aspect: { type: 'string' },
  resolution: { type: 'string' },
  count: { type: 'string' },
  seed: { type: 'string' },
  ref: { type: 'string', multiple: true },
  param: { type: 'string', multiple: true },
  'no-wait': { type: 'boolean' },
  json: { type: 'boolean' },
  search: { type: 'string' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}. See \`easel --help\`.`);
    return EXIT.usage;
  }
  const [command, ...rest] = parsed.positionals;
  const flags = parsed.values;
  if (!command || flags.help || command === 'help') {
    io.out(HELP);
    return command || flags.help ? EXIT.ok : EXIT.usage;
  }
  const commands = ['generate', 'jobs', 'resume', 'cancel', 'retry', 'library', 'providers'];
  if (!commands.includes(command)) {
    io.err(`Unknown command "${command}". Commands: ${commands.join(', ')}. See \`easel --help\`.`);
    return EXIT.usage;
  }
  const access = envProviderAccess(env);
  const sandboxDelay = Number(env.EASEL_SANDBOX_DELAY_MS);
  const core: Core = createCore({
    paths: cliPaths(env),
    access,
    timing: timingFromEnv(env),
    ...(Number.isFinite(sandboxDelay) && env.EASEL_SANDBOX_DELAY_MS ? { sandboxDelayMs: sandboxDelay } : {}),
  });
  // Stored failures get the same advice a refusal raised here carries: the access's own words.
  const advise = cliAdvisor(core.providers, access);
  const secrets = Object.entries(env).filter(([k, v]) => k.endsWith('_API_KEY') && v).map(([, v]) => v!);
  const onSignal = (): void => {
    io.err('Stopped following. Jobs already submitted are kept; `easel resume` continues them.');
    void core.close().finally(() => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    switch (command) {
      case 'generate':
        return await generateCommand(core, io, flags, advise);
      case 'jobs':
        return await jobsCommand(core, io, flags, advise);
      case 'resume':
        return await resumeCommand(core, io, flags, advise);
      case 'cancel':
      case 'retry':
        return await jobActionCommand(core, io, command, rest[0], flags, advise);
      case 'library':
        return await libraryCommand(core, io, flags);
      default:
        return providersCommand(core, io, flags);
    }
  } catch (error) {
    const failure = toEaselError(error);
    io.err(redact(failure.message, secrets));
    return exitCodeFor(failure);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await core.close();
  }
}

const code = await runCli(process.argv.slice(2), processIo(), process.env);
process.exitCode = code;
