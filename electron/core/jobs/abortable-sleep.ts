// The runner waits a lot (polls, backoff, budgets); every wait must end at once on cancel.
import { EaselError } from '../errors/easel-error';

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new EaselError('CANCELED', 'Canceled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new EaselError('CANCELED', 'Canceled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
