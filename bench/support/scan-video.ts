import type { GreyImage } from '../../test/e2e/support/barcode-image.ts';
import { blankFrame, type CameraVideoOptions, composeFrame, frameHeight, frameWidth, writeY4m } from '../../test/e2e/support/y4m.ts';
import { markerCentre, markerHalfSize } from './marker.ts';
import { soften } from './soften.ts';

export type CodeTransform = Pick<CameraVideoOptions, 'blurRadius' | 'contrast' | 'rotationDegrees'> & {
  /** Passes of the slight [1 2 1] blur (support/soften.ts). */
  softenPasses?: number;
};

/**
 * A looping camera video: `blankFrames` of background, then `codeFrames` showing the code, each
 * code frame also carrying the dark marker patch so the page can timestamp the code's arrival.
 */
export async function writeMarkedVideo(
  path: string,
  image: GreyImage,
  options: { blankFrames: number; codeFrames: number; transform?: CodeTransform },
): Promise<void> {
  const { softenPasses = 0, ...transform } = options.transform ?? {};
  const code = soften(composeFrame(image, transform), softenPasses);
  const left = Math.round((markerCentre.x - markerHalfSize.width) * frameWidth);
  const right = Math.round((markerCentre.x + markerHalfSize.width) * frameWidth);
  const top = Math.round((markerCentre.y - markerHalfSize.height) * frameHeight);
  const bottom = Math.round((markerCentre.y + markerHalfSize.height) * frameHeight);
  for (let y = top; y < bottom; y++) code.fill(0, y * frameWidth + left, y * frameWidth + right);
  const blank = blankFrame();
  await writeY4m(path, [...Array<Uint8Array>(options.blankFrames).fill(blank), ...Array<Uint8Array>(options.codeFrames).fill(code)]);
}
