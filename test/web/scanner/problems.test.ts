import { describe, expect, it } from 'vitest';
import { classifyCameraError, environmentProblem } from '../../../web/scanner/problems.ts';

function domError(name: string): Error {
  const error = new Error('camera refused');
  error.name = name;
  return error;
}

describe('classifyCameraError', () => {
  it.each([
    ['NotAllowedError', 'permission_denied'],
    ['PermissionDeniedError', 'permission_denied'],
    ['SecurityError', 'permission_denied'],
    ['NotFoundError', 'no_camera'],
    ['DevicesNotFoundError', 'no_camera'],
    ['OverconstrainedError', 'no_camera'],
    ['NotReadableError', 'camera_in_use'],
    ['TrackStartError', 'camera_in_use'],
    ['AbortError', 'unknown'],
  ] as const)('maps %s to %s', (name, problem) => {
    expect(classifyCameraError(domError(name))).toBe(problem);
  });

  it('reads the name of a plain object, as OverconstrainedError is not an Error in every browser', () => {
    expect(classifyCameraError({ name: 'OverconstrainedError', constraint: 'deviceId' })).toBe('no_camera');
  });

  it.each([undefined, null, 'NotAllowedError', 42])('calls %s unknown', (value) => {
    expect(classifyCameraError(value)).toBe('unknown');
  });
});

describe('environmentProblem', () => {
  it('refuses an insecure page before anything else', () => {
    expect(environmentProblem({ isSecureContext: false, hasMediaDevices: false })).toBe('insecure_context');
  });

  it('reports no camera when the browser has no media devices', () => {
    expect(environmentProblem({ isSecureContext: true, hasMediaDevices: false })).toBe('no_camera');
  });

  it('finds nothing wrong on a secure page with media devices', () => {
    expect(environmentProblem({ isSecureContext: true, hasMediaDevices: true })).toBeUndefined();
  });
});
