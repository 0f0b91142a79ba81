import { describe, expect, it } from 'vitest';
import { createKeyedLock } from '../../../server/cashout/lock.ts';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('createKeyedLock', () => {
  it('runs tasks on one key one after another, in order', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    const first = gate();
    const a = lock.run('c1', async () => {
      events.push('a start');
      await first.opened;
      events.push('a end');
    });
    const b = lock.run('c1', async () => {
      events.push('b');
    });
    await Promise.resolve();
    expect(events).toEqual(['a start']);
    first.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a start', 'a end', 'b']);
  });

  it('does not hold up another key', async () => {
    const lock = createKeyedLock();
    const blocked = gate();
    const slow = lock.run('c1', () => blocked.opened);
    expect(await lock.run('c2', async () => 'done')).toBe('done');
    blocked.open();
    await slow;
  });

  it('passes a failure to its caller and still runs the next task', async () => {
    const lock = createKeyedLock();
    const failed = lock.run('c1', async () => {
      throw new Error('boom');
    });
    const next = lock.run('c1', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
