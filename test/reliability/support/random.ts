import { mulberry32 } from '../../support/mulberry32.ts';

/**
 * A small seeded PRNG (mulberry32), so a failing soak or crash run can be replayed exactly:
 * the seed is printed, and KASA_SEED=<seed> runs the same choices again.
 */
export interface Random {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[0.7, 'a'], [0.3, 'b']]`. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('cannot pick from an empty list');
      return item;
    },
    weighted<T>(choices: readonly (readonly [number, T])[]): T {
      const total = choices.reduce((sum, [weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [weight, value] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = choices.at(-1);
      if (last === undefined) throw new RangeError('cannot pick from no choices');
      return last[1];
    },
  };
}

/** KASA_SEED replays a run; otherwise the given default keeps CI runs identical. */
export function seedFromEnv(defaultSeed: number): number {
  const text = process.env.KASA_SEED;
  if (text === undefined || text.trim() === '') return defaultSeed;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`KASA_SEED must be an integer, got ${JSON.stringify(text)}`);
  return seed;
}
