// `easel generate`: check, submit, follow to the end, save, print where the pictures are.
import { vendorJobIds } from '../../../shared/domain';
import type { Core } from '../../core/create-core';
import type { Advise } from '../cli-advice';
import { EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { requestFromFlags, type GenerateFlags } from '../cli-args';
import { followProgress } from '../job-progress';
import { exitCodeForJobs, reportJobs } from '../job-report';

export async function generateCommand(core: Core, io: CliIo, flags: GenerateFlags & { 'no-wait'?: boolean; json?: boolean }, advise: Advise): Promise<number> {
  const request = requestFromFlags(flags, (provider) => {
    try {
      return core.providers.get(provider).models[0]?.id;
    } catch {
      return undefined;
    }
  });
  const job = await core.runner.submit(request);
  const stop = followProgress(io, (l) => core.runner.onJobChanged(l), new Set([job.id]));
  let final;
  try {
    final = await core.runner.run(job.id, { untilSubmitted: Boolean(flags['no-wait']) });
  } finally {
    stop();
  }
  const vendorIds = vendorJobIds(final);
  if (flags['no-wait'] && vendorIds.length > 0 && !flags.json) {
    io.out(final.id);
    io.err(`Submitted to ${final.request.provider} as ${vendorIds.join(', ')}. \`easel resume\` follows it and saves the pictures.`);
    return EXIT.ok;
  }
  reportJobs(io, [final], Boolean(flags.json), false, advise);
  return exitCodeForJobs([final], Boolean(flags['no-wait']));
}
