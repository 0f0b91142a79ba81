import { describe, expect, it } from 'vitest';
import { pageOf } from '../../web/paging.ts';

const items = Array.from({ length: 45 }, (_, index) => index + 1);

describe('pageOf', () => {
  it('cuts the list in pages of the given size, the first page first', () => {
    expect(pageOf(items, 0, 20)).toMatchObject({ items: items.slice(0, 20), index: 0, count: 45, from: 1, to: 20, hasNewer: false, hasOlder: true });
    expect(pageOf(items, 1, 20)).toMatchObject({ items: items.slice(20, 40), from: 21, to: 40, hasNewer: true, hasOlder: true });
  });

  it('ends with a short last page', () => {
    expect(pageOf(items, 2, 20)).toMatchObject({ items: [41, 42, 43, 44, 45], from: 41, to: 45, hasNewer: true, hasOlder: false });
  });

  it('keeps a page index that no longer exists (the list shrank) on the last page', () => {
    expect(pageOf(items.slice(0, 25), 7, 20)).toMatchObject({ index: 1, from: 21, to: 25, hasOlder: false });
    expect(pageOf(items, -3, 20).index).toBe(0);
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], 0, 20)).toEqual({ items: [], index: 0, count: 0, from: 0, to: 0, hasNewer: false, hasOlder: false });
  });
});
