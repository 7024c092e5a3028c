import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')] as const;
    }),
  );
}

describe('content security policy', () => {
  const header = contentSecurityPolicy('header');

  it('never allows eval or inline scripts', () => {
    expect(header).not.toContain("'unsafe-eval'");
    expect(directives(header).get('script-src')).toBe("'self'");
  });

  it('blocks plugins, <base> rewrites, form posts and framing', () => {
    const policy = directives(header);
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
  });

  it('lets the page reach only itself, and show library pictures through easel-media:', () => {
    const policy = directives(header);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('img-src')).toBe("'self' easel-media: data: blob:");
    expect(header).not.toMatch(/https?:|\*|file:/);
  });

  it('leaves out frame-ancestors in the meta form, which browsers ignore there', () => {
    const meta = contentSecurityPolicy('meta');
    expect(directives(meta).has('frame-ancestors')).toBe(false);
    expect(header.startsWith(meta)).toBe(true);
  });

  it('is the same policy as the <meta> tag in renderer/index.html', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(match?.[1]).toBe(contentSecurityPolicy('meta'));
  });
});
