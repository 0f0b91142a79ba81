import { type Overlay, symbolExtent } from './place.ts';
import type { Random } from './random.ts';
import type { ModuleGrid } from './symbol.ts';

/**
 * A phone screen photographed: each screen pixel (`pitch` modules wide) is three coloured stripes
 * whose luminance differs (R .30, G .59, B .11) and a dark gap below; sampled by the camera's own
 * pixel grid this beats into moiré.
 */
export function screenPixels(pitch: number): Overlay {
  const stripes = [0.9, 1.77, 0.33];
  const lit = 0.8;
  return (u, v, value) => {
    if (value === undefined) return undefined;
    const across = (((u / pitch) % 1) + 1) % 1;
    const down = (((v / pitch) % 1) + 1) % 1;
    const stripe = stripes[Math.min(2, Math.floor(across * 3))] ?? 1;
    return down < lit ? value * stripe : value * 0.15;
  };
}

/**
 * A fingertip holding the slip or phone, over the outer part of the quiet zone on one side. It
 * leaves the symbol itself uncovered: what it takes away is the margin decoders look for.
 */
export function fingerOverQuietZone(grid: ModuleGrid, random: Random): Overlay {
  const { halfWidth, halfHeight } = symbolExtent(grid);
  const linear = grid.rows === 1;
  const alongWidth = linear || random.next() < 0.5;
  const sign = random.next() < 0.5 ? -1 : 1;
  const covered = grid.quietZone * random.between(0.4, 0.7);
  const width = linear ? 25 : 8;
  const length = 40;
  const edge = alongWidth ? halfWidth : halfHeight;
  const across = alongWidth ? halfHeight : halfWidth;
  const centreAlong = sign * (edge - covered + length);
  const centreAcross = random.between(-across * 0.6, across * 0.6);
  return (u, v, value) => {
    const along = alongWidth ? u : v;
    const side = alongWidth ? v : u;
    const r2 = ((along - centreAlong) / length) ** 2 + ((side - centreAcross) / width) ** 2;
    return r2 <= 1 ? 90 + 80 * (1 - r2) : value;
  };
}
