import { markerCentre, markerHalfSize, markerThreshold } from '../support/marker.ts';

/** Reads the marker patch of the video's current frame: true when the frame shows a code. */
export function createMarkerReader(video: HTMLVideoElement): () => boolean {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  return () => {
    const width = video.videoWidth * markerHalfSize.width;
    const height = video.videoHeight * markerHalfSize.height;
    // Only the inner half of the patch, averaged into one pixel, so scaling at its edges does not matter.
    context.drawImage(video, video.videoWidth * markerCentre.x - width / 2, video.videoHeight * markerCentre.y - height / 2, width, height, 0, 0, 1, 1);
    const [red = 255, green = 255, blue = 255] = context.getImageData(0, 0, 1, 1).data;
    return (red + green + blue) / 3 < markerThreshold;
  };
}

/**
 * Resolves with the presentation time of the first frame showing the code after at least one blank
 * frame: the moment the code came into view. Presentation time is stamped by the compositor, so a
 * callback delayed by a busy page still reports when the frame was shown.
 */
export function codeArrival(video: HTMLVideoElement): { arrived: Promise<number>; cancel(): void } {
  const showsCode = createMarkerReader(video);
  let sawBlank = false;
  let handle = 0;
  let resolve: (time: number) => void = () => {};
  const arrived = new Promise<number>((done) => {
    resolve = done;
  });
  const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
    if (!showsCode()) sawBlank = true;
    else if (sawBlank) {
      resolve(metadata.presentationTime);
      return;
    }
    handle = video.requestVideoFrameCallback(onFrame);
  };
  handle = video.requestVideoFrameCallback(onFrame);
  return { arrived, cancel: () => video.cancelVideoFrameCallback(handle) };
}
