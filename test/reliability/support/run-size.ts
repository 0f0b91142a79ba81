/** `npm run soak` sets KASA_SOAK=large; `npm test` runs the CI sizes. */
export const isLargeRun = process.env.KASA_SOAK === 'large';

export function sized<T>(ci: T, large: T): T {
  return isLargeRun ? large : ci;
}
