import { describe, expect, it } from 'vitest';
import { createSlots } from '../../../server/cluster/slots.ts';

describe('createSlots', () => {
  it('lets at most the capacity run at once, the rest in arrival order, and frees a slot after a failure', async () => {
    const slots = createSlots(2);
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const task = (index: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      order.push(index);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      if (index === 0) throw new Error('boom');
      return index;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((index) => slots.use(task(index))));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createSlots(0)).toThrow(RangeError);
    expect(() => createSlots(1.5)).toThrow(RangeError);
  });
});
