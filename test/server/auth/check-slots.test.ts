import { describe, expect, it } from 'vitest';
import { createCheckSlots } from '../../../server/auth/check-slots.ts';

interface Held {
  started: string[];
  finish(name: string): void;
  task(name: string): () => Promise<string>;
}

/** Tasks that record when they start and end only when the test says so. */
function heldTasks(): Held {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  return {
    started,
    finish: (name) => finishers.get(name)?.(),
    task: (name) => () =>
      new Promise<string>((resolve) => {
        started.push(name);
        finishers.set(name, () => resolve(name));
      }),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createCheckSlots', () => {
  it('runs at most perKey tasks per key, the rest in arrival order, and other keys beside them', async () => {
    const slots = createCheckSlots(2);
    const held = heldTasks();
    const results = ['a1', 'a2', 'a3', 'a4'].map((name) => slots.run('a', held.task(name)));
    const other = slots.run('b', held.task('b1'));
    await settle();
    expect(held.started).toEqual(['a1', 'a2', 'b1']);
    held.finish('a2');
    await settle();
    expect(held.started).toEqual(['a1', 'a2', 'b1', 'a3']);
    held.finish('a1');
    held.finish('a3');
    await settle();
    held.finish('a4');
    held.finish('b1');
    expect(await Promise.all([...results, other])).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
  });

  it('frees the slot of a task that throws', async () => {
    const slots = createCheckSlots(1);
    await expect(slots.run('a', () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(await slots.run('a', async () => 'next')).toBe('next');
  });

  it('rejects nonsense settings', () => {
    expect(() => createCheckSlots(0)).toThrow(RangeError);
  });
});
