/**
 * The font size at which a line of text measured `naturalWidth` wide at `maximum` px fits in
 * `available` px. Glyph widths scale with the font size, so one ratio is close; the caller measures
 * again and shrinks further if font hinting made the line a fraction wider.
 */
export function fittedFontSize(maximum: number, naturalWidth: number, available: number): number {
  if (naturalWidth <= available || naturalWidth <= 0) return maximum;
  return Math.floor(((maximum * available) / naturalWidth) * 10) / 10;
}

/** A step smaller than `size`, for when the measured line is still too wide. */
export function nextSmallerFontSize(size: number): number {
  return Math.floor(size * 0.97 * 10) / 10;
}
