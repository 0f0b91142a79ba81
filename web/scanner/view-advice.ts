import { createDarknessWatch, meanLuminance } from './darkness.ts';
import { type LumaGrid, looksTooClose } from './too-close.ts';

/** What the screen can tell the cashier about the picture, beyond "point at the code". */
export interface ViewAdvice {
  /** The scene has stayed dark for a few seconds: the torch would help, where there is one. */
  dark: boolean;
  /** A code fills the picture: the phone should be held a little further away. */
  tooClose: boolean;
}

/** A thumbnail a few times a second is plenty for advice a person reads; decoding keeps every frame. */
export const adviceEveryMs = 250;

/**
 * Turns thumbnails of sampled frames into advice, calling `onChange` only when the advice changes,
 * so the screen re-renders a few times a scan rather than a few times a second.
 */
export function createViewAdvisor(onChange: (advice: ViewAdvice) => void): (thumbnail: LumaGrid, now: number) => void {
  const isDark = createDarknessWatch();
  let last: ViewAdvice = { dark: false, tooClose: false };
  return (thumbnail, now) => {
    const dark = isDark(meanLuminance(thumbnail.pixels), now);
    const advice = { dark, tooClose: !dark && looksTooClose(thumbnail) };
    if (advice.dark === last.dark && advice.tooClose === last.tooClose) return;
    last = advice;
    onChange(advice);
  };
}
