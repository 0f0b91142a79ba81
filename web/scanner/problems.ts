import type { ScannerProblem } from './types.ts';

/** Maps what getUserMedia rejects with (DOMException names, including older Chrome aliases) to a problem the screen can explain. */
export function classifyCameraError(error: unknown): ScannerProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'permission_denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'no_camera';
    case 'NotReadableError':
    case 'TrackStartError':
      return 'camera_in_use';
    default:
      return 'unknown';
  }
}

/** Problems that make asking for the camera pointless, checked before asking. */
export function environmentProblem(env: { isSecureContext: boolean; hasMediaDevices: boolean }): ScannerProblem | undefined {
  if (!env.isSecureContext) return 'insecure_context';
  if (!env.hasMediaDevices) return 'no_camera';
  return undefined;
}
