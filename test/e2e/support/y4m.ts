import { writeFile } from 'node:fs/promises';
import type { GreyImage } from './barcode-image.ts';

/** The fake camera's own resolution: Chromium delivers the file's frames at this size, 30 fps, looped. */
export const frameWidth = 1280;
export const frameHeight = 720;

const background = 225;
const ink = 25;

export interface CameraVideoOptions {
  /** Frames of empty background before the code appears, so "code in view → decoded" can be timed. */
  blankFrames?: number;
  /** Frames showing the code (each is 1.4 MB of file). */
  codeFrames?: number;
  /** Box-blur radius in pixels, as an out-of-focus camera. */
  blurRadius?: number;
  /** 1 is ink on paper; 0.25 leaves a quarter of the difference between bars and background. */
  contrast?: number;
  /** Clockwise rotation of the code in the frame. */
  rotationDegrees?: number;
}

/** The luminance plane of one frame: the code centred on a light background, transformed as asked. */
export function composeFrame(image: GreyImage, options: CameraVideoOptions = {}): Uint8Array {
  const contrast = options.contrast ?? 1;
  const light = background;
  const dark = Math.round(background - (background - ink) * contrast);
  const angle = ((options.rotationDegrees ?? 0) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const centreX = frameWidth / 2;
  const centreY = frameHeight / 2;
  const frame = new Uint8Array(frameWidth * frameHeight);
  for (let y = 0; y < frameHeight; y++) {
    for (let x = 0; x < frameWidth; x++) {
      // Inverse rotation: which pixel of the upright code lands here.
      const dx = x - centreX;
      const dy = y - centreY;
      const sourceX = Math.round(cos * dx + sin * dy + image.width / 2);
      const sourceY = Math.round(-sin * dx + cos * dy + image.height / 2);
      const inside = sourceX >= 0 && sourceY >= 0 && sourceX < image.width && sourceY < image.height;
      const value = inside ? (image.pixels[sourceY * image.width + sourceX] ?? 255) / 255 : 1;
      frame[y * frameWidth + x] = Math.round(dark + (light - dark) * value);
    }
  }
  return options.blurRadius ? boxBlur(frame, options.blurRadius) : frame;
}

export function blankFrame(): Uint8Array {
  return new Uint8Array(frameWidth * frameHeight).fill(background);
}

function boxBlur(plane: Uint8Array, radius: number): Uint8Array {
  const horizontal = blurPass(plane, radius, 1, frameWidth, frameWidth, frameHeight);
  return blurPass(horizontal, radius, frameWidth, 1, frameHeight, frameWidth);
}

/** One separable pass: averages `2r+1` samples `step` apart along each of `lines` lines of `length` samples. */
function blurPass(plane: Uint8Array, radius: number, step: number, lineStep: number, length: number, lines: number): Uint8Array {
  const out = new Uint8Array(plane.length);
  for (let line = 0; line < lines; line++) {
    const start = line * lineStep;
    for (let i = 0; i < length; i++) {
      let sum = 0;
      let count = 0;
      for (let k = Math.max(0, i - radius); k <= Math.min(length - 1, i + radius); k++) {
        sum += plane[start + k * step] ?? 0;
        count++;
      }
      out[start + i * step] = Math.round(sum / count);
    }
  }
  return out;
}

/** YUV4MPEG2 with 4:2:0 chroma: per frame the luminance plane, then two quarter-size planes, grey (128) here. */
export async function writeY4m(path: string, lumaFrames: Uint8Array[]): Promise<void> {
  const header = Buffer.from(`YUV4MPEG2 W${frameWidth} H${frameHeight} F30:1 Ip A1:1 C420jpeg\n`);
  const frameMarker = Buffer.from('FRAME\n');
  const chroma = Buffer.alloc((frameWidth / 2) * (frameHeight / 2) * 2, 128);
  const parts: Uint8Array[] = [header];
  for (const luma of lumaFrames) parts.push(frameMarker, luma, chroma);
  await writeFile(path, parts);
}

export async function writeCameraVideo(path: string, image: GreyImage, options: CameraVideoOptions = {}): Promise<void> {
  const blank = blankFrame();
  const code = composeFrame(image, options);
  const frames = [...Array<Uint8Array>(options.blankFrames ?? 0).fill(blank), ...Array<Uint8Array>(options.codeFrames ?? 1).fill(code)];
  await writeY4m(path, frames);
}
