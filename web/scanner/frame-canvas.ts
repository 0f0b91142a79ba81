/** Copies the current video frame into a reusable canvas sized to the camera's native resolution. */
export function createFrameCanvas(): { draw(video: HTMLVideoElement): HTMLCanvasElement | undefined } {
  const canvas = document.createElement('canvas');
  // Asked for first, so every later getContext('2d') (including @zxing/browser's) gets a CPU-backed context that reads back cheaply.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return {
    draw(video) {
      const { videoWidth: width, videoHeight: height } = video;
      if (!context || width === 0 || height === 0) return undefined;
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      context.drawImage(video, 0, 0, width, height);
      return canvas;
    },
  };
}
