// `easel library`: what is saved, newest first, optionally searched by prompt.
import type { Core } from '../../core/create-core';
import { EXIT } from '../cli-error';
import { printJson, type CliIo } from '../cli-io';

export async function libraryCommand(core: Core, io: CliIo, flags: { search?: string; json?: boolean; limit?: string }): Promise<number> {
  const limit = flags.limit ? Math.max(1, Number(flags.limit) || 50) : 200;
  const items = core.library.search({ ...(flags.search ? { text: flags.search } : {}), limit });
  if (flags.json) {
    printJson(io, items);
    return EXIT.ok;
  }
  if (items.length === 0) io.err(flags.search ? `Nothing in the library matches "${flags.search}".` : `The library at ${core.paths.libraryDir} is empty.`);
  for (const item of items) io.out(`${item.path}\t${item.provider}/${item.model}\t${item.width}×${item.height}\t${item.prompt}`);
  return EXIT.ok;
}
