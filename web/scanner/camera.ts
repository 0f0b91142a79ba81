/** Opening, showing and closing the camera stream. */

export interface CameraInfo {
  deviceId: string;
  label: string;
}

export function openCamera(deviceId?: string): Promise<MediaStream> {
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  const video: MediaTrackConstraints = deviceId
    ? { ...size, deviceId: { exact: deviceId } }
    : { ...size, facingMode: { ideal: 'environment' } };
  return navigator.mediaDevices.getUserMedia({ audio: false, video });
}

export async function showStream(video: HTMLVideoElement, stream: MediaStream): Promise<void> {
  // iOS Safari plays inline (not fullscreen) and without a gesture only when muted and playsinline.
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('playsinline', '');
  video.srcObject = stream;
  await video.play();
}

/** Stopping every track is what turns the camera (and its light) off; detaching alone does not. */
export function closeStream(video: HTMLVideoElement, stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
  if (video.srcObject === stream) video.srcObject = null;
}

export async function listCameras(): Promise<CameraInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((device) => device.kind === 'videoinput')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
}
