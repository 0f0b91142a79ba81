/**
 * The patch that is dark on the frames showing a code and light on the blank ones, so the page can
 * tell from one pixel when the code came into view. Given as fractions of the frame, because a
 * reader that asks for no size gets the camera scaled (or centre-cropped) to 640×480: the patch sits
 * at the top centre, which both keep, and clear of the code in the middle.
 */
export const markerCentre = { x: 0.5, y: 32 / 720 };
export const markerHalfSize = { width: 32 / 1280, height: 24 / 720 };

/** Luminance between the marker's ink and the background, read as "code shown" below it. */
export const markerThreshold = 112;
