// Sends sandbox:// requests to the in-process sandbox studio and everything else over the
// network, so the sandbox runs through the very same runner, budgets and downloads.
import type { SandboxStudio } from '../providers/sandbox/sandbox-studio';
import type { HttpClient } from './http-client';

export function withSandbox(network: HttpClient, studio: SandboxStudio): HttpClient {
  const local = (url: string): boolean => url.startsWith('sandbox:');
  return {
    send: (spec, options) => (local(spec.url) ? studio.send(spec) : network.send(spec, options)),
    download: (url, tempPath, options) => (local(url) ? studio.download(url, tempPath) : network.download(url, tempPath, options)),
    close: () => network.close(),
  };
}
