// The order every call goes through: sender check, then input parse, then the service, then
// output parse. A refused sender's input is never even read.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type EaselHandlers } from '../../shared/contract';
import { FORBIDDEN_SENDER, registerContractHandlers } from '../../electron/main/ipc-bridge';
import { checkSender } from '../../electron/main/ipc-sender';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function setup(handlers: Partial<EaselHandlers>) {
  const registered = new Map<string, Handler>();
  const log: string[] = [];
  const contents = { id: 1 };
  const unregister = registerContractHandlers({
    ipcMain: { handle: (channel: string, handler: Handler) => void registered.set(channel, handler), removeHandler: (channel: string) => void registered.delete(channel) } as never,
    service: { handlers: handlers as EaselHandlers, secrets: async () => ['sk_live_secret_123'] },
    expectedSender: () => contents,
    log: (line) => log.push(line),
  });
  return { registered, log, contents, unregister };
}

function frame(url: string, parent: unknown = null): Record<string, unknown> {
  const f: Record<string, unknown> = { url, parent, origin: url.startsWith('app://easel') ? 'app://easel' : 'null' };
  f.top = parent ?? f;
  return f;
}

describe('ipc bridge', () => {
  it('registers every channel and unregisters them all', () => {
    const { registered, unregister } = setup({});
    expect([...registered.keys()]).toEqual([...CHANNELS]);
    unregister();
    expect(registered.size).toBe(0);
  });

  it('checks the sender before it reads the input', async () => {
    const service = vi.fn(async () => ({ accounts: [], storage: {} }));
    const { registered, contents, log } = setup({ 'keys.set': service as never });
    const touched = vi.fn();
    const input = {
      get account() {
        touched();
        return 'revid';
      },
      key: 'sk_live_attacker_key',
    };
    const answer = await registered.get('keys.set')!({ sender: contents, senderFrame: frame('https://evil.example/') }, input);
    expect(answer).toEqual(FORBIDDEN_SENDER);
    expect(touched).not.toHaveBeenCalled();
    expect(service).not.toHaveBeenCalled();
    expect(log.join('\n')).toMatch(/Refused keys.set: a page from https:\/\/evil.example sent it/);
    expect(log.join('\n')).not.toContain('sk_live_attacker_key');
  });

  it('parses the input before the service sees it, and the output before the page does', async () => {
    const service = vi.fn(async () => ({ settings: {}, leaked: 'sk_live_secret_123' }));
    const { registered, contents } = setup({ 'settings.get': service as never });
    const event = { sender: contents, senderFrame: frame('app://easel/index.html') };
    expect(await registered.get('settings.get')!(event, { unexpected: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(service).not.toHaveBeenCalled();
    const answer = await registered.get('settings.get')!(event, undefined);
    expect(service).toHaveBeenCalledTimes(1);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toContain('sk_live_secret_123');
  });

  it('sends errors as a code and a redacted message, never a stack', async () => {
    const { registered, contents } = setup({
      'jobs.get': (async () => {
        throw new Error('database said: key sk_live_secret_123 is wrong');
      }) as never,
    });
    const answer = (await registered.get('jobs.get')!({ sender: contents, senderFrame: frame('app://easel/') }, { jobId: 'abcdef12' })) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('INTERNAL');
    expect(answer.error.message).not.toContain('sk_live_secret_123');
    expect(answer.error.message).not.toMatch(/\n\s+at /);
  });
});

describe('sender check', () => {
  const contents = { id: 1 };
  it.each([
    ['the main frame of the app', { sender: contents, senderFrame: frame('app://easel/index.html') }, true],
    ['a sub-frame of the app', { sender: contents, senderFrame: frame('app://easel/frame.html', frame('app://easel/index.html')) }, false],
    ['a foreign page', { sender: contents, senderFrame: frame('https://ai.revidapi.com/') }, false],
    ['a file: page', { sender: contents, senderFrame: frame('file:///home/ada/page.html') }, false],
    ['another app:// host', { sender: contents, senderFrame: frame('app://other/index.html') }, false],
    ['a data: page', { sender: contents, senderFrame: frame('data:text/html,hi') }, false],
    ['a destroyed frame', { sender: contents, senderFrame: null }, false],
    ['another window', { sender: { id: 2 }, senderFrame: frame('app://easel/index.html') }, false],
  ])('%s → %s', (_what, event, allowed) => {
    expect(checkSender(event as never, contents).ok).toBe(allowed);
  });

  it('refuses a frame whose origin disagrees with its URL', () => {
    const f = frame('app://easel/index.html');
    f.origin = 'https://evil.example';
    expect(checkSender({ sender: contents, senderFrame: f } as never, contents).ok).toBe(false);
  });
});
