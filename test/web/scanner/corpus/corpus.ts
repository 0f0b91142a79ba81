import { degradationClasses, frameHeight, frameWidth } from './classes.ts';
import { toLuminance } from './frame.ts';
import { placeSymbol } from './place.ts';
import { seededRandom } from './random.ts';
import { scene } from './scene.ts';
import { moduleGrid, type Symbology } from './symbol.ts';

/** One picture of the corpus: a 1280×720 luminance frame and the code it shows. */
export interface CorpusPicture {
  className: string;
  symbology: Symbology;
  index: number;
  code: string;
  width: number;
  height: number;
  luminance: Uint8ClampedArray;
}

export const symbologies: readonly Symbology[] = ['qrcode', 'code128'];

/** A 28-digit code like Paysera's reservation codes (shared/code.ts assumes no more). */
function randomCode(next: () => number): string {
  return Array.from({ length: 28 }, () => Math.floor(next() * 10)).join('');
}

/** The seed of one picture, from its place in the corpus alone, so any picture can be made by itself. */
function seedOf(classIndex: number, symbologyIndex: number, index: number): number {
  return 0x4b415341 ^ (classIndex * 1_000_003 + symbologyIndex * 10_007 + index * 101);
}

/**
 * One picture of the corpus. `code` replaces the picture's random code (the E2E specs need the
 * simulator's); the degradation, from the same seed, stays the same.
 */
export function corpusPicture(className: string, symbology: Symbology, index: number, code?: string): CorpusPicture {
  const classIndex = degradationClasses.findIndex((candidate) => candidate.name === className);
  const degradation = degradationClasses[classIndex];
  if (!degradation) throw new Error(`no degradation class ${className}`);
  const random = seededRandom(seedOf(classIndex, symbologies.indexOf(symbology), index));
  const drawn = randomCode(random.next);
  const shown = code ?? drawn;
  const grid = moduleGrid(shown, symbology);
  const frame = scene(random, frameWidth, frameHeight);
  const shot = degradation.shoot(random, symbology, grid);
  placeSymbol(frame, grid, shot.pose, shot.inks, shot.overlay);
  for (const step of shot.after) step(frame);
  return { className, symbology, index, code: shown, width: frame.width, height: frame.height, luminance: toLuminance(frame) };
}

/** `perSymbology` pictures of each symbology in every class, generated one at a time. */
export function* corpus(perSymbology: number): Generator<CorpusPicture> {
  for (const degradation of degradationClasses) {
    for (const symbology of symbologies) {
      for (let index = 0; index < perSymbology; index++) yield corpusPicture(degradation.name, symbology, index);
    }
  }
}
