/**
 * At most `perKey` tasks run at once per key; the rest wait their turn in arrival order. Password
 * checks run scrypt on libuv's small thread pool (4 threads by default), so a burst from one
 * address must not take all of it: a colleague signing in from another address would queue
 * behind every guess.
 */
export interface CheckSlots {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

interface KeyQueue {
  running: number;
  waiting: (() => void)[];
}

export function createCheckSlots(perKey: number): CheckSlots {
  if (!Number.isInteger(perKey) || perKey < 1) throw new RangeError('perKey must be a positive integer');
  const queues = new Map<string, KeyQueue>();

  async function acquire(key: string): Promise<KeyQueue> {
    const queue = queues.get(key) ?? { running: 0, waiting: [] };
    queues.set(key, queue);
    if (queue.running < perKey) {
      queue.running += 1;
      return queue;
    }
    // The slot is handed over by `release`, so `running` stays counted while it changes hands.
    await new Promise<void>((resolve) => queue.waiting.push(resolve));
    return queue;
  }

  function release(key: string, queue: KeyQueue): void {
    const next = queue.waiting.shift();
    if (next) {
      next();
      return;
    }
    queue.running -= 1;
    if (queue.running === 0) queues.delete(key);
  }

  return {
    async run(key, task) {
      const queue = await acquire(key);
      try {
        return await task();
      } finally {
        release(key, queue);
      }
    },
  };
}
