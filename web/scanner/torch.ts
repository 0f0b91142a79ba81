/** The torch is a non-standard track capability (Chrome on Android); where it is missing the toggle is hidden. */

interface TorchCapabilities {
  torch?: boolean;
}

export function trackHasTorch(track: MediaStreamTrack | undefined): boolean {
  if (!track || typeof track.getCapabilities !== 'function') return false;
  return (track.getCapabilities() as TorchCapabilities).torch === true;
}

export async function setTrackTorch(track: MediaStreamTrack | undefined, on: boolean): Promise<void> {
  if (!track || !trackHasTorch(track)) return;
  await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}
