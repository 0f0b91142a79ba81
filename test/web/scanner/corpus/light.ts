import type { Frame } from './frame.ts';
import type { Random } from './random.ts';

/** Sensor noise: Gaussian, σ grey levels per pixel, independent from pixel to pixel. */
export function sensorNoise(frame: Frame, random: Random, sigma: number): void {
  for (let i = 0; i < frame.pixels.length; i++) frame.pixels[i] = (frame.pixels[i] ?? 0) + sigma * random.gaussian();
}

/** Squeezes the whole range 0–255 into low–high: a dim shop, or a washed-out screen. */
export function squeezeRange(frame: Frame, low: number, high: number): void {
  const scale = (high - low) / 255;
  for (let i = 0; i < frame.pixels.length; i++) frame.pixels[i] = low + (frame.pixels[i] ?? 0) * scale;
}

/** A reflection of a lamp: a bright spot that saturates the sensor at its centre. */
export function glareSpot(frame: Frame, centreX: number, centreY: number, radius: number, strength: number): void {
  const { width, height, pixels } = frame;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const falloff = Math.exp(-((x - centreX) ** 2 + (y - centreY) ** 2) / (2 * radius * radius));
      const index = y * width + x;
      pixels[index] = Math.min(255, (pixels[index] ?? 0) + strength * falloff);
    }
  }
}
