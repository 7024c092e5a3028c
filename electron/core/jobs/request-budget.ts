// Keeps Easel under each vendor's published request limits, whatever number of jobs is in
// flight: one sliding window per account (revid v1: 1000/min) and one per task (gpt4o: 3
// queries per second per task). Every vendor request takes a slot before it is sent.
import type { RequestBudget } from '../providers/provider-adapter';
import { abortableSleep } from './abortable-sleep';

export class SlidingWindow {
  /** When each slot was taken, moved to its answer's arrival by `done`. */
  private readonly slots: { heldUntilDoneAt: number }[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Resolves when a request may be sent now, with a `done` to call once its answer is in;
   * callers are served in arrival order. The vendor counts a request when it arrives, some
   * time after the slot was taken, so a slot counts until `windowMs` after its answer.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    const turn = this.tail.then(() => this.waitForSlot(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      const now = Date.now();
      for (let i = this.slots.length - 1; i >= 0; i--) if (now - this.slots[i]!.heldUntilDoneAt >= this.windowMs) this.slots.splice(i, 1);
      if (this.slots.length < this.limit) {
        const slot = { heldUntilDoneAt: now };
        this.slots.push(slot);
        return () => {
          slot.heldUntilDoneAt = Math.max(slot.heldUntilDoneAt, Date.now());
        };
      }
      const oldest = Math.min(...this.slots.map((s) => s.heldUntilDoneAt));
      await abortableSleep(this.windowMs - (now - oldest) + 1, signal);
    }
  }
}

export class RequestBudgets {
  private readonly accounts = new Map<string, SlidingWindow>();
  private readonly tasks = new Map<string, SlidingWindow>();

  async acquire(providerId: string, budget: RequestBudget, taskKey: string | null, signal?: AbortSignal): Promise<() => void> {
    const done: (() => void)[] = [];
    if (budget.perTaskPerSecond && taskKey) {
      const key = `${providerId}:${taskKey}`;
      let window = this.tasks.get(key);
      if (!window) {
        window = new SlidingWindow(budget.perTaskPerSecond, 1000);
        this.tasks.set(key, window);
      }
      done.push(await window.acquire(signal));
    }
    if (budget.requestsPerMinute) {
      let window = this.accounts.get(providerId);
      if (!window) {
        window = new SlidingWindow(budget.requestsPerMinute, 60_000);
        this.accounts.set(providerId, window);
      }
      done.push(await window.acquire(signal));
    }
    return () => done.forEach((d) => d());
  }

  /** Forget a finished task's window. */
  release(providerId: string, taskKey: string): void {
    this.tasks.delete(`${providerId}:${taskKey}`);
  }
}
