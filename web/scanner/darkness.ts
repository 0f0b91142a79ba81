/** Whether the camera has been seeing a dark scene for long enough to suggest the torch. */

/** Mean luminance (0–255) below which a frame is too dark to read a phone screen's code reliably. */
export const darkLuminance = 40;
/** A passing shadow is not worth a suggestion: only a scene that stays dark this long is. */
export const darkForMs = 3000;

/** The mean of a luminance sample. */
export function meanLuminance(pixels: Uint8ClampedArray | Uint8Array): number {
  if (pixels.length === 0) return 0;
  let sum = 0;
  for (const value of pixels) sum += value;
  return sum / pixels.length;
}

/**
 * Returns a function fed each sampled frame's mean luminance and the time it was seen; it answers
 * true once every sample for `darkForMs` has been darker than `darkLuminance`, false again at the
 * first bright one.
 */
export function createDarknessWatch(limits = { luminance: darkLuminance, forMs: darkForMs }): (mean: number, now: number) => boolean {
  let darkSince: number | null = null;
  return (mean, now) => {
    if (mean >= limits.luminance) {
      darkSince = null;
      return false;
    }
    darkSince ??= now;
    return now - darkSince >= limits.forMs;
  };
}
