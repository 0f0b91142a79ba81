/** How pressing the reservation's hold is: amber under a minute, red under 20 s, then lapsed. */
export type HoldUrgency = 'calm' | 'soon' | 'urgent' | 'lapsed';

export const soonUnderMs = 60_000;
export const urgentUnderMs = 20_000;

export function holdUrgency(remainingMs: number): HoldUrgency {
  if (remainingMs <= 0) return 'lapsed';
  if (remainingMs < urgentUnderMs) return 'urgent';
  if (remainingMs < soonUnderMs) return 'soon';
  return 'calm';
}

/** Whole seconds left, rounded up, as m:ss: "0:01" is still a hold, "0:00" only once it lapsed. */
export function formatRemaining(remainingMs: number): string {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
