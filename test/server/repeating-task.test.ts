import { describe, expect, it, vi } from 'vitest';
import { startRepeatingTask } from '../../server/repeating-task.ts';

describe('startRepeatingTask', () => {
  it('runs at once, then the interval after each run ends, never two at a time, and stop waits for a run in progress', async () => {
    vi.useFakeTimers();
    try {
      let running = 0;
      let most = 0;
      let runs = 0;
      let finish: (() => void) | undefined;
      const task = () =>
        new Promise<void>((resolve) => {
          runs += 1;
          running += 1;
          most = Math.max(most, running);
          finish = () => {
            running -= 1;
            resolve();
          };
        });
      const stop = startRepeatingTask(task, 1000);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(5000);
      expect(runs).toBe(1);
      finish?.();
      await vi.advanceTimersByTimeAsync(999);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toBe(2);
      let stopped = false;
      const stopping = stop().then(() => {
        stopped = true;
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(stopped).toBe(false);
      finish?.();
      await stopping;
      await vi.advanceTimersByTimeAsync(10_000);
      expect({ runs, most }).toEqual({ runs: 2, most: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
