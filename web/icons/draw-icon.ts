import { PNG } from 'pngjs';

/**
 * Kasa's icon, drawn from one geometry: a banknote on the brand green. The maskable variant fills
 * the whole square and keeps the note inside the central safe circle (radius 40 %) that launchers keep.
 */
export const brandColour = '#0b5d41';
const brand: Rgb = [0x0b, 0x5d, 0x41];
const paper: Rgb = [0xff, 0xff, 0xff];
type Rgb = readonly [number, number, number];

interface Geometry {
  /** Corner radius of the background square; 0 fills the square (maskable). */
  corner: number;
  noteWidth: number;
  noteHeight: number;
  noteCorner: number;
  coin: number;
}

/** Fractions of the icon's side. */
export function iconGeometry(maskable: boolean): Geometry {
  const scale = maskable ? 0.75 : 1;
  return { corner: maskable ? 0 : 0.2, noteWidth: 0.68 * scale, noteHeight: 0.42 * scale, noteCorner: 0.05 * scale, coin: 0.11 * scale };
}

function insideRoundedRect(x: number, y: number, halfWidth: number, halfHeight: number, radius: number): boolean {
  const dx = Math.abs(x - 0.5) - (halfWidth - radius);
  const dy = Math.abs(y - 0.5) - (halfHeight - radius);
  if (dx > radius || dy > radius) return false;
  return dx <= 0 || dy <= 0 || dx * dx + dy * dy <= radius * radius;
}

function colourAt(geometry: Geometry, x: number, y: number): Rgb | null {
  if (!insideRoundedRect(x, y, 0.5, 0.5, geometry.corner)) return null;
  const onNote = insideRoundedRect(x, y, geometry.noteWidth / 2, geometry.noteHeight / 2, geometry.noteCorner);
  const onCoin = (x - 0.5) ** 2 + (y - 0.5) ** 2 <= geometry.coin ** 2;
  return onNote && !onCoin ? paper : brand;
}

const samplesPerAxis = 4;

/** A size×size PNG, anti-aliased by sampling each pixel on a 4×4 grid. */
export function drawIconPng(size: number, maskable: boolean): Buffer {
  const geometry = iconGeometry(maskable);
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const colour = colourAt(geometry, (px + (sx + 0.5) / samplesPerAxis) / size, (py + (sy + 0.5) / samplesPerAxis) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = covered ? Math.round(r / covered) : 0;
      png.data[offset + 1] = covered ? Math.round(g / covered) : 0;
      png.data[offset + 2] = covered ? Math.round(b / covered) : 0;
      png.data[offset + 3] = Math.round((covered / samplesPerAxis ** 2) * 255);
    }
  }
  return PNG.sync.write(png);
}

/** The same icon as SVG, for the favicon. */
export function iconSvg(): string {
  const { corner, noteWidth, noteHeight, noteCorner, coin } = iconGeometry(false);
  const unit = (fraction: number) => Math.round(fraction * 1000) / 10;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    `<rect width="100" height="100" rx="${unit(corner)}" fill="${brandColour}"/>`,
    `<rect x="${unit(0.5 - noteWidth / 2)}" y="${unit(0.5 - noteHeight / 2)}" width="${unit(noteWidth)}" height="${unit(noteHeight)}" rx="${unit(noteCorner)}" fill="#fff"/>`,
    `<circle cx="50" cy="50" r="${unit(coin)}" fill="${brandColour}"/>`,
    '</svg>',
  ].join('');
}
