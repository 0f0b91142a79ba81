import { defocus, motionBlur } from './blur.ts';
import type { Frame } from './frame.ts';
import { jpegArtefacts } from './jpeg.ts';
import { glareSpot, sensorNoise, squeezeRange } from './light.ts';
import { fingerOverQuietZone, screenPixels } from './overlays.ts';
import type { Inks, Overlay } from './place.ts';
import type { Pose } from './plane.ts';
import type { Random } from './random.ts';
import type { ModuleGrid, Symbology } from './symbol.ts';

/** How one picture of a class is taken: where the symbol is, in what inks, and what happens to the frame after. */
export interface Shot {
  pose: Pose;
  inks: Inks;
  overlay?: Overlay;
  /** Degradations of the whole frame, in order (lens, then light, then sensor, then encoder). */
  after: ((frame: Frame) => void)[];
}

export interface DegradationClass {
  name: string;
  describe: string;
  shoot(random: Random, symbology: Symbology, grid: ModuleGrid): Shot;
}

export const frameWidth = 1280;
export const frameHeight = 720;
const paper: Inks = { dark: 25, light: 225 };

/** A comfortable size at arm's length: QR modules of 5–8 px, Code 128 modules of 2.2–3 px. */
function moduleSize(random: Random, symbology: Symbology): number {
  return symbology === 'qrcode' ? random.between(5, 8) : random.between(2.2, 3);
}

/** A hand-held pose: near the middle, a little turned and tilted, as every real picture is. */
function handHeld(random: Random, symbology: Symbology, changes: Partial<Pose> = {}): Pose {
  return {
    centreX: frameWidth / 2 + random.between(-60, 60),
    centreY: frameHeight / 2 + random.between(-40, 40),
    moduleSize: moduleSize(random, symbology),
    rotationDegrees: random.between(-4, 4),
    tiltDegrees: random.between(0, 8),
    tiltAxisDegrees: random.between(0, 180),
    ...changes,
  };
}

/** Every camera adds a little blur and noise, whatever else goes wrong. */
const camera = (random: Random): ((frame: Frame) => void)[] => [(frame) => defocus(frame, 0.6), (frame) => sensorNoise(frame, random, 2)];

export const degradationClasses: readonly DegradationClass[] = [
  { name: 'clean', describe: 'held steady in good light', shoot: (r, s) => ({ pose: handHeld(r, s), inks: paper, after: camera(r) }) },
  {
    name: 'tilted',
    describe: 'perspective tilt 25–40°',
    shoot: (r, s) => ({ pose: handHeld(r, s, { tiltDegrees: r.between(25, 40) }), inks: paper, after: camera(r) }),
  },
  {
    name: 'right-angle',
    describe: 'turned 90°, 180° or 270°',
    shoot: (r, s) => ({ pose: handHeld(r, s, { rotationDegrees: r.pick([90, 180, 270]) + r.between(-3, 3) }), inks: paper, after: camera(r) }),
  },
  {
    name: 'any-angle',
    describe: 'turned by any angle',
    shoot: (r, s) => ({ pose: handHeld(r, s, { rotationDegrees: r.between(0, 360) }), inks: paper, after: camera(r) }),
  },
  {
    name: 'defocused',
    describe: 'out of focus, σ 0.4–0.6 module',
    shoot: (r, s) => {
      const pose = handHeld(r, s);
      return { pose, inks: paper, after: [(f) => defocus(f, pose.moduleSize * r.between(0.4, 0.6)), (f) => sensorNoise(f, r, 2)] };
    },
  },
  {
    name: 'motion',
    describe: 'motion blur 4–8 px',
    shoot: (r, s) => ({ pose: handHeld(r, s), inks: paper, after: [(f) => motionBlur(f, r.between(4, 8), r.between(0, 180)), (f) => sensorNoise(f, r, 2)] }),
  },
  {
    name: 'noisy',
    describe: 'sensor noise σ 8 (a dim shop)',
    shoot: (r, s) => ({ pose: handHeld(r, s), inks: paper, after: [(f) => defocus(f, 0.6), (f) => sensorNoise(f, r, 8)] }),
  },
  {
    name: 'low-contrast',
    describe: 'low light or washed out: the range squeezed to 50–75 grey levels',
    shoot: (r, s) => {
      const low = r.between(30, 120);
      return { pose: handHeld(r, s), inks: paper, after: [(f) => squeezeRange(f, low, low + r.between(50, 75)), ...camera(r)] };
    },
  },
  {
    name: 'glare',
    describe: 'a lamp reflected on the symbol',
    shoot: (r, s) => {
      const pose = handHeld(r, s);
      const spot = (f: Frame): void => glareSpot(f, pose.centreX + r.between(-80, 80), pose.centreY + r.between(-50, 50), r.between(25, 50), r.between(150, 260));
      return { pose, inks: paper, after: [spot, ...camera(r)] };
    },
  },
  {
    name: 'screen',
    describe: 'a phone screen photographed: pixel grid and moiré',
    shoot: (r, s) => ({ pose: handHeld(r, s), inks: { dark: 10, light: 250 }, overlay: screenPixels(s === 'qrcode' ? r.between(0.2, 0.35) : r.between(0.5, 0.8)), after: camera(r) }),
  },
  { name: 'inverted', describe: 'light on dark (a dark-mode screen)', shoot: (r, s) => ({ pose: handHeld(r, s), inks: { dark: 230, light: 20 }, after: camera(r) }) },
  {
    name: 'small',
    describe: 'far from the camera: 1.5–2 px per module',
    shoot: (r, s) => ({ pose: handHeld(r, s, { moduleSize: r.between(1.5, 2) }), inks: paper, after: camera(r) }),
  },
  {
    name: 'finger',
    describe: 'a finger over the edge of the quiet zone',
    shoot: (r, s, grid) => ({ pose: handHeld(r, s), inks: paper, overlay: fingerOverQuietZone(grid, r), after: camera(r) }),
  },
  {
    name: 'jpeg',
    describe: 'JPEG artefacts, quality 15–35',
    shoot: (r, s) => ({ pose: handHeld(r, s), inks: paper, after: [...camera(r), (f) => jpegArtefacts(f, Math.round(r.between(15, 35)))] }),
  },
];
