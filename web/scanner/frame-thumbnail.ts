import { rgbaToLuminance } from './luminance.ts';
import type { LumaGrid } from './too-close.ts';

/** The thumbnail's longer side: ~14 000 pixels for a 16:9 camera, enough to see a code that fills the view. */
const longerSide = 160;

/** Scales the current video frame down to a luminance thumbnail; the browser's scaler does the averaging. */
export function createFrameThumbnail(): { take(video: HTMLVideoElement): LumaGrid | undefined } {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    take(video) {
      const { videoWidth, videoHeight } = video;
      if (!context || videoWidth === 0 || videoHeight === 0) return undefined;
      const scale = longerSide / Math.max(videoWidth, videoHeight);
      const width = Math.max(1, Math.round(videoWidth * scale));
      const height = Math.max(1, Math.round(videoHeight * scale));
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(video, 0, 0, width, height);
      const { data } = context.getImageData(0, 0, width, height);
      return { width, height, pixels: rgbaToLuminance(data, width * height) };
    },
  };
}
