/**
 * Calls `onFrame` for each new video frame, waiting for the previous call to finish first, so a
 * slow decode skips frames instead of queueing them. Returns the function that ends the loop.
 */
export function eachVideoFrame(video: HTMLVideoElement, onFrame: () => Promise<void>): () => void {
  let ended = false;
  let cancelScheduled = (): void => {};

  // requestVideoFrameCallback fires once per decoded camera frame; rAF (older Safari, Firefox) may fire twice per frame, which only costs a repeated decode.
  const schedule = (): void => {
    if (ended) return;
    if (typeof video.requestVideoFrameCallback === 'function') {
      const handle = video.requestVideoFrameCallback(run);
      cancelScheduled = () => video.cancelVideoFrameCallback(handle);
    } else {
      const handle = requestAnimationFrame(run);
      cancelScheduled = () => cancelAnimationFrame(handle);
    }
  };

  const run = (): void => {
    onFrame().then(schedule, schedule);
  };

  schedule();
  return () => {
    ended = true;
    cancelScheduled();
  };
}
