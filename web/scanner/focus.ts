import type { PicturePoint } from './tap-point.ts';

/**
 * Focus controls from the Image Capture extensions to MediaStreamTrack (Chrome on Android, some
 * desktop cameras). Feature-detected on the track: browsers without them get no focus requests.
 */

interface FocusCapabilities {
  focusMode?: string[];
}

interface FocusConstraints {
  focusMode?: string;
  pointsOfInterest?: PicturePoint[];
}

function focusModes(track: MediaStreamTrack | undefined): string[] {
  if (!track || typeof track.getCapabilities !== 'function') return [];
  const modes = (track.getCapabilities() as FocusCapabilities).focusMode;
  return Array.isArray(modes) ? modes : [];
}

function applyFocus(track: MediaStreamTrack, constraints: FocusConstraints): Promise<void> {
  // In `advanced` a setting the camera cannot honour is skipped instead of failing the call.
  return track.applyConstraints({ advanced: [constraints as MediaTrackConstraintSet] });
}

/** Cameras that start in fixed focus (some Android phones) would never sharpen a code held close. */
export async function askContinuousFocus(track: MediaStreamTrack | undefined): Promise<void> {
  if (!track || !focusModes(track).includes('continuous')) return;
  await applyFocus(track, { focusMode: 'continuous' });
}

export function trackFocusesAtPoint(track: MediaStreamTrack | undefined, supported: MediaTrackSupportedConstraints): boolean {
  const modes = focusModes(track);
  return (supported as { pointsOfInterest?: boolean }).pointsOfInterest === true && (modes.includes('continuous') || modes.includes('single-shot'));
}

/**
 * Focuses on a point of the picture. Continuous focus steered to the point is preferred: it keeps
 * following when the customer's phone moves afterwards, where a single shot would lock at the
 * distance of the tap.
 */
export async function focusTrackAt(track: MediaStreamTrack | undefined, supported: MediaTrackSupportedConstraints, point: PicturePoint): Promise<void> {
  if (!track || !trackFocusesAtPoint(track, supported)) return;
  const focusMode = focusModes(track).includes('continuous') ? 'continuous' : 'single-shot';
  await applyFocus(track, { pointsOfInterest: [point], focusMode });
}
