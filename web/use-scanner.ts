import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadScanner } from './scanner-loader.ts';
import { tapToPicturePoint } from './scanner/tap-point.ts';
import type { ScannerHandle, ScannerProblem } from './scanner/types.ts';
import type { ViewAdvice } from './scanner/view-advice.ts';

const noAdvice: ViewAdvice = { dark: false, tooClose: false };

interface UseScannerOptions {
  /** False while a code is being sent or the cash-out cancelled: the camera is off then. */
  active: boolean;
  deviceId: string | null;
  sound: boolean;
  onCode: (text: string) => void;
}

/**
 * Runs the camera scanner while the scan screen is active and the page visible. The scanner
 * stops itself when the page is hidden; this starts it again when the page comes back.
 */
export function useScanner(video: RefObject<HTMLVideoElement | null>, { active, deviceId, sound, onCode }: UseScannerOptions) {
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [handle, setHandle] = useState<ScannerHandle | null>(null);
  const [problem, setProblem] = useState<ScannerProblem | null>(null);
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  const [cameras, setCameras] = useState<{ deviceId: string; label: string }[]>([]);
  const [cameraId, setCameraId] = useState(deviceId);
  const [torchOn, setTorchOn] = useState(false);
  const [torchSupported, setTorchSupported] = useState(false);
  const [advice, setAdvice] = useState(noAdvice);

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!active || !visible || !element) return;
    let ended = false;
    let started: ScannerHandle | null = null;
    setProblem(null);
    setAdvice(noAdvice);
    loadScanner()
      .then((startScanner) =>
        startScanner({
          video: element,
          deviceId: cameraId ?? undefined,
          feedback: { sound, vibration: true },
          onCode: (text) => onCodeRef.current(text),
          onProblem: (found) => {
            if (!ended) setProblem(found);
          },
          onAdvice: (found) => {
            if (!ended) setAdvice(found);
          },
        }),
      )
      .then(
        (scanner) => {
          if (ended) return scanner.stop();
          started = scanner;
          setHandle(scanner);
          setTorchOn(false);
          setTorchSupported(scanner.torchSupported());
          scanner.cameras().then(setCameras, () => setCameras([]));
        },
        () => {
          if (!ended) setProblem('unknown');
        },
      );
    return () => {
      ended = true;
      started?.stop();
      setHandle(null);
    };
  }, [active, visible, sound]);

  async function toggleTorch() {
    if (!handle) return;
    await handle.setTorch(!torchOn).then(() => setTorchOn(!torchOn), () => setTorchSupported(false));
  }

  async function switchCamera() {
    if (!handle || cameras.length < 2) return;
    const index = cameras.findIndex((camera) => camera.deviceId === cameraId);
    const next = cameras[(index + 1) % cameras.length];
    if (!next) return;
    setCameraId(next.deviceId);
    await handle.switchCamera(next.deviceId);
    setTorchOn(false);
    setTorchSupported(handle.torchSupported());
  }

  /** Tap-to-focus: the tap is mapped through the video's object-fit crop to the camera picture. */
  function focusAtTap(event: PointerEvent) {
    const element = video.current;
    if (!handle || !element || !handle.focusesAtPoint()) return;
    const box = element.getBoundingClientRect();
    const point = tapToPicturePoint(
      event.clientX - box.left,
      event.clientY - box.top,
      box,
      { width: element.videoWidth, height: element.videoHeight },
      getComputedStyle(element).objectFit,
    );
    if (point) void handle.focusAt(point).catch(() => undefined);
  }

  const torchAvailable = handle !== null && torchSupported;
  return {
    starting: active && handle === null && problem === null,
    problem,
    torchSupported: torchAvailable,
    torchOn,
    /** Only where the torch can help: a dark scene with the light off. */
    suggestTorch: torchAvailable && !torchOn && advice.dark,
    tooClose: handle !== null && advice.tooClose,
    focusAtTap,
    toggleTorch,
    canSwitchCamera: handle !== null && cameras.length > 1,
    switchCamera,
  };
}
