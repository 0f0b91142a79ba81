import { useState } from 'preact/hooks';
import type { Screen } from './flow.ts';

/** The signed-in cashier's screen. Every change counts up `serial`, which mounts a fresh screen, so no wait or tick-box carries over. */
export function useScreen() {
  const [current, setCurrent] = useState<{ screen: Screen; serial: number }>({ screen: { name: 'amount' }, serial: 0 });
  function show(screen: Screen) {
    setCurrent(({ serial }) => ({ screen, serial: serial + 1 }));
  }
  return { ...current, show };
}
