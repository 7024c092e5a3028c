import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveAppAsset } from '../../electron/main/app-asset-path';
import { respondWithAppAsset } from '../../electron/main/app-protocol';
import { registerPrivilegedSchemes } from '../../electron/main/privileged-schemes';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';

const root = path.resolve('/app/out/renderer');

describe('app:// asset paths', () => {
  it('maps the app’s URLs to files under out/renderer', () => {
    expect(resolveAppAsset(root, 'app://easel/')).toEqual({
      filePath: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'app://easel/assets/index-abc.js?v=1#x')?.filePath).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppAsset(root, 'app://easel/assets/index-abc.css')?.contentType).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://easel/../../../etc/passwd.html',
    'app://easel/%2e%2e/%2e%2e/secret.js',
    'app://easel/assets/%2e%2e%2f%2e%2e%2fsecret.js',
    'app://easel/..%5c..%5csecret.js',
    'app://easel/C:/Windows/win.ini.js',
    'app://easel/index.html%00.png',
    'app://easel/%E0%A4%A',
  ])('never leaves out/renderer: %s', (url) => {
    const asset = resolveAppAsset(root, url);
    if (asset !== null) expect(asset.filePath.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses other hosts, other schemes and file types the shell does not serve', () => {
    expect(resolveAppAsset(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'file:///app/out/renderer/index.html')).toBeNull();
    expect(resolveAppAsset(root, 'app://easel/notes.txt')).toBeNull();
    expect(resolveAppAsset(root, 'app://easel/assets')).toBeNull();
  });
});

describe('app:// responses', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'easel-app-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Easel</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.js'), 'the key');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Node's Request accepts only http(s) URLs; the handler reads nothing but .url and .method.
  const ask = (url: string, method = 'GET') =>
    respondWithAppAsset(path.join(dir, 'renderer'), { url, method } as Request);

  it('serves the page with the CSP header and a module-script MIME type', async () => {
    const page = await ask('app://easel/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header'));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Easel</title>');

    const script = await ask('app://easel/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and files outside out/renderer, 405 for writes', async () => {
    expect((await ask('app://easel/missing.js')).status).toBe(404);
    expect((await ask('app://easel/%2e%2e/secret.js')).status).toBe(404);
    expect((await ask('app://easel/index.html', 'POST')).status).toBe(405);
  });

  it('registers app:// and easel-media:// in one call, standard and secure, without opening them to other origins', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerPrivilegedSchemes({ registerSchemesAsPrivileged });
    // Electron accepts the list once: both schemes must be in that one call.
    expect(registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes.map((s) => s.scheme)).toEqual(['app', 'easel-media']);
    for (const scheme of schemes) {
      expect(scheme.privileges).toMatchObject({ standard: true, secure: true });
      expect(scheme.privileges.corsEnabled).not.toBe(true);
      expect(scheme.privileges.bypassCSP).not.toBe(true);
      expect(scheme.privileges.allowServiceWorkers).not.toBe(true);
    }
    expect(schemes[1]?.privileges.supportFetchAPI).not.toBe(true);
  });
});
