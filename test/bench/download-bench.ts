// Download benchmark: one large result streamed, hashed and length-checked to disk. The file
// is served by a separate process so the memory measured is Easel's alone; it should not grow
// with the file's size (the bytes are streamed, never held whole).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { createHttpClient } from '../../electron/core/http/http-client';

export interface DownloadBenchResult {
  megabytes: number;
  ms: number;
  mbPerSecond: number;
  rssGrowthMb: number;
}

const SERVER = `
const http = require('node:http'); const fs = require('node:fs');
const file = process.argv[1]; const size = fs.statSync(file).size;
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': size });
  fs.createReadStream(file).pipe(res);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

export async function benchDownload(side = 4096): Promise<DownloadBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easel-bench-dl-'));
  const source = path.join(dir, 'source.png');
  // Noise does not compress, so a 4096² PNG is as large as a real 4K result gets.
  const png = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
  writeFileSync(source, png);
  const server = spawn(process.execPath, ['-e', SERVER, source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const http = createHttpClient();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await http.download(`http://127.0.0.1:${port}/big.png`, path.join(dir, 'big.png'), { secrets: [], timeoutMs: 60_000 });
    const ms = performance.now() - started;
    const megabytes = result.bytes / 1024 / 1024;
    return { megabytes: Number(megabytes.toFixed(1)), ms: Math.round(ms), mbPerSecond: Math.round(megabytes / (ms / 1000)), rssGrowthMb: Math.round((peak - before) / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
    server.kill();
    await http.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
