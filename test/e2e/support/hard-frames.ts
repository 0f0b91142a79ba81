import type { GreyImage } from './barcode-image.ts';
import { blankFrame, frameHeight, frameWidth, writeY4m } from './y4m.ts';
import { mulberry32 } from '../../support/mulberry32.ts';

/**
 * Camera frames of a code in hard conditions (issue 12): far away, tilted back, turned, in sensor
 * noise, light on dark, in a dim room. Deterministic: the same options give the same bytes.
 */
export interface HardSceneOptions {
  /** Frame pixels per pixel of the rendered symbol: 0.25 puts a 12 px module at 3 px, as from far away. */
  scale?: number;
  /** Clockwise turn of the code in the frame. */
  rotationDegrees?: number;
  /** The code's plane turned back about its vertical axis, seen in perspective: one side nearer, larger. */
  tiltDegrees?: number;
  /** Gaussian sensor noise (standard deviation, grey levels), drawn anew for each frame. */
  noiseSigma?: number;
  /** Light modules on a dark ground, as a phone in dark mode shows it. */
  inverted?: boolean;
  /** Multiplies every pixel's luminance: 0.05 is a room too dark to see the code in. */
  light?: number;
  /** Frames showing the code, each with its own noise (each is 1.4 MB of file). */
  codeFrames?: number;
  /** Frames of empty background first, so the scan screen is seen before the code comes into view. */
  blankFrames?: number;
  seed?: number;
}

const background = 225;
const ink = 25;
/** A phone camera's focal length in pixels at 1280 wide (~65° field of view). */
const focalLength = 1000;
/** Samples per pixel along each axis: edges get the in-between greys a lens gives, not stair steps. */
const supersampling = 3;

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The code's luminance (0 ink … 1 paper) seen at a frame position relative to the frame's centre. */
function sampler(image: GreyImage, options: HardSceneOptions): (dx: number, dy: number) => number {
  const scale = options.scale ?? 1;
  const turn = ((options.rotationDegrees ?? 0) * Math.PI) / 180;
  const tilt = ((options.tiltDegrees ?? 0) * Math.PI) / 180;
  const [cosTurn, sinTurn, cosTilt, sinTilt] = [Math.cos(turn), Math.sin(turn), Math.cos(tilt), Math.sin(tilt)];
  return (dx, dy) => {
    // Undo the turn, then the perspective of a plane at distance f turned by `tilt`: x = f·u·cosθ / (f + u·sinθ).
    const x = cosTurn * dx + sinTurn * dy;
    const y = -sinTurn * dx + cosTurn * dy;
    const u = (x * focalLength) / (focalLength * cosTilt - x * sinTilt);
    const v = (y * (focalLength + u * sinTilt)) / focalLength;
    const sourceX = Math.floor(u / scale + image.width / 2);
    const sourceY = Math.floor(v / scale + image.height / 2);
    const inside = sourceX >= 0 && sourceY >= 0 && sourceX < image.width && sourceY < image.height;
    return inside ? (image.pixels[sourceY * image.width + sourceX] ?? 255) / 255 : 1;
  };
}

/** The luminance of one frame; `frameIndex` picks the noise. */
export function composeHardFrame(image: GreyImage, options: HardSceneOptions, frameIndex: number): Uint8Array {
  const sample = sampler(image, options);
  const random = mulberry32((options.seed ?? 12) * 7919 + frameIndex);
  const sigma = options.noiseSigma ?? 0;
  const light = options.light ?? 1;
  const frame = new Uint8Array(frameWidth * frameHeight);
  for (let y = 0; y < frameHeight; y++) {
    for (let x = 0; x < frameWidth; x++) {
      let paper = 0;
      for (let sy = 0; sy < supersampling; sy++) {
        for (let sx = 0; sx < supersampling; sx++) {
          paper += sample(x + (sx + 0.5) / supersampling - frameWidth / 2, y + (sy + 0.5) / supersampling - frameHeight / 2);
        }
      }
      paper /= supersampling * supersampling;
      if (options.inverted) paper = 1 - paper;
      const value = (ink + (background - ink) * paper) * light + (sigma > 0 ? sigma * gaussian(random) : 0);
      frame[y * frameWidth + x] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return frame;
}

export async function writeHardCameraVideo(path: string, image: GreyImage, options: HardSceneOptions): Promise<void> {
  const blank = blankFrame();
  const codeFrames = Array.from({ length: options.codeFrames ?? 1 }, (_, index) => composeHardFrame(image, options, index));
  await writeY4m(path, [...Array<Uint8Array>(options.blankFrames ?? 0).fill(blank), ...codeFrames]);
}
