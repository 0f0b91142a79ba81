import { describe, expect, it } from 'vitest';
import { createRepeatFilter } from '../../../web/scanner/dedupe.ts';

describe('createRepeatFilter', () => {
  it('passes a text once however many frames in a row read it', () => {
    const isNew = createRepeatFilter();
    expect([isNew('A'), isNew('A'), isNew('A')]).toEqual([true, false, false]);
  });

  it('passes a text again after a different one was read in between', () => {
    const isNew = createRepeatFilter();
    expect([isNew('A'), isNew('B'), isNew('A'), isNew('A')]).toEqual([true, true, true, false]);
  });

  it('keeps no memory between scanners', () => {
    createRepeatFilter()('A');
    expect(createRepeatFilter()('A')).toBe(true);
  });
});
