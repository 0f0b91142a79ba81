import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../shared/code.ts';
import { caretBeforeBackspace, groupedCode, regroupTyped, ungroupedCode } from '../../web/code-grouping.ts';

const code = '7301234567890123456789012345';

describe('groupedCode', () => {
  it('shows the code in groups of four', () => {
    expect(groupedCode(code)).toBe('7301 2345 6789 0123 4567 8901 2345');
    expect(groupedCode('73012')).toBe('7301 2');
    expect(groupedCode('7301')).toBe('7301');
    expect(groupedCode('')).toBe('');
  });

  it('regroups text already grouped, or pasted with other spacing or dashes', () => {
    expect(groupedCode('730 12345-6789')).toBe('7301 2345 6789');
    expect(groupedCode(groupedCode(code))).toBe(groupedCode(code));
  });

  it('hands on the code without the grouping, as the server reads it', () => {
    const shown = groupedCode(code);
    expect(ungroupedCode(shown)).toBe(code);
    expect(normaliseCode(shown)).toEqual({ ok: true, code });
  });
});

describe('regroupTyped keeps the caret after the same character', () => {
  it('typing at the end moves past the new space', () => {
    expect(regroupTyped({ text: '73012', caret: 5 })).toEqual({ text: '7301 2', caret: 6 });
    expect(regroupTyped({ text: '7301', caret: 4 })).toEqual({ text: '7301', caret: 4 });
  });

  it('typing in the middle keeps the caret behind the typed digit while the rest shifts', () => {
    // "7301 2345" with a 9 typed after "73": "73901 2345" → "7390 1234 5", caret after the 9.
    expect(regroupTyped({ text: '73901 2345', caret: 3 })).toEqual({ text: '7390 1234 5', caret: 3 });
    // A digit typed right after a space lands after that digit in the next group.
    expect(regroupTyped({ text: '7301 92345', caret: 6 })).toEqual({ text: '7301 9234 5', caret: 6 });
  });

  it('deleting in the middle pulls the rest back and keeps the caret where the digit was', () => {
    // "7301 2345 6" with "2" deleted: "7301 345 6" caret 5 → "7301 3456", caret at the end of "7301".
    expect(regroupTyped({ text: '7301 345 6', caret: 5 })).toEqual({ text: '7301 3456', caret: 4 });
    expect(regroupTyped({ text: '', caret: 0 })).toEqual({ text: '', caret: 0 });
  });
});

describe('caretBeforeBackspace', () => {
  it('steps over a space just before the caret, and nowhere else', () => {
    expect(caretBeforeBackspace({ text: '7301 2345', caret: 5 })).toBe(4);
    expect(caretBeforeBackspace({ text: '7301 2345', caret: 6 })).toBe(6);
    expect(caretBeforeBackspace({ text: '7301', caret: 0 })).toBe(0);
  });
});
