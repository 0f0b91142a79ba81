import { describe, expect, it } from 'vitest';
import { askContinuousFocus, focusTrackAt, trackFocusesAtPoint } from '../../../web/scanner/focus.ts';

/** A camera track as the Image Capture extensions describe it, recording what it is asked to do. */
function fakeTrack(capabilities: Record<string, unknown> | null, refuse = false) {
  const applied: MediaTrackConstraints[] = [];
  const track = {
    applied,
    ...(capabilities && { getCapabilities: () => capabilities }),
    applyConstraints(constraints: MediaTrackConstraints) {
      applied.push(constraints);
      return refuse ? Promise.reject(new DOMException('refused', 'OverconstrainedError')) : Promise.resolve();
    },
  };
  return track as unknown as MediaStreamTrack & { applied: MediaTrackConstraints[] };
}

const withPoints = { pointsOfInterest: true } as MediaTrackSupportedConstraints;
const withoutPoints = {} as MediaTrackSupportedConstraints;

describe('askContinuousFocus', () => {
  it('asks for continuous focus where the camera lists it', async () => {
    const track = fakeTrack({ focusMode: ['manual', 'single-shot', 'continuous'] });
    await askContinuousFocus(track);
    expect(track.applied).toEqual([{ advanced: [{ focusMode: 'continuous' }] }]);
  });

  it('asks nothing of a camera without it, or of a browser without capabilities', async () => {
    for (const track of [fakeTrack({ focusMode: ['manual'] }), fakeTrack({}), fakeTrack(null)]) {
      await askContinuousFocus(track);
      expect(track.applied).toEqual([]);
    }
    await expect(askContinuousFocus(undefined)).resolves.toBeUndefined();
  });

  it('passes the camera’s refusal on, for the scanner to ignore', async () => {
    await expect(askContinuousFocus(fakeTrack({ focusMode: ['continuous'] }, true))).rejects.toThrow('refused');
  });
});

describe('trackFocusesAtPoint', () => {
  it('needs points of interest and a focus mode that uses them', () => {
    expect(trackFocusesAtPoint(fakeTrack({ focusMode: ['continuous'] }), withPoints)).toBe(true);
    expect(trackFocusesAtPoint(fakeTrack({ focusMode: ['single-shot'] }), withPoints)).toBe(true);
    expect(trackFocusesAtPoint(fakeTrack({ focusMode: ['manual'] }), withPoints)).toBe(false);
    expect(trackFocusesAtPoint(fakeTrack({ focusMode: ['continuous'] }), withoutPoints)).toBe(false);
    expect(trackFocusesAtPoint(fakeTrack(null), withPoints)).toBe(false);
    expect(trackFocusesAtPoint(undefined, withPoints)).toBe(false);
  });
});

describe('focusTrackAt', () => {
  const point = { x: 0.25, y: 0.75 };

  it('steers continuous focus to the point where the camera has it', async () => {
    const track = fakeTrack({ focusMode: ['single-shot', 'continuous'] });
    await focusTrackAt(track, withPoints, point);
    expect(track.applied).toEqual([{ advanced: [{ pointsOfInterest: [point], focusMode: 'continuous' }] }]);
  });

  it('focuses once at the point where only a single shot is offered', async () => {
    const track = fakeTrack({ focusMode: ['manual', 'single-shot'] });
    await focusTrackAt(track, withPoints, point);
    expect(track.applied).toEqual([{ advanced: [{ pointsOfInterest: [point], focusMode: 'single-shot' }] }]);
  });

  it('does nothing where the camera cannot focus at a point', async () => {
    const track = fakeTrack({ focusMode: ['continuous'] });
    await focusTrackAt(track, withoutPoints, point);
    expect(track.applied).toEqual([]);
  });
});
