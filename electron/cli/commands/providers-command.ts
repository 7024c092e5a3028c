// `easel providers`: every provider, its models, and what each accepts (the catalog).
import type { Core } from '../../core/create-core';
import { EXIT } from '../cli-error';
import { printJson, type CliIo } from '../cli-io';

export function providersCommand(core: Core, io: CliIo, flags: { json?: boolean }): number {
  const catalog = core.catalog();
  if (flags.json) {
    printJson(io, catalog);
    return EXIT.ok;
  }
  for (const provider of catalog) {
    io.out(`${provider.id} — ${provider.label}${provider.keyEnv ? ` (key: ${provider.keyEnv})` : ' (no key needed)'}${provider.baseUrl ? ` ${provider.baseUrl}` : ' (base URL not set)'}`);
    for (const m of provider.models) {
      const bits = [
        m.capabilities.join(' + '),
        m.aspectRatios.length ? `aspect ${m.aspectRatios.join(' ')}` : '',
        m.resolutions.length ? `resolution ${m.resolutions.join(' ')}` : '',
        m.counts.length > 1 ? `count ${m.counts.join('/')}` : '',
        m.references ? `refs ≤${m.references.max} (${m.references.accepts.join('/')})` : '',
        m.params.length ? `params ${m.params.map((p) => p.key).join(', ')}` : '',
        m.price ? (m.price.credits !== undefined ? `${m.price.credits} credits/image` : (m.price.note ?? 'priced per job')) : '',
      ].filter(Boolean);
      io.out(`  ${m.id.padEnd(24)} ${m.label}: ${bits.join('; ')}`);
    }
  }
  return EXIT.ok;
}
