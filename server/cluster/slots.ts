/** At most `capacity` holders at once; the rest wait in arrival order. */
export interface Slots {
  use<T>(task: () => Promise<T>): Promise<T>;
}

export function createSlots(capacity: number): Slots {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  let free = capacity;
  const waiting: (() => void)[] = [];
  return {
    async use(task) {
      if (free > 0) free -= 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free += 1;
      }
    },
  };
}
