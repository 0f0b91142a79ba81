import { createFrameThumbnail } from './frame-thumbnail.ts';
import { adviceEveryMs, createViewAdvisor, type ViewAdvice } from './view-advice.ts';

/**
 * Called on every video frame the scanner sees; every `adviceEveryMs` it takes a thumbnail of the
 * frame and passes it to the advisor, which reports changed advice to `onAdvice`.
 */
export function createViewWatch(onAdvice: (advice: ViewAdvice) => void): (video: HTMLVideoElement, now: number) => void {
  const thumbnail = createFrameThumbnail();
  const advise = createViewAdvisor(onAdvice);
  let nextAt = 0;
  return (video, now) => {
    if (now < nextAt) return;
    nextAt = now + adviceEveryMs;
    const grid = thumbnail.take(video);
    if (grid) advise(grid, now);
  };
}
