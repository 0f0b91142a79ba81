import type { Frame } from './frame.ts';
import { type Pose, type SymbolPlane, symbolPlane } from './plane.ts';
import type { ModuleGrid } from './symbol.ts';

export interface Inks {
  dark: number;
  light: number;
}

/** Light margin around the quiet zone (the rest of the slip or screen), in modules. */
const cardMargin = 3;
/** Sub-samples per pixel side: edges get the grey a real sensor pixel straddling them records. */
const supersampling = 3;
/** How far past the card an overlay (a finger) may reach, in modules. */
const overlayReach = 30;

/** The symbol's half extent in modules from its centre, quiet zone included. */
export function symbolExtent(grid: ModuleGrid): { halfWidth: number; halfHeight: number } {
  return { halfWidth: grid.columns / 2 + grid.quietZone, halfHeight: (grid.rows * grid.rowHeight) / 2 + grid.quietZone };
}

/** What the plane shows at (u, v) modules from the symbol's centre: ink, paper, or nothing (undefined). */
function planeValue(grid: ModuleGrid, inks: Inks, u: number, v: number): number | undefined {
  const { halfWidth, halfHeight } = symbolExtent(grid);
  if (Math.abs(u) > halfWidth + cardMargin || Math.abs(v) > halfHeight + cardMargin) return undefined;
  const column = Math.floor(u + grid.columns / 2);
  const row = Math.floor((v + (grid.rows * grid.rowHeight) / 2) / grid.rowHeight);
  if (column < 0 || column >= grid.columns || row < 0 || row >= grid.rows) return inks.light;
  return grid.dark[row * grid.columns + column] ? inks.dark : inks.light;
}

/** The frame pixels the card covers: the box around its four projected corners. */
function coveredBox(plane: SymbolPlane, grid: ModuleGrid, frame: Frame, reachBeyond: number): { x0: number; y0: number; x1: number; y1: number } {
  const { halfWidth, halfHeight } = symbolExtent(grid);
  const u = halfWidth + cardMargin + reachBeyond;
  const v = halfHeight + cardMargin + reachBeyond;
  const corners = [plane.toFrame(-u, -v), plane.toFrame(u, -v), plane.toFrame(u, v), plane.toFrame(-u, v)];
  const xs = corners.map((corner) => corner.x);
  const ys = corners.map((corner) => corner.y);
  return {
    x0: Math.max(0, Math.floor(Math.min(...xs)) - 1),
    y0: Math.max(0, Math.floor(Math.min(...ys)) - 1),
    x1: Math.min(frame.width, Math.ceil(Math.max(...xs)) + 1),
    y1: Math.min(frame.height, Math.ceil(Math.max(...ys)) + 1),
  };
}

/**
 * Something on the symbol's plane that changes what the camera sees there: given the plane value
 * (undefined off the card), the value seen. Coordinates in modules from the symbol's centre.
 */
export type Overlay = (u: number, v: number, value: number | undefined) => number | undefined;

/** Draws the symbol, its quiet zone and card (and any overlay) into the frame at the pose. */
export function placeSymbol(frame: Frame, grid: ModuleGrid, pose: Pose, inks: Inks, overlay?: Overlay): void {
  const plane = symbolPlane(pose, frame.width, frame.height);
  const box = coveredBox(plane, grid, frame, overlay ? overlayReach : 0);
  const point = { u: 0, v: 0 };
  const step = 1 / supersampling;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const index = y * frame.width + x;
      const background = frame.pixels[index] ?? 0;
      let sum = 0;
      for (let sy = 0; sy < supersampling; sy++) {
        for (let sx = 0; sx < supersampling; sx++) {
          let value: number | undefined;
          if (plane.toPlane(x + (sx + 0.5) * step, y + (sy + 0.5) * step, point)) {
            value = planeValue(grid, inks, point.u, point.v);
            if (overlay) value = overlay(point.u, point.v, value);
          }
          sum += value ?? background;
        }
      }
      frame.pixels[index] = sum / supersampling ** 2;
    }
  }
}
