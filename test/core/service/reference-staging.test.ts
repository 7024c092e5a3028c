// A picture pasted in the Create form becomes a file a job can send: stored once by content,
// refused plainly when it is not a picture, and usable as a reference by a real job.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StagedReference } from '../../../shared/contract';
import type { JobView } from '../../../shared/contract-jobs';
import { TINY_PNG_BASE64 } from './channel-samples';
import { startServiceFixture, valueOf, type ServiceFixture } from './service-fixture';

let fixture: ServiceFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const png = Buffer.from(TINY_PNG_BASE64, 'base64');
const sha = createHash('sha256').update(png).digest('hex');

describe('references.stage', () => {
  it('keeps pasted bytes as <dataDir>/staged-references/<sha256>.<ext>, once per picture', async () => {
    fixture = await startServiceFixture();
    const first = valueOf<StagedReference>(await fixture.call('references.stage', { name: 'Screenshot 2025-01-01.png', data: TINY_PNG_BASE64 }));
    expect(first).toEqual({
      path: path.join(fixture.dataDir, 'staged-references', `${sha}.png`),
      name: 'Screenshot 2025-01-01.png',
      bytes: png.length,
      mime: 'image/png',
    });
    expect(await readFile(first.path)).toEqual(png);

    const again = valueOf<StagedReference>(await fixture.call('references.stage', { name: 'other name.png', data: TINY_PNG_BASE64 }));
    expect(again.path).toBe(first.path);
    // No temp files left behind by the atomic write.
    expect(await readdir(path.dirname(first.path))).toEqual([`${sha}.png`]);
  });

  it('names the file by its true type, whatever the pasted name says', async () => {
    fixture = await startServiceFixture();
    const staged = valueOf<StagedReference>(await fixture.call('references.stage', { name: '../../evil.gif', data: TINY_PNG_BASE64 }));
    expect(path.basename(staged.path)).toBe(`${sha}.png`);
    expect(staged.name).toBe('evil.gif');
  });

  it('refuses data that is not a picture with a clear INVALID_INPUT, and writes nothing', async () => {
    fixture = await startServiceFixture();
    const text = Buffer.from('Meeting notes: bring the lighthouse sketches.').toString('base64');
    const refused = await fixture.call('references.stage', { name: 'notes.txt', data: text });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toMatch(/not a PNG, JPEG, WebP or GIF/);

    // Starts like a WebP (RIFF) but is a WAV file: the schema lets it by, the sniffer does not.
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(16)]).toString('base64');
    const sniffed = await fixture.call('references.stage', { name: 'sound.webp', data: wav });
    expect(sniffed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'sound.webp is not a picture Easel can use as a reference (PNG, JPEG, WebP or GIF).' } });

    expect(await readdir(fixture.dataDir)).not.toContain('staged-references');
  });

  it('refuses more than 30 MB before decoding it', async () => {
    fixture = await startServiceFixture();
    const huge = `iVBORw0KGgo${'A'.repeat(41 * 1024 * 1024)}`;
    const refused = await fixture.call('references.stage', { name: 'huge.png', data: huge });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.message).toMatch(/larger than 30 MB/);
  });

  it('clears pastes older than a month, and keeps recent ones', async () => {
    fixture = await startServiceFixture();
    const dir = path.join(fixture.dataDir, 'staged-references');
    await mkdir(dir, { recursive: true });
    const old = path.join(dir, `${'0'.repeat(64)}.png`);
    const recent = path.join(dir, `${'1'.repeat(64)}.png`);
    await writeFile(old, png);
    await writeFile(recent, png);
    const longAgo = new Date(Date.now() - 40 * 24 * 3600_000);
    await utimes(old, longAgo, longAgo);

    valueOf(await fixture.call('references.stage', { name: 'a.png', data: TINY_PNG_BASE64 }));
    await expect.poll(async () => (await readdir(dir)).sort()).toEqual([`${'1'.repeat(64)}.png`, `${sha}.png`].sort());
    expect((await stat(recent)).isFile()).toBe(true);
  });

  it('gives a path a job accepts as a file reference', async () => {
    fixture = await startServiceFixture();
    const staged = valueOf<StagedReference>(await fixture.call('references.stage', { name: 'clip.png', data: TINY_PNG_BASE64 }));
    const job = valueOf<JobView>(
      await fixture.call('jobs.submit', { provider: 'sandbox', model: 'sketch', prompt: 'a harbour', references: [{ kind: 'file', path: staged.path }] }),
    );
    expect(job.request.references).toEqual([{ kind: 'file', path: staged.path }]);
  });
});
