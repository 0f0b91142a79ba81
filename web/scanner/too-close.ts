/**
 * Whether a code is held so close that it fills the picture: seen on a small luminance thumbnail
 * of the frame (a few thousand pixels), so the check costs far less than a decode. Two shapes
 * count: a QR finder pattern (the 1:1:3:1:1 square in its corners) spanning a large part of the
 * picture, and bars running off both edges of it (a Code 128 wider than the view, either way up).
 */

export interface LumaGrid {
  width: number;
  height: number;
  pixels: Uint8ClampedArray | Uint8Array;
}

/** Below this spread between darkest and lightest pixel there is no printed or shown code in view. */
const minContrast = 48;
/** A finder this large (of the picture's shorter side) belongs to a symbol of at least ~3× its size. */
const largeFinderShare = 0.25;
/** A bar or gap wider than this share of the picture is not part of a symbol that fills it. */
const maxBarShare = 0.25;
/** Bars of one symbol repeat along their length: this many lines in a row must agree… */
const barLengthShare = 0.3;
/** …each differing from the one before in no more than this share of its pixels. */
const lineMismatchShare = 0.1;
/** A bar-like line changes shade at least this often; a Code 128 changes every few modules. */
const minBarEdges = 6;

interface Run {
  dark: boolean;
  start: number;
  length: number;
}

export function looksTooClose(grid: LumaGrid): boolean {
  let min = 255;
  let max = 0;
  for (const value of grid.pixels) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max - min < minContrast) return false;
  const threshold = (min + max) / 2;
  const rows = lines(grid, threshold, 'rows');
  const columns = lines(grid, threshold, 'columns');
  return hasLargeFinder(rows, columns, Math.min(grid.width, grid.height)) || hasBarsOffBothEdges(rows) || hasBarsOffBothEdges(columns);
}

/** The thumbnail binarised, as its rows or its columns (true = dark). */
function lines(grid: LumaGrid, threshold: number, along: 'rows' | 'columns'): boolean[][] {
  const count = along === 'rows' ? grid.height : grid.width;
  const length = along === 'rows' ? grid.width : grid.height;
  const result: boolean[][] = [];
  for (let line = 0; line < count; line++) {
    const values: boolean[] = [];
    for (let i = 0; i < length; i++) {
      const index = along === 'rows' ? line * grid.width + i : i * grid.width + line;
      values.push((grid.pixels[index] ?? 255) < threshold);
    }
    result.push(values);
  }
  return result;
}

function runsOf(line: readonly boolean[]): Run[] {
  const runs: Run[] = [];
  line.forEach((dark, i) => {
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length++;
    else runs.push({ dark, start: i, length: 1 });
  });
  return runs;
}

/** ZXing's test for a finder cross-section, either shade first (an inverted code is light on dark). */
function finderSpan(runs: readonly Run[], first: number): { start: number; total: number } | null {
  const five = runs.slice(first, first + 5);
  if (five.length < 5 || five[0]?.dark !== five[2]?.dark) return null;
  const total = five.reduce((sum, run) => sum + run.length, 0);
  const module = total / 7;
  const tolerance = module / 2;
  const expected = [1, 1, 3, 1, 1];
  const fits = five.every((run, i) => Math.abs(run.length - (expected[i] ?? 1) * module) < (i === 2 ? 3 * tolerance : tolerance));
  return fits ? { start: five[0]?.start ?? 0, total } : null;
}

function hasLargeFinder(rows: readonly boolean[][], columns: readonly boolean[][], shorterSide: number): boolean {
  const minTotal = largeFinderShare * shorterSide;
  for (let y = 0; y < rows.length; y++) {
    const runs = runsOf(rows[y] ?? []);
    for (let i = 0; i + 5 <= runs.length; i++) {
      const across = finderSpan(runs, i);
      if (!across || across.total < minTotal) continue;
      const centre = runs[i + 2] as Run;
      const x = centre.start + Math.floor(centre.length / 2);
      if (crossedDownwards(columns[x] ?? [], y, across.total)) return true;
    }
  }
  return false;
}

/** The same pattern, about the same size, down the column through the candidate's centre. */
function crossedDownwards(column: readonly boolean[], y: number, acrossTotal: number): boolean {
  const runs = runsOf(column);
  const middle = runs.findIndex((run) => y >= run.start && y < run.start + run.length);
  const down = middle >= 2 ? finderSpan(runs, middle - 2) : null;
  return down !== null && down.total > acrossTotal * 0.7 && down.total < acrossTotal * 1.4;
}

function hasBarsOffBothEdges(lines: readonly boolean[][]): boolean {
  const needed = Math.ceil(barLengthShare * lines.length);
  let agreeing = 0;
  let previous: readonly boolean[] | null = null;
  for (const line of lines) {
    if (!isCutOffBars(line)) {
      agreeing = 0;
      previous = null;
      continue;
    }
    agreeing = previous && mismatches(previous, line) <= lineMismatchShare * line.length ? agreeing + 1 : 1;
    if (agreeing >= needed) return true;
    previous = line;
  }
  return false;
}

/**
 * Shade changes from edge to edge: no stretch between them wider than a quiet zone, and none at
 * either end wider than the widest bar (a quiet zone in view is ten modules, a bar at most four).
 */
function isCutOffBars(line: readonly boolean[]): boolean {
  const runs = runsOf(line);
  if (runs.length - 1 < minBarEdges) return false;
  const inner = runs.slice(1, -1).map((run) => run.length);
  const widestBar = Math.max(...inner);
  if (widestBar > maxBarShare * line.length) return false;
  return (runs[0]?.length ?? 0) <= widestBar && (runs[runs.length - 1]?.length ?? 0) <= widestBar;
}

function mismatches(a: readonly boolean[], b: readonly boolean[]): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}
