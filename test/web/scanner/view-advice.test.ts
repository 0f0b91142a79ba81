import { describe, expect, it } from 'vitest';
import { darkForMs } from '../../../web/scanner/darkness.ts';
import { createViewAdvisor, type ViewAdvice } from '../../../web/scanner/view-advice.ts';

const width = 160;
const height = 90;

function flat(value: number) {
  return { width, height, pixels: new Uint8ClampedArray(width * height).fill(value) };
}

/** Vertical bars 3 px wide from edge to edge: a barcode held far too close. */
function barsFillingTheView() {
  const pixels = new Uint8ClampedArray(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor((i % width) / 3) % 2 === 0 ? 30 : 220;
  return { width, height, pixels };
}

describe('createViewAdvisor', () => {
  it('reports darkness only after it lasted, and once', () => {
    const reports: ViewAdvice[] = [];
    const advise = createViewAdvisor((advice) => reports.push(advice));
    for (let now = 0; now <= darkForMs + 1000; now += 250) advise(flat(10), now);
    expect(reports).toEqual([{ dark: true, tooClose: false }]);
    advise(flat(200), darkForMs + 1250);
    expect(reports).toEqual([
      { dark: true, tooClose: false },
      { dark: false, tooClose: false },
    ]);
  });

  it('reports a code too close at once, and when it is gone', () => {
    const reports: ViewAdvice[] = [];
    const advise = createViewAdvisor((advice) => reports.push(advice));
    advise(flat(200), 0);
    expect(reports).toEqual([]);
    advise(barsFillingTheView(), 250);
    advise(barsFillingTheView(), 500);
    advise(flat(200), 750);
    expect(reports).toEqual([
      { dark: false, tooClose: true },
      { dark: false, tooClose: false },
    ]);
  });
});
