/** Where on the camera picture a tap on the video element landed, for tap-to-focus. */

export interface Size {
  width: number;
  height: number;
}

/** A point of the camera picture, 0..1 from its left and top edges, as `pointsOfInterest` takes it. */
export interface PicturePoint {
  x: number;
  y: number;
}

/**
 * Maps a tap at (`tapX`, `tapY`) CSS pixels from the element's top-left corner to the picture.
 * `cover` crops the picture's overflowing sides (the viewfinder's style); `contain` and `fill`
 * are handled too so a style change cannot focus on the wrong spot. A tap on a letterbox bar
 * (outside the picture) gives null.
 */
export function tapToPicturePoint(tapX: number, tapY: number, element: Size, picture: Size, fit: string): PicturePoint | null {
  if (element.width <= 0 || element.height <= 0 || picture.width <= 0 || picture.height <= 0) return null;
  if (fit === 'fill') return clampedPoint(tapX / element.width, tapY / element.height);
  const widthRatio = element.width / picture.width;
  const heightRatio = element.height / picture.height;
  const scale = fit === 'cover' ? Math.max(widthRatio, heightRatio) : Math.min(widthRatio, heightRatio);
  const shownWidth = picture.width * scale;
  const shownHeight = picture.height * scale;
  // object-position defaults to the centre: the picture overhangs (cover) or falls short (contain) equally on both sides.
  const x = (tapX - (element.width - shownWidth) / 2) / shownWidth;
  const y = (tapY - (element.height - shownHeight) / 2) / shownHeight;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { x, y };
}

function clampedPoint(x: number, y: number): PicturePoint | null {
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { x, y };
}
