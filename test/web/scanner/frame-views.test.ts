import { describe, expect, it } from 'vitest';
import { invertFrame } from '../../../web/scanner/frame-views.ts';

describe('invertFrame', () => {
  it('swaps light and dark in every colour channel and leaves each pixel opaque', () => {
    const data = Uint8ClampedArray.from([0, 10, 200, 255, 255, 128, 1, 0, 30, 60, 90, 17]);
    const inverted = invertFrame({ data, width: 3, height: 1 });
    expect([...inverted.data]).toEqual([255, 245, 55, 255, 0, 127, 254, 255, 225, 195, 165, 255]);
    expect(inverted).toMatchObject({ width: 3, height: 1 });
    expect([...data]).toEqual([0, 10, 200, 255, 255, 128, 1, 0, 30, 60, 90, 17]);
  });
});
