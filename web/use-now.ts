import { useEffect, useState } from 'preact/hooks';

/** The device clock, re-read every `everyMs`, for screens that count time down or up. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
