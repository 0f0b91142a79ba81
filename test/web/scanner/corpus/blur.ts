import type { Frame } from './frame.ts';

/** One pass of a 1-D kernel along rows (dx = 1) or columns (dx = 0), edges clamped. */
function convolveLine(frame: Frame, kernel: readonly number[], horizontal: boolean): void {
  const { width, height, pixels } = frame;
  const source = pixels.slice();
  const half = (kernel.length - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = 0; k < kernel.length; k++) {
        const sx = horizontal ? Math.min(width - 1, Math.max(0, x + k - half)) : x;
        const sy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k - half));
        sum += (kernel[k] ?? 0) * (source[sy * width + sx] ?? 0);
      }
      pixels[y * width + x] = sum;
    }
  }
}

/** Defocus, approximated by a Gaussian of the given σ in pixels. */
export function defocus(frame: Frame, sigma: number): void {
  const half = Math.ceil(sigma * 3);
  const weights = Array.from({ length: 2 * half + 1 }, (_, i) => Math.exp(-((i - half) ** 2) / (2 * sigma * sigma)));
  const total = weights.reduce((a, b) => a + b, 0);
  const kernel = weights.map((weight) => weight / total);
  convolveLine(frame, kernel, true);
  convolveLine(frame, kernel, false);
}

/** A shaking hand: the average along a straight streak of `length` pixels at `angleDegrees`. */
export function motionBlur(frame: Frame, length: number, angleDegrees: number): void {
  const { width, height, pixels } = frame;
  const source = pixels.slice();
  const samples = Math.max(2, Math.ceil(length));
  const dx = Math.cos((angleDegrees * Math.PI) / 180) * (length / (samples - 1));
  const dy = Math.sin((angleDegrees * Math.PI) / 180) * (length / (samples - 1));
  const at = (x: number, y: number): number => {
    const cx = Math.min(width - 1, Math.max(0, x));
    const cy = Math.min(height - 1, Math.max(0, y));
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const x1 = Math.min(width - 1, x0 + 1);
    const y1 = Math.min(height - 1, y0 + 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const top = (source[y0 * width + x0] ?? 0) * (1 - fx) + (source[y0 * width + x1] ?? 0) * fx;
    const bottom = (source[y1 * width + x0] ?? 0) * (1 - fx) + (source[y1 * width + x1] ?? 0) * fx;
    return top * (1 - fy) + bottom * fy;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let s = 0; s < samples; s++) {
        const offset = s - (samples - 1) / 2;
        sum += at(x + dx * offset, y + dy * offset);
      }
      pixels[y * width + x] = sum / samples;
    }
  }
}
