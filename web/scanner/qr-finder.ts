/** The parts of ZXing's FinderPattern the selection reads. */
interface Candidate {
  getX(): number;
  getY(): number;
  getEstimatedModuleSize(): number;
}

/** The members of ZXing's (untyped-private) FinderPatternFinder this module replaces. */
interface FinderPrototype {
  haveMultiplyConfirmedCenters(this: unknown): boolean;
  selectBestPatterns(this: { possibleCenters: Candidate[] }): Candidate[];
}

/** Candidates more different in module size than this cannot be corners of one symbol. */
const maxModuleSizeRatio = 1.4;

function squaredDistance(a: Candidate, b: Candidate): number {
  const dx = a.getX() - b.getX();
  const dy = a.getY() - b.getY();
  return dx * dx + dy * dy;
}

/**
 * How far three centres are from an isosceles right triangle, the shape a QR symbol's three finder
 * patterns always make: 0 for a perfect one. With sides a ≤ b ≤ c (squared), a = b and c = 2a.
 */
export function triangleDistortion(p: Candidate, q: Candidate, r: Candidate): number {
  const [a, b, c] = [squaredDistance(p, q), squaredDistance(q, r), squaredDistance(p, r)].sort((x, y) => x - y) as [number, number, number];
  return Math.abs(c - 2 * b) + Math.abs(c - 2 * a);
}

/** The three candidates that best form a symbol's corners, or null if no three are alike in size. */
export function bestFinderTriple(candidates: readonly Candidate[]): [Candidate, Candidate, Candidate] | null {
  const bySize = [...candidates].sort((a, b) => a.getEstimatedModuleSize() - b.getEstimatedModuleSize());
  let best: [Candidate, Candidate, Candidate] | null = null;
  let bestDistortion = Number.POSITIVE_INFINITY;
  for (let i = 0; i < bySize.length - 2; i++) {
    const p = bySize[i] as Candidate;
    for (let j = i + 1; j < bySize.length - 1; j++) {
      const q = bySize[j] as Candidate;
      for (let k = j + 1; k < bySize.length; k++) {
        const r = bySize[k] as Candidate;
        if (r.getEstimatedModuleSize() > p.getEstimatedModuleSize() * maxModuleSizeRatio) break;
        const distortion = triangleDistortion(p, q, r);
        if (distortion < bestDistortion) {
          bestDistortion = distortion;
          best = [p, q, r];
        }
      }
    }
  }
  return best;
}

/**
 * @zxing/library 0.21 stops looking for finder patterns once any three look confirmed, and then
 * keeps the three closest in module size. Some codes have a finder-like shape in their data that
 * is confirmed before the real bottom-left corner is reached; they never read, at any size
 * (zxing/zxing#1763). Newer ZXing (Java) picks the triple that best forms the corners' right
 * triangle; this does the same, over every candidate in the frame.
 * `notFound` builds the library's own "no code here" error, so callers see no difference.
 */
export function improveQrFinder(finder: { prototype: unknown }, notFound: () => Error): void {
  const prototype = finder.prototype as FinderPrototype;
  // Any early stop can land on a finder-like shape before the real corner is seen (stopping at
  // the first loosely right triangle still missed 1 random code in 150 to 400), so the whole
  // frame is searched: about 0.7 ms more per 1280×720 frame that holds a QR code, none without.
  prototype.haveMultiplyConfirmedCenters = () => false;
  prototype.selectBestPatterns = function selectBestPatterns() {
    const triple = bestFinderTriple(this.possibleCenters);
    if (!triple) throw notFound();
    return triple;
  };
}
