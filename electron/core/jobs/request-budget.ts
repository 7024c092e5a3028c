// Keeps Easel under each vendor's published request limits, whatever number of jobs is in
// flight: one sliding window per account (revid v1: 1000/min) and one per task (gpt4o: 3
// queries per second per task). Every vendor request takes a slot before it is sent.
import type { RequestBudget } from '../providers/provider-adapter';
import { abortableSleep } from './abortable-sleep';

export class SlidingWindow {
  private readonly stamps: number[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Resolves when a request may be sent now; callers are served in arrival order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.waitForSlot(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.stamps.length > 0 && now - this.stamps[0]! >= this.windowMs) this.stamps.shift();
      if (this.stamps.length < this.limit) {
        this.stamps.push(now);
        return;
      }
      await abortableSleep(this.windowMs - (now - this.stamps[0]!) + 1, signal);
    }
  }
}

export class RequestBudgets {
  private readonly accounts = new Map<string, SlidingWindow>();
  private readonly tasks = new Map<string, SlidingWindow>();

  async acquire(providerId: string, budget: RequestBudget, taskKey: string | null, signal?: AbortSignal): Promise<void> {
    if (budget.perTaskPerSecond && taskKey) {
      const key = `${providerId}:${taskKey}`;
      let window = this.tasks.get(key);
      if (!window) {
        window = new SlidingWindow(budget.perTaskPerSecond, 1000);
        this.tasks.set(key, window);
      }
      await window.acquire(signal);
    }
    if (budget.requestsPerMinute) {
      let window = this.accounts.get(providerId);
      if (!window) {
        window = new SlidingWindow(budget.requestsPerMinute, 60_000);
        this.accounts.set(providerId, window);
      }
      await window.acquire(signal);
    }
  }

  /** Forget a finished task's window. */
  release(providerId: string, taskKey: string): void {
    this.tasks.delete(`${providerId}:${taskKey}`);
  }
}
