/**
 * Where a flat symbol held in front of a pinhole camera lands in the frame. The symbol's centre sits
 * at (centreX, centreY) in the frame, at the distance where one module measures `moduleSize` pixels;
 * the plane is tilted by `tiltDegrees` about an in-plane axis at `tiltAxisDegrees`, then turned by
 * `rotationDegrees` in the picture.
 */
export interface Pose {
  centreX: number;
  centreY: number;
  moduleSize: number;
  rotationDegrees: number;
  tiltDegrees: number;
  tiltAxisDegrees: number;
}

type Vector = [number, number, number];

/** A phone's main camera at 1280×720 sees about 65° across. */
const focalLength = 1000;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;
const dot = (a: Vector, b: Vector): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Rodrigues' rotation of v about the unit axis k. */
function rotate(v: Vector, k: Vector, angle: number): Vector {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cross: Vector = [k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]];
  const along = dot(k, v) * (1 - cos);
  return [v[0] * cos + cross[0] * sin + k[0] * along, v[1] * cos + cross[1] * sin + k[1] * along, v[2] * cos + cross[2] * sin + k[2] * along];
}

/**
 * Maps a frame pixel (x, y) to the symbol plane, in modules from the symbol's centre, or returns
 * false when the ray misses the plane (behind the camera).
 */
export type PlaneMap = (x: number, y: number, into: { u: number; v: number }) => boolean;

export interface SymbolPlane {
  toPlane: PlaneMap;
  /** Where the plane point (u, v), in modules from the symbol's centre, shows in the frame. */
  toFrame(u: number, v: number): { x: number; y: number };
}

export function symbolPlane(pose: Pose, width: number, height: number): SymbolPlane {
  const axis: Vector = [Math.cos(radians(pose.tiltAxisDegrees)), Math.sin(radians(pose.tiltAxisDegrees)), 0];
  const turn: Vector = [0, 0, 1];
  const basis = (v: Vector): Vector => rotate(rotate(v, axis, radians(pose.tiltDegrees)), turn, radians(pose.rotationDegrees));
  const across = basis([1, 0, 0]);
  const down = basis([0, 1, 0]);
  const normal = basis([0, 0, 1]);
  const centre: Vector = [pose.centreX - width / 2, pose.centreY - height / 2, focalLength];
  const reach = dot(normal, centre);
  const toPlane: PlaneMap = (x, y, into) => {
    const ray: Vector = [x - width / 2, y - height / 2, focalLength];
    const facing = dot(normal, ray);
    if (Math.abs(facing) < 1e-9) return false;
    const t = reach / facing;
    if (t <= 0) return false;
    const offset: Vector = [ray[0] * t - centre[0], ray[1] * t - centre[1], ray[2] * t - centre[2]];
    into.u = dot(offset, across) / pose.moduleSize;
    into.v = dot(offset, down) / pose.moduleSize;
    return true;
  };
  const toFrame = (u: number, v: number): { x: number; y: number } => {
    const m = pose.moduleSize;
    const point: Vector = [centre[0] + (u * across[0] + v * down[0]) * m, centre[1] + (u * across[1] + v * down[1]) * m, centre[2] + (u * across[2] + v * down[2]) * m];
    return { x: (focalLength * point[0]) / point[2] + width / 2, y: (focalLength * point[1]) / point[2] + height / 2 };
  };
  return { toPlane, toFrame };
}
